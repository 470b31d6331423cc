// The one way tests run the CLI: in-process through run(argv, io) with captured output (no colour,
// not a terminal, standard input closed unless given), or by spawning the built bin/posting.js.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli.js";
import type { CliIO } from "../../src/io.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "bin", "posting.js");

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Standard output as the bytes written (`normalize -` writes an untouched file as raw bytes). */
  stdoutBytes: Buffer;
}

export interface RunOptions {
  /** Standard input (empty and closed when absent). */
  stdin?: string | Uint8Array;
  /** The whole environment the command sees (default `{ NO_COLOR: "1" }`: no locale, so English whatever the developer's). */
  env?: CliIO["env"];
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  /** Terminal width reported by standard output. */
  columns?: number;
}

/** An in-memory CliIO, and what was written to it so far. */
export function memoryIO(cwd: string, options: RunOptions = {}): { io: CliIO; output: () => Omit<RunResult, "exitCode"> } {
  const out: Buffer[] = [];
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as CliIO["stdin"];
  if (options.stdinIsTTY) stdin.isTTY = true;
  const io: CliIO = {
    stdout: {
      write: (chunk: string | Uint8Array) => {
        const bytes = Buffer.from(chunk);
        out.push(bytes);
        stdout += typeof chunk === "string" ? chunk : bytes.toString("utf8");
        return true;
      },
      isTTY: options.stdoutIsTTY ?? false,
      ...(options.columns === undefined ? {} : { columns: options.columns }),
    },
    stderr: { write: (chunk: string | Uint8Array) => ((stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")), true), isTTY: false },
    stdin,
    cwd,
    env: options.env ?? { NO_COLOR: "1" },
  };
  return { io, output: () => ({ stdout, stderr, stdoutBytes: Buffer.concat(out) }) };
}

/** `posting <args>` in-process, in `cwd`. */
export async function runCli(args: readonly string[], cwd: string, options: RunOptions = {}): Promise<RunResult> {
  const { io, output } = memoryIO(cwd, options);
  const exitCode = await run(args, io);
  return { exitCode, ...output() };
}

/** `npm test` builds first; build here too when vitest runs alone on a fresh clone. */
export function ensureBuilt(file = join("dist", "bundle", "cli.cjs")): void {
  if (!existsSync(join(ROOT, file))) spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
}

/** `env` without the variables that name a locale (LC_ALL, LC_MESSAGES, LANG). */
export function withoutLocale(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = env;
  return rest;
}

/** `node bin/posting.js <args>` as a child process (call ensureBuilt() in a beforeAll first). */
export function spawnBin(args: readonly string[], cwd: string, options: { stdin?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): RunResult {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: options.stdin ?? "",
    // The developer's locale must not choose the language (issue 17): none is inherited.
    env: { ...withoutLocale(process.env), NO_COLOR: "1", ...options.env },
    timeout: options.timeout ?? 20_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { exitCode: child.status ?? -1, stdout: child.stdout.toString("utf8"), stderr: child.stderr.toString("utf8"), stdoutBytes: child.stdout };
}

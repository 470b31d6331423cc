// Run the CLI in-process with captured output (no colour, closed standard input unless given).
import { Readable } from "node:stream";
import { run } from "../../src/cli.js";
import type { CliIO } from "../../src/io.js";

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], cwd: string, options: { stdin?: string; env?: CliIO["env"]; stdinIsTTY?: boolean } = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from([Buffer.from(options.stdin ?? "")]) as CliIO["stdin"];
  if (options.stdinIsTTY) stdin.isTTY = true;
  const io: CliIO = {
    stdout: { write: (text: string) => ((stdout += text), true), isTTY: false },
    stderr: { write: (text: string) => ((stderr += text), true), isTTY: false },
    stdin,
    cwd,
    env: options.env ?? { NO_COLOR: "1" },
  };
  const exitCode = await run(args, io);
  return { exitCode, stdout, stderr };
}

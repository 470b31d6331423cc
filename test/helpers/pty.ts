// Drive the real binary in a pseudo-terminal: `script` gives it a TTY, and each step waits for a
// piece of the screen before typing. Used by the end-to-end tests of `posting new`.
import { spawn } from "node:child_process";

export interface PtyStep {
  /** Text to wait for (ANSI sequences stripped), after the previous step's match. */
  expect: string | RegExp;
  /** Keys to type once it appears (`\r` is Enter, `\u0003` is Ctrl-C). */
  send: string;
}

export interface PtyResult {
  exitCode: number | null;
  /** Everything shown on the terminal, ANSI sequences stripped. */
  screen: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][A-Za-z0-9]|\u001b[=>]|\r/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

export function runInPty(command: string, options: { cwd: string; steps: PtyStep[]; env?: Record<string, string>; safetyTimeoutMs?: number }): Promise<PtyResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: options.cwd,
      env: { ...process.env, TERM: "xterm", NO_COLOR: "1", COLUMNS: "120", LINES: "40", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let raw = "";
    let searchFrom = 0;
    let step = 0;
    const advance = () => {
      while (step < options.steps.length) {
        const { expect, send } = options.steps[step]!;
        const screen = stripAnsi(raw).slice(searchFrom);
        const at = typeof expect === "string" ? screen.indexOf(expect) : screen.search(expect);
        if (at === -1) return;
        const matchLength = typeof expect === "string" ? expect.length : (screen.slice(at).match(expect)?.[0].length ?? 0);
        searchFrom += at + matchLength;
        step++;
        child.stdin.write(send);
      }
    };
    child.stdout.on("data", (chunk: Buffer) => {
      raw += chunk.toString("utf8");
      advance();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      raw += chunk.toString("utf8");
    });
    // A safety net so a broken prompt fails the test instead of hanging CI; not a timing assertion.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`pty run stuck at step ${step} (${String(options.steps[step]?.expect)}); screen so far:\n${stripAnsi(raw)}`));
    }, options.safetyTimeoutMs ?? 15_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (step < options.steps.length) {
        reject(new Error(`program ended (exit ${code}) before step ${step} (${String(options.steps[step]?.expect)}); screen:\n${stripAnsi(raw)}`));
        return;
      }
      resolvePromise({ exitCode: code, screen: stripAnsi(raw) });
    });
  });
}

// `posting lint` from the command line: the scenarios beyond arguments → exit code and output
// (those are the case table test/cases/lint.cases.ts, run by test/cli-cases.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/cli.js";

/** ESC, BEL, the C1 CSI and a right-to-left override: none may reach the terminal raw. */
const ESC = /[\x1b\x07\x9b\u202e]/;
const postings = "fixtures/postings";

describe("posting lint (in-process scenarios)", () => {
  it("colour only when asked for, never with NO_COLOR", async () => {
    const plain = await runCli(["lint", postings], ROOT, { env: {} });
    expect(plain.stdout).not.toMatch(ESC);
    const forced = await runCli(["lint", "--color", postings], ROOT, { env: { NO_COLOR: "1" } });
    expect(forced.stdout).toMatch(/\x1b\[31merror/);
  });

  it("escapes control characters in file names and keys, in every format", async () => {
    const dir = mkdtempSync(join(tmpdir(), "posting-cli-escape-"));
    try {
      const name = "offre-\x1b]52;c;SGVsbG8=\x07-\x1b[2J.md";
      // Raw control characters inside quoted keys, not YAML escapes.
      writeFileSync(join(dir, name), `---\nroles: Dev\nopen: true\n"cl\x1b[2Je": x\n"c\u009b2J\u202eabc": y\n---\n`);
      for (const format of ["stylish", "json", "github", "sarif", "junit"]) {
        const { exitCode, stdout } = await runCli(["lint", "-f", format, "."], dir);
        expect(exitCode).toBe(1);
        expect(stdout).toMatch(/offre-/);
        expect(stdout, format).not.toMatch(ESC);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

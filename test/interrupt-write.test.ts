// `posting new` and `posting init` write through the one atomic writer and its one interrupt
// clean-up (cli.ts cleanUpOnInterrupt): a SIGTERM while their file is being written leaves no temp
// file, and the file is either absent (or its old bytes) or complete. The child writes a large file
// through scaffold's writeNewFile (what new and init call) so that the signal lands mid-write;
// it is sent when the temp file appears. Bounded by rounds, never by time.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const SIZE = 64 * 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-interrupt-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = `
import { cleanUpOnInterrupt } from ${JSON.stringify(pathToFileURL(join(DIST, "cli.js")).href)};
import { writeNewFile } from ${JSON.stringify(pathToFileURL(join(DIST, "core/scaffold/scaffold.js")).href)};
cleanUpOnInterrupt();
const [target, overwrite] = process.argv.slice(2);
try {
  await writeNewFile(target, "x".repeat(${SIZE}), { overwrite: overwrite === "overwrite" });
  process.exit(0);
} catch {
  // interrupted: the clean-up exits (143) once the temp file is gone
  setInterval(() => undefined, 1000);
}
`;

describe("an interrupted new or init write", () => {
  for (const mode of ["new", "overwrite"] as const) {
    it(`leaves no temp file and never a cut file (${mode === "new" ? "posting new, init" : "init --force, the hook"})`, async () => {
      const folder = mkdtempSync(join(dir, `${mode}-`));
      const script = join(dir, `child-${mode}.mjs`);
      writeFileSync(script, CHILD);
      const target = join(folder, "2026-01-01-poste.md");
      if (mode === "overwrite") writeFileSync(target, "old");
      let interrupted = 0;
      for (let round = 0; round < 3; round++) {
        const code = await new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [script, target, mode], { stdio: "ignore" });
          const watcher = watch(folder, (_event, name) => {
            if (!name?.endsWith(".posting-tmp")) return;
            watcher.close();
            child.kill("SIGTERM");
          });
          child.on("exit", (exitCode, signal) => {
            watcher.close();
            resolve(exitCode ?? (signal ? -1 : null));
          });
        });
        if (code === 143) interrupted++;
        expect(readdirSync(folder).filter((n) => n.endsWith(".posting-tmp")), `round ${round}`).toEqual([]);
        if (existsSync(target)) {
          const size = readFileSync(target).length;
          expect(size === SIZE || (mode === "overwrite" && size === 3), `the file is ${size} bytes`).toBe(true);
        }
        if (mode === "new") rmSync(target, { force: true });
      }
      // The signal came while the file was being written (the temp file was there): the runs were cut.
      expect(interrupted).toBeGreaterThan(0);
    }, 60_000);
  }
});

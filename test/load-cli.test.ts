// bin/load-cli.js: the bundle runs with the code cache made for its own build, and with none
// otherwise (another build's cache, garbage): V8 would accept a cache for a different source of
// the same length, so the build id is what keeps a stale cache out.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { BUNDLE, loadCli } = createRequire(import.meta.url)("../bin/load-cli.js") as {
  BUNDLE: string;
  loadCli: (file?: string, options?: { useCache?: boolean; filename?: string }) => { cli: { run: unknown }; script: { cachedDataRejected?: boolean } };
};

let dir: string;
beforeAll(() => {
  if (!existsSync(`${BUNDLE}.cache`)) spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), "posting-load-cli-"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the built bundle (and its cache, changed by `editCache`) in a folder of its own. */
function copyWithCache(editCache: (cache: Buffer) => Buffer): string {
  const file = join(mkdtempSync(join(dir, "b-")), "cli.cjs");
  copyFileSync(BUNDLE, file);
  writeFileSync(`${file}.cache`, editCache(readFileSync(`${BUNDLE}.cache`)));
  return file;
}

describe("bin/load-cli.js", () => {
  it("uses the cache the build made for the bundle", () => {
    const { cli, script } = loadCli();
    expect(typeof cli.run).toBe("function");
    expect(script.cachedDataRejected).toBe(false);
  });

  it("ignores a cache stamped for another build, and one that is not a cache at all", () => {
    // The same V8 data under another build's header: V8 alone would take it (same length).
    const otherBuild = copyWithCache((cache) => Buffer.concat([Buffer.from("posting code cache 0000000000000000\n"), cache.subarray(cache.indexOf(10) + 1)]));
    const garbage = copyWithCache(() => Buffer.from("not a cache\n\u0000\u0001"));
    for (const file of [otherBuild, garbage]) {
      // Run under the real bundle's name, so it finds the package's files from there.
      const { cli, script } = loadCli(file, { filename: BUNDLE });
      expect(typeof cli.run).toBe("function");
      expect(script.cachedDataRejected).toBeUndefined(); // compiled from source, no cache given to V8
    }
  });
});

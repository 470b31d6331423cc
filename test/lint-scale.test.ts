// Large runs: worker threads and the --cache give exactly the findings of a plain in-process run.
// (Speed is measured by bench/run.mjs, never asserted here.)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCollection } from "../bench/generate.mjs";
import { LintCache } from "../src/core/lint/lint-cache.js";
import { ensureBuilt, runCli, spawnBin } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
// POSTING_WORKERS=2 starts workers whatever the count: 600 files are a dozen batches.
const COUNT = 600;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-scale-"));
  generateCollection(join(dir, "content"), COUNT, 7);
  ensureBuilt(join("dist", "bundle", "worker.cjs"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spawnLint(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, "lint", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("posting lint on worker threads", () => {
  it(`finds the same, in the same order, with workers (${COUNT} files) as in-process`, async () => {
    const inProcess = await runCli(["lint", "--format", "json", "content"], dir);
    expect(inProcess.exitCode).toBe(1);
    expect((JSON.parse(inProcess.stdout) as { fileCount: number }).fileCount).toBe(COUNT);
    const threads = spawnLint(["--format", "json", "content"], { POSTING_WORKERS: "2" });
    const single = spawnLint(["--format", "json", "content"], { POSTING_WORKERS: "0" });
    expect(threads.stderr).toBe("");
    expect(threads.exitCode).toBe(1);
    expect(threads.stdout).toBe(single.stdout);
    expect(threads.stdout).toBe(inProcess.stdout);
  });
});

describe("when worker threads are used (decided at run time)", () => {
  it("never on 2 cores or fewer, nor below the threshold; one per core (at most 8) past it; POSTING_WORKERS overrides", async () => {
    // The built module, which has a worker script next to it (the TypeScript sources have none).
    const { MIN_WORKER_CORES, WORKER_THRESHOLD, workerCount } = (await import(join(ROOT, "dist", "core", "files", "workers.js"))) as typeof import("../src/core/files/workers.js");
    expect(MIN_WORKER_CORES).toBe(2);
    for (const cores of [1, 2]) expect(workerCount(10 * WORKER_THRESHOLD, {}, cores)).toBe(0);
    expect(workerCount(WORKER_THRESHOLD - 1, {}, 4)).toBe(0);
    expect(workerCount(WORKER_THRESHOLD, {}, 3)).toBe(3);
    expect(workerCount(WORKER_THRESHOLD, {}, 32)).toBe(8);
    expect(workerCount(10, { POSTING_WORKERS: "2" }, 1)).toBe(2);
    expect(workerCount(10 * WORKER_THRESHOLD, { POSTING_WORKERS: "0" }, 32)).toBe(0);
  });
});

describe("posting normalize --check on worker threads", () => {
  it("lists the same files and findings as in-process", async () => {
    const inProcess = await runCli(["normalize", "--check", "content"], dir);
    const spawned = spawnBin(["normalize", "--check", "content"], dir, { env: { POSTING_WORKERS: "2" } });
    expect(inProcess.exitCode).toBe(1);
    expect(spawned).toEqual(inProcess);
  });
});

describe("posting lint --cache", () => {
  it("reports what a run without the cache reports, run after run, and notices a changed file", async () => {
    const cacheFile = join(dir, "lint.cache");
    const plain = await runCli(["lint", "content"], dir);
    const first = await runCli(["lint", "--cache", "--cache-location", cacheFile, "content"], dir);
    expect(existsSync(cacheFile)).toBe(true);
    const second = await runCli(["lint", "--cache", "--cache-location", cacheFile, "content"], dir);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);

    const file = join(dir, "content", "batch-000", readdirFirst(join(dir, "content", "batch-000")));
    const before = readFileSync(file);
    try {
      writeFileSync(file, "---\nroles: Dev\nopen: maybe\n---\n");
      const changed = await runCli(["lint", "--cache", "--cache-location", cacheFile, "content"], dir);
      expect(changed).toEqual(await runCli(["lint", "content"], dir));
      expect(changed.stdout).toContain("SCHEMA_TYPE");
    } finally {
      writeFileSync(file, before);
    }
    expect(await runCli(["lint", "--cache", "--cache-location", cacheFile, "content"], dir)).toEqual(plain);
  });

  it("ignores a corrupt or unreadable cache file instead of failing", async () => {
    const plain = await runCli(["lint", "content"], dir);
    const corrupt = join(dir, "corrupt.cache");
    for (const garbage of ['{"format":1,"key":5,"files":[]}', '{"format":1,"files":{"x":[1]}}', ""]) {
      writeFileSync(corrupt, garbage);
      expect(await runCli(["lint", "--cache", "--cache-location", corrupt, "content"], dir)).toEqual(plain);
    }
    // Not a posting cache at all: ignored with one warning, and left as it is (test/bounds.test.ts).
    writeFileSync(corrupt, "not json");
    const foreign = await runCli(["lint", "--cache", "--cache-location", corrupt, "content"], dir);
    expect({ ...foreign, stderr: "" }).toEqual(plain);
    expect(foreign.stderr).toMatch(/^posting: warning: the cache .*corrupt\.cache is not a posting cache[^\n]*\n$/);
    expect(readFileSync(corrupt, "utf8")).toBe("not json");
    // A cache that cannot be written (its folder is a file): the run still succeeds.
    const unwritable = join(dir, "content", "batch-000", readdirFirst(join(dir, "content", "batch-000")), "lint.cache");
    expect(await runCli(["lint", "--cache", "--cache-location", unwritable, "content"], dir)).toEqual(plain);
  });

  it("is keyed by tool version and config, and by each file's schema", async () => {
    const location = join(dir, "keyed.cache");
    const cache = await LintCache.open(location, "v1");
    cache.store("/a.md", 10, 1, "hash-a", "schema-1", [{ code: "UNKNOWN_KEY", severity: "error", file: "a.md", line: 2, column: 1, path: "x", args: { key: "x", isAlias: false } }]);
    await cache.save();
    const same = await LintCache.open(location, "v1");
    expect(same.lookup("/a.md", 10, 1, "schema-1")?.findings[0]).toMatchObject({ code: "UNKNOWN_KEY", line: 2 });
    expect(same.lookup("/a.md", 11, 1, "schema-1")).toBeUndefined(); // size changed
    expect(same.lookup("/a.md", 10, 2, "schema-1")).toBeUndefined(); // time changed
    expect(same.hashOf("/a.md", "schema-1")).toBe("hash-a"); // …but the same bytes can be reused
    expect(same.lookup("/a.md", 10, 1, "schema-2")).toBeUndefined(); // schema changed
    expect((await LintCache.open(location, "v2")).lookup("/a.md", 10, 1, "schema-1")).toBeUndefined();
  });

  it("never trusts a cache signed by another user or machine, nor entries that are not findings", async () => {
    const location = join(dir, "signed.cache");
    const here = { XDG_CACHE_HOME: mkdtempSync(join(dir, "home-")) };
    const finding = { code: "UNKNOWN_KEY", severity: "error", file: "a.md", line: 2, column: 1, path: "x", args: { key: "x", isAlias: false } } as const;
    const written = await LintCache.open(location, "v1", here);
    written.store("/a.md", 10, 1, "hash-a", "schema-1", [finding]);
    await written.save();
    expect((await LintCache.open(location, "v1", here)).lookup("/a.md", 10, 1, "schema-1")?.findings).toHaveLength(1);
    // The same file on a machine with another secret (a cache committed to the repository): unused.
    const elsewhere = { XDG_CACHE_HOME: mkdtempSync(join(dir, "home-")) };
    expect((await LintCache.open(location, "v1", elsewhere)).lookup("/a.md", 10, 1, "schema-1")).toBeUndefined();
    // Entries edited into something else than findings are dropped, not reported or crashed on.
    const text = readFileSync(location, "utf8");
    const { file: _file, ...stored } = finding; // entries keep findings without their file
    expect(text).toContain(JSON.stringify(stored));
    for (const bad of [null, { ...stored, code: "X\u001b[2J" }, { ...stored, line: "1\u001b[31m" }, { ...stored, severity: "info" }, { ...stored, line: 0 }, { ...stored, args: "m" }]) {
      writeFileSync(location, text.replace(JSON.stringify(stored), JSON.stringify(bad)));
      expect((await LintCache.open(location, "v1", here)).lookup("/a.md", 10, 1, "schema-1"), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe("posting lint --cache across partial runs", () => {
  it("keeps the entries of existing files another run did not lint, and drops deleted files", async () => {
    const location = join(dir, "partial.cache");
    const a = join(dir, "a.md");
    const b = join(dir, "b.md");
    writeFileSync(a, "a");
    writeFileSync(b, "b");
    const full = await LintCache.open(location, "v1");
    full.store(a, 1, 1, "hash-a", "s", []);
    full.store(b, 1, 1, "hash-b", "s", []);
    await full.save();
    // A pre-commit hook lints only a.md…
    const hook = await LintCache.open(location, "v1");
    expect(hook.lookup(a, 1, 1, "s")).toEqual({ findings: [], facts: undefined });
    await hook.save();
    // …and CI still finds b.md in the cache.
    expect((await LintCache.open(location, "v1")).lookup(b, 1, 1, "s")).toEqual({ findings: [], facts: undefined });
    rmSync(b);
    const after = await LintCache.open(location, "v1");
    await after.save();
    expect((await LintCache.open(location, "v1")).hashOf(b, "s")).toBeUndefined();
  });
});

function readdirFirst(folder: string): string {
  return readdirSync(folder).sort()[0]!;
}

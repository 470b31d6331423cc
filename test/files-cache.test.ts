// The one cache file, a section per task (core/files/cache.ts): `normalize --check --cache` gives what
// a run without the cache gives and notices a changed file; lint and normalize --check keep their own
// entries in the same file without clobbering each other's; a cache of the earlier format is ignored
// and replaced.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const POSTINGS = fileURLToPath(new URL("../fixtures/postings/", import.meta.url));

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-files-cache-"));
  env = { NO_COLOR: "1", XDG_CACHE_HOME: join(dir, "home") };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collection(name: string): string {
  const folder = join(dir, name);
  cpSync(POSTINGS, join(folder, "p"), { recursive: true });
  return folder;
}

const tasksIn = (cache: string) => readFileSync(cache, "utf8").split("\n").slice(1).filter(Boolean).map((line) => line.split("\t")[0]);

describe("normalize --check --cache", () => {
  it("reports what a run without the cache reports, run after run, and notices a changed file", async () => {
    const cwd = collection("check");
    const cache = join(cwd, "c.cache");
    const plain = await runCli(["normalize", "--check", "p"], cwd, { env });
    expect(plain.exitCode).toBe(1);
    for (let run = 0; run < 2; run++) expect(await runCli(["normalize", "--check", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(plain);
    expect(tasksIn(cache).filter((t) => t === "normalize-check")).toHaveLength(readdirSync(join(cwd, "p")).length);
    // One file rewritten: the cached verdict "would change" is not reused.
    const name = plain.stdout.split("\n").find((line) => line.startsWith("p/"))!.slice(2);
    expect(plain.stdout).toContain(`p/${name}\n`);
    expect((await runCli(["normalize", "--write", `p/${name}`], cwd, { env })).exitCode).toBe(0);
    const after = await runCli(["normalize", "--check", "--cache", "--cache-location", cache, "p"], cwd, { env });
    expect(after).toEqual(await runCli(["normalize", "--check", "p"], cwd, { env }));
    expect(after.stdout).not.toContain(`p/${name}\n`);
  });

  it("is refused without --check", async () => {
    const r = await runCli(["normalize", "--cache", "p"], collection("refused"), { env });
    expect(r).toMatchObject({ exitCode: 2, stderr: "posting: --cache works with --check only\n" });
  });
});

describe("one cache file for every task", () => {
  it("keeps lint's entries and normalize --check's apart, each reused by its own command", async () => {
    const cwd = collection("shared");
    const cache = join(cwd, "shared.cache");
    const lint = await runCli(["lint", "p"], cwd, { env });
    const check = await runCli(["normalize", "--check", "p"], cwd, { env });
    expect(await runCli(["lint", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(lint);
    expect(await runCli(["normalize", "--check", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(check);
    const files = readdirSync(join(cwd, "p")).length;
    expect(tasksIn(cache).sort()).toEqual([...Array(files).fill("lint"), ...Array(files).fill("normalize-check")]);
    // Each command reads only its own section: lint's findings are not verdicts, nor the reverse.
    expect(await runCli(["lint", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(lint);
    expect(await runCli(["normalize", "--check", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(check);
    expect(tasksIn(cache)).toHaveLength(2 * files);
  });

  it("ignores a cache of the earlier format (no task names) and replaces it", async () => {
    const cwd = collection("old");
    const cache = join(cwd, "old.cache");
    const name = readdirSync(join(cwd, "p")).sort()[0]!;
    writeFileSync(cache, `{"format":3,"key":"0"}\n${JSON.stringify(join(cwd, "p", name))}\t[1,1,"h","s",[],0]\n`);
    expect(await runCli(["lint", "--cache", "--cache-location", cache, "p"], cwd, { env })).toEqual(await runCli(["lint", "p"], cwd, { env }));
    expect(readFileSync(cache, "utf8")).toMatch(/^\{"format":6,/);
  });
});

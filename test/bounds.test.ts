// Bounds on what a stranger's pull request controls (issue 13): alias expansion, the cache file,
// the schema and the config, links named on the command line. Where memory is the point, the
// built bin runs in a child with a small heap (a blow-up crashes it) and a timeout (a hang fails
// it); the time bounds are generous for a loaded 2-core machine, the output bounds are tight.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const HOSTILE = join(ROOT, "fixtures", "hostile");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "posting-bounds-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface ChildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/** The built bin in a child with a 96 MB heap and a timeout: a blow-up crashes it, a hang is killed. */
export function bin(args: string[], cwd: string, timeout = 20_000): ChildResult {
  const child = spawnSync(process.execPath, ["--max-old-space-size=96", BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, error: child.error };
}

describe("alias expansion is bounded by the expanded size, empty leaves included", () => {
  const COMMANDS = [
    ["lint", "posting.md"],
    ["lint", "--format", "json", "posting.md"],
    ["normalize", "posting.md"],
    ["normalize", "--check", "posting.md"],
    ["list", "--format", "json", "posting.md"],
    ["list", "--format", "ndjson", "posting.md"],
    ["list", "--format", "csv", "posting.md"],
    ["list", "--format", "table", "posting.md"],
  ];
  for (const name of ["alias-bomb-empty-leaves", "alias-bomb-empty-9-levels"]) {
    it.each(COMMANDS)(`${name}: %s %s %s %s`, (...args) => {
      const dir = join(work, name);
      cpSync(join(HOSTILE, name), dir, { recursive: true });
      const r = bin(args.filter((a): a is string => typeof a === "string"), dir);
      expect(r.error, "the command must end quickly").toBeUndefined();
      expect(r.stderr).not.toMatch(/internal error|heap/i);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout.length + r.stderr.length, "a few lines, not megabytes").toBeLessThan(4_000);
      expect(r.stdout + r.stderr).toContain("YAML_ALIAS_LIMIT");
    });
  }

  it("a posting that uses a few aliases within the budget is still read", () => {
    const dir = join(work, "alias-fine");
    cpSync(join(ROOT, "fixtures", "bounds", "alias-within-budget"), dir, { recursive: true });
    const r = bin(["list", "--format", "json", "posting.md"], dir);
    expect(r.stderr).toBe("");
    const [posting] = JSON.parse(r.stdout) as { data: { techno: string[]; "x-d": unknown[] } }[];
    expect(posting?.data.techno).toEqual(["Python", "Pandas"]);
    expect(posting?.data["x-d"]).toHaveLength(10);
  });
});

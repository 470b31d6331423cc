// `lint --staged` (what the next commit holds, under working-copy names) and `lint --changed [REF]`
// (the files changed since REF), in a real git repository made from fixtures/collection/site:
// either way the rest of the collection is read for the cross-file checks (duplicates).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/cli.js";

interface JsonReport {
  files: { file: string; findings: { code: string; line: number; column: number }[] }[];
}

/** `file:line:col CODE` for every finding, and the files checked. */
function report(stdout: string): { findings: string[]; files: string[] } {
  const r = JSON.parse(stdout) as JsonReport;
  return { findings: r.files.flatMap((f) => f.findings.map((x) => `${f.file}:${x.line}:${x.column} ${x.code}`)), files: r.files.map((f) => f.file) };
}

const DEV = "content/_jobs/2026-05-04-developpeur.md";

describe("lint --staged and --changed in a git repository", () => {
  let dir: string;
  let original: string;
  const git = (...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], { cwd: dir, encoding: "utf8", maxBuffer: 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  const lint = (...args: string[]) => runCli(["lint", "--format", "json", ...args], dir);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "posting-git-"));
    cpSync(join(ROOT, "fixtures", "collection", "site"), dir, { recursive: true });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "site");
    git("checkout", "-q", "-b", "feature");
    original = readFileSync(join(dir, DEV), "utf8");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--staged lints the index under the working-copy path, duplicates found against the working copy", async () => {
    writeFileSync(join(dir, DEV), original.replace("open: true", 'open: "peut-être"'));
    git("add", DEV);
    writeFileSync(join(dir, DEV), original);
    const staged = await lint("--staged");
    expect(staged.exitCode, staged.stderr).toBe(1);
    expect(report(staged.stdout)).toEqual({ files: [DEV], findings: [`${DEV}:2:8 DUPLICATE_POSTING`, `${DEV}:4:7 SCHEMA_TYPE`] });
    // The working copy, fixed, has no SCHEMA_TYPE: what was linted is the index.
    const working = await lint(DEV);
    expect(report(working.stdout).findings).not.toContain(`${DEV}:4:7 SCHEMA_TYPE`);
    // Staged good, working copy broken: no SCHEMA_TYPE.
    writeFileSync(join(dir, DEV), `${original}Une ligne de plus.\n`);
    git("add", DEV);
    writeFileSync(join(dir, DEV), original.replace("open: true", 'open: "peut-être"'));
    const good = await lint("--staged", "content/_jobs");
    expect(report(good.stdout)).toEqual({ files: [DEV], findings: [`${DEV}:2:8 DUPLICATE_POSTING`] });
    writeFileSync(join(dir, DEV), original);
    git("add", DEV);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("--staged with nothing staged under the paths checks nothing", async () => {
    const r = await lint("--staged", "docs");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(report(r.stdout).files).toEqual([]);
  });

  it("--changed: only the files changed since the merge base with main; cross-file checks see the collection", async () => {
    const none = await lint("--changed");
    expect(none.exitCode, none.stderr).toBe(0);
    expect(report(none.stdout).files).toEqual([]);

    writeFileSync(join(dir, DEV), `${original}Une ligne de plus.\n`);
    git("commit", "-q", "-am", "change one posting");
    for (const args of [["--changed"], ["--changed", "main"], ["--changed=main", "content/_jobs"], ["--changed", "content/_jobs"]]) {
      const r = await lint(...args);
      // A warning: exit 0, though the whole collection has errors (in files not changed).
      expect(r.exitCode, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      // The duplicate it has of an unchanged file is found; the unchanged files' own findings are not shown.
      expect(report(r.stdout), args.join(" ")).toEqual({ files: [DEV], findings: [`${DEV}:2:8 DUPLICATE_POSTING`] });
    }
    expect((await lint()).exitCode).toBe(1);
    const sinceHead = await lint("--changed", "HEAD");
    expect(report(sinceHead.stdout).files).toEqual([]);
  });

  it("--changed REF that is not a commit, and --changed outside a repository: exit 2, one line", async () => {
    const r = await lint("--changed", "no-such-branch");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("posting: --changed: no-such-branch is not a commit of this repository\n");
    const outside = mkdtempSync(join(tmpdir(), "posting-nogit-"));
    try {
      writeFileSync(join(outside, "a.md"), "---\nroles: x\nopen: true\n---\n");
      const staged = await runCli(["lint", "--staged", "a.md"], outside);
      expect(staged.exitCode).toBe(2);
      expect(staged.stderr).toMatch(/^posting: --staged needs a git repository: not a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

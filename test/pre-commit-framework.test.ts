// .pre-commit-hooks.yaml with the real pre-commit framework: a site repository whose
// .pre-commit-config.yaml points at a clone of this repository (its working tree, committed in a
// temporary repository) by commit hash. pre-commit installs the node hook its own way (npm install,
// npm pack, npm install -g of the tarball: dependencies from the npm registry) and runs it.
// Slow (an install): not part of `npm test`; vitest.config.ts includes this file only with
// POSTING_PRE_COMMIT_TEST=1, which .ci/run sets for its own run of it after installing Debian's
// pre-commit. Nothing here is skipped: without pre-commit on PATH, it fails.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const GOOD = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
const BAD = "---\nroles: Coach\nopen: true\ncontact: pas-une-adresse\n---\n\nTexte.\n";
// Not canonical: `open: yes` and the key order, which normalize fixes.
const UNNORMALIZED = "---\nopen: yes\nroles: Designer\n---\n\nTexte.\n";

const MAX_OUTPUT = 4 * 1024 * 1024;

describe("pre-commit framework (real) with .pre-commit-hooks.yaml", () => {
  let work: string;
  let site: string;
  let env: NodeJS.ProcessEnv;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", args, { cwd, env, encoding: "utf8", maxBuffer: MAX_OUTPUT, stdio: ["ignore", "pipe", "pipe"] });
  const preCommit = (...args: string[]) => spawnSync("pre-commit", args, { cwd: site, env, encoding: "utf8", maxBuffer: MAX_OUTPUT, timeout: 300_000 });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "posting-pre-commit-"));
    env = {
      ...process.env,
      NO_COLOR: "1",
      PRE_COMMIT_HOME: join(work, "cache"),
      PRE_COMMIT_COLOR: "never",
      npm_config_update_notifier: "false",
      GIT_CONFIG_GLOBAL: join(work, "gitconfig"),
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    };
    writeFileSync(env.GIT_CONFIG_GLOBAL!, "[init]\n\tdefaultBranch = main\n");
    // This repository as a user's clone would have it: the tracked and new files of the working tree.
    const repo = join(work, "posting");
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8", maxBuffer: MAX_OUTPUT });
    for (const file of new Set(listed.split("\0").filter(Boolean))) {
      const from = join(ROOT, file);
      if (!existsSync(from) || !lstatSync(from).isFile()) continue;
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      copyFileSync(from, join(repo, file));
    }
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "snapshot");
    const rev = git(repo, "rev-parse", "HEAD").trim();

    site = join(work, "site");
    mkdirSync(join(site, "_jobs"), { recursive: true });
    git(site, "init", "-q");
    writeFileSync(
      join(site, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: posting-lint\n      - id: posting-normalize\n      - id: posting-normalize-fix\n`,
    );
    writeFileSync(join(site, "_jobs", "2026-05-04-developpeur.md"), GOOD);
    git(site, "add", "-A");
    // The install is the slow part (npm install of the hook's dependencies): once, here.
    const installed = preCommit("install-hooks");
    expect(installed.status, `${installed.stdout}\n${installed.stderr}`).toBe(0);
    // `git commit` runs the hooks from now on.
    expect(preCommit("install").status).toBe(0);
  }, 360_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("pre-commit is Debian's (3.0.x) or newer", () => {
    const r = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^pre-commit [3-9]\.\d+\.\d+/);
  });

  const commit = (message: string) => spawnSync("git", ["commit", "-q", "-m", message], { cwd: site, env, encoding: "utf8", maxBuffer: MAX_OUTPUT, timeout: 300_000 });

  it("a good posting passes all three hooks, and its commit is made", () => {
    const r = preCommit("run", "--all-files");
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/posting lint\.+Passed/);
    expect(r.stdout).toMatch(/posting normalize \(check\)\.+Passed/);
    expect(r.stdout).toMatch(/posting normalize \(fix\)\.+Passed/);
    const good = commit("good");
    expect(good.status, `${good.stdout}\n${good.stderr}`).toBe(0);
    expect(git(site, "rev-list", "--count", "HEAD").trim()).toBe("1");
  }, 120_000);

  it("a bad posting blocks the commit, with its finding", () => {
    writeFileSync(join(site, "_jobs", "2026-05-18-coach.md"), BAD);
    git(site, "add", "-A");
    const bad = commit("bad");
    expect(bad.status, `${bad.stdout}\n${bad.stderr}`).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/posting lint\.+Failed/);
    expect(bad.stdout + bad.stderr).toMatch(/2026-05-18-coach\.md/);
    expect(bad.stdout + bad.stderr).toMatch(/SCHEMA_FORMAT/);
    expect(git(site, "rev-list", "--count", "HEAD").trim()).toBe("1");
    git(site, "rm", "-q", "--cached", "_jobs/2026-05-18-coach.md");
    rmSync(join(site, "_jobs", "2026-05-18-coach.md"));
  }, 120_000);

  it("the fixer rewrites an unnormalized posting and fails, as pre-commit fixers do", () => {
    const file = join(site, "_jobs", "2026-05-11-designer.md");
    writeFileSync(file, UNNORMALIZED);
    git(site, "add", "-A");
    const r = preCommit("run", "posting-normalize-fix", "--files", "_jobs/2026-05-11-designer.md");
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(r.stdout).toMatch(/files were modified by this hook/);
    expect(readFileSync(file, "utf8")).not.toBe(UNNORMALIZED);
    git(site, "add", "-A");
    const again = preCommit("run", "--all-files");
    expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
  }, 120_000);
});

// `posting init`: the config it writes (detected defaults, flags, answers), never overwriting
// without --force, and --hook: a git pre-commit hook that really runs on `git commit`, or the
// snippet for the framework the repository uses. Standard input is closed: nothing may wait.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initCommand } from "../src/commands/init.js";
import type { InitCommandOptions } from "../src/commands/init.js";
import { ensureBuilt, memoryIO, runCli } from "./helpers/cli.js";
import { Attempts, INTERRUPT, ScriptedPrompter } from "./helpers/new-helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const VALID = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";

const temps: string[] = [];
function tempDir(layout: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "posting-init-"));
  temps.push(dir);
  for (const [path, text] of Object.entries(layout)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    if (path.endsWith("/")) mkdirSync(join(dir, path), { recursive: true });
    else writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]) {
  return spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
}

const readConfig = (dir: string) => JSON.parse(readFileSync(join(dir, "posting.config.json"), "utf8")) as Record<string, unknown>;

// Arguments → exit code, output and config written: the case table test/cases/init.cases.ts.
describe("posting init (in-process, closed stdin): scenarios", () => {
  it("what it writes loads, and lint then uses it", async () => {
    const dir = tempDir({ "content/_jobs/2026-05-04-dev.md": VALID, "content/_jobs/offre.md": VALID });
    expect((await runCli(["init", "--yes"], dir)).exitCode).toBe(0);
    const r = await runCli(["lint"], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/content\/_jobs\/offre\.md\n {2}1:1 {2}error {4}the file name "offre\.md" does not follow YYYY-MM-DD-slug\.md/);
  });
});

describe("posting init, questions (scripted prompter)", () => {
  const runInit = async (dir: string, options: InitCommandOptions, prompter: ScriptedPrompter) => {
    const { io, output } = memoryIO(dir);
    const exitCode = await initCommand(options, io, { prompter });
    return { exitCode, ...output() };
  };

  it("asks what the flags do not give; a bad answer is asked again", async () => {
    const dir = tempDir({ "content/_jobs/": "", "content/_startups/": "" });
    const prompter = new ScriptedPrompter({ content: new Attempts("/abs", "content/_jobs"), fileName: new Attempts("x/y", "YYYY-MM-DD-slug.md"), references: false });
    const r = await runInit(dir, { template: "modele.md" }, prompter);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(prompter.asked.map((q) => q.name)).toEqual(["content", "fileName", "schema", "references"]);
    expect(prompter.asked[0]!.rejected).toEqual(["give a path relative to this folder"]);
    expect(prompter.asked[1]!.rejected).toEqual(["a file name, without / or \\"]);
    expect(readConfig(dir)).toEqual({ content: ["content/_jobs"], template: "modele.md", fileName: "YYYY-MM-DD-slug.md" });
  });

  it("--yes asks nothing", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({});
    expect((await runInit(dir, { yes: true }, prompter)).exitCode).toBe(0);
    expect(prompter.asked).toEqual([]);
  });

  it("Ctrl-C: exit 130, nothing written", async () => {
    const dir = tempDir();
    const r = await runInit(dir, {}, new ScriptedPrompter({ fileName: INTERRUPT }));
    expect(r.exitCode).toBe(130);
    expect(existsSync(join(dir, "posting.config.json"))).toBe(false);
  });
});

describe("posting init --hook in a git repository", () => {
  beforeAll(() => {
    ensureBuilt();
  }, 120_000);

  /** The site's own install of posting, as `npm install --save-dev` leaves it: node_modules/.bin/posting. */
  function installLocally(dir: string): void {
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(dir, "node_modules", ".bin", "posting"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(dir, "node_modules", ".bin", "posting"), 0o755);
  }
  const commitIn = (dir: string) => (message: string) =>
    spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", maxBuffer: 1024 * 1024 });

  it("installs an executable hook that lints the staged postings on git commit", async () => {
    const dir = tempDir({ "content/_jobs/": "", "README.md": "# Pas une offre\n", ".gitignore": "node_modules/\n" });
    git(dir, "init", "-q");
    installLocally(dir);
    const r = await runCli(["init", "--yes", "--hook"], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Installed \.git\/hooks\/pre-commit: each commit lints the staged postings under content\/_jobs\/\.$/m);
    const hook = join(dir, ".git", "hooks", "pre-commit");
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(readFileSync(hook, "utf8")).toMatch(/node_modules\/\.bin\/posting lint --staged -- 'content\/_jobs'/);
    const commit = commitIn(dir);

    // README.md is not a posting: not linted.
    git(dir, "add", "README.md", "posting.config.json", ".gitignore");
    expect(commit("readme").status).toBe(0);

    writeFileSync(join(dir, "content", "_jobs", "-V 2026.md"), "---\ntitles: x\n---\n");
    git(dir, "add", "--", "content/_jobs/-V 2026.md");
    const refused = commit("bad posting");
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/content\/_jobs\/-V 2026\.md/);
    expect(refused.stdout + refused.stderr).toMatch(/SCHEMA_REQUIRED/);

    git(dir, "rm", "-q", "--cached", "--", "content/_jobs/-V 2026.md");
    rmSync(join(dir, "content", "_jobs", "-V 2026.md"));
    writeFileSync(join(dir, "content", "_jobs", "2026-05-04-dev.md"), VALID);
    git(dir, "add", "content/_jobs/2026-05-04-dev.md");
    const accepted = commit("good posting");
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
  });

  it("checks what is staged: staged bad + working copy fixed is blocked; staged good + working copy broken passes", async () => {
    const dir = tempDir({ "content/_jobs/": "" });
    git(dir, "init", "-q");
    installLocally(dir);
    expect((await runCli(["init", "--yes", "--hook"], dir)).exitCode).toBe(0);
    const commit = commitIn(dir);
    const file = join(dir, "content", "_jobs", "2026-05-04-dev.md");
    const BAD = VALID.replace("open: true", 'open: "true"');

    writeFileSync(file, BAD);
    git(dir, "add", "content/_jobs/2026-05-04-dev.md");
    writeFileSync(file, VALID);
    const blocked = commit("staged bad");
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/^content\/_jobs\/2026-05-04-dev\.md$/m);
    expect(blocked.stdout + blocked.stderr).toMatch(/SCHEMA_TYPE/);

    git(dir, "add", "content/_jobs/2026-05-04-dev.md");
    writeFileSync(file, BAD);
    const passed = commit("staged good");
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(git(dir, "show", "HEAD:content/_jobs/2026-05-04-dev.md").stdout).toBe(VALID);
  });

  it("without posting installed in the site: init warns, and the hook fails with a clear message", async () => {
    const dir = tempDir({ "content/_jobs/": "" });
    git(dir, "init", "-q");
    const r = await runCli(["init", "--yes", "--hook"], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^posting: warning: posting is not installed in this folder \(no node_modules\/\.bin\/posting\).*npm install --save-dev/m);
    writeFileSync(join(dir, "content", "_jobs", "2026-05-04-dev.md"), VALID);
    git(dir, "add", "content/_jobs/2026-05-04-dev.md");
    const refused = commitIn(dir)("no posting");
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/^posting: node_modules\/\.bin\/posting not found: install it in the site as a dev dependency/m);
    expect(refused.stderr).not.toMatch(/xargs|No such file/);
  });

  it("never overwrites another hook without --force; prints the lines to add", async () => {
    const dir = tempDir();
    git(dir, "init", "-q");
    const hook = join(dir, ".git", "hooks", "pre-commit");
    writeFileSync(hook, "#!/bin/sh\nnpm test\n", { mode: 0o755 });
    const r = await runCli(["init", "--yes", "--hook"], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/\.git\/hooks\/pre-commit already exists and was left as is\. Add these lines to it/);
    expect(r.stdout).toMatch(/node_modules\/\.bin\/posting lint --staged -- 'content\/_jobs'/);
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\nnpm test\n");

    const again = await runCli(["init", "--hook", "--force"], dir);
    expect(again.exitCode).toBe(0);
    expect(readFileSync(hook, "utf8")).toMatch(/posting: lint the staged postings/);
    // Run again: the hook is ours, the config exists: both left as they are.
    const third = await runCli(["init", "--hook"], dir);
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toMatch(/posting\.config\.json already exists; left as is\.\n\n\.git\/hooks\/pre-commit already lints the postings\./);
  });

  it("run from a sub-folder of the repository, the hook names the content folder from the top", async () => {
    const dir = tempDir({ "site/content/_jobs/": "" });
    git(dir, "init", "-q");
    const r = await runCli(["init", "--yes", "--hook"], join(dir, "site"));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(dir, ".git", "hooks", "pre-commit"), "utf8")).toMatch(/cd 'site' \|\| exit 1\n.*-- 'content\/_jobs'\n/s);
  });
});


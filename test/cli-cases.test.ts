// Every command's case table (test/cases/*.cases.ts) run in-process through run(argv, io), and the
// cases marked `spawn: true` once more through the built bin/posting.js.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CliCase, TextExpect } from "./cases/case.js";
import { INIT_CASES } from "./cases/init.cases.js";
import { LINT_CASES } from "./cases/lint.cases.js";
import { LIST_CASES } from "./cases/list.cases.js";
import { NEW_CASES } from "./cases/new.cases.js";
import { NORMALIZE_CASES } from "./cases/normalize.cases.js";
import { SET_CASES } from "./cases/set.cases.js";
import { CLOSE_CASES } from "./cases/close.cases.js";
import { LSP_CASES } from "./cases/lsp.cases.js";
import { ensureBuilt, ROOT, runCli, spawnBin } from "./helpers/cli.js";
import type { RunResult } from "./helpers/cli.js";

const TABLES: [string, CliCase[]][] = [
  ["lint", LINT_CASES],
  ["normalize", NORMALIZE_CASES],
  ["list", LIST_CASES],
  ["new", NEW_CASES],
  ["init", INIT_CASES],
  ["set", SET_CASES],
  ["close", CLOSE_CASES],
  ["lsp", LSP_CASES],
];

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** The folder a case runs in: the fixture itself, or a fresh temporary folder (os.tmpdir(): no config above). */
function folderFor(c: CliCase): { cwd: string; temporary: boolean } {
  if (!c.copy && !c.layout && c.cwd !== "<empty>") return { cwd: join(ROOT, c.cwd ?? ""), temporary: false };
  const dir = mkdtempSync(join(tmpdir(), "posting-case-"));
  temps.push(dir);
  if (c.copy) cpSync(join(ROOT, c.cwd ?? ""), dir, { recursive: true });
  for (const [path, text] of Object.entries(c.layout ?? {})) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    if (path.endsWith("/")) mkdirSync(join(dir, path), { recursive: true });
    else writeFileSync(join(dir, path), text);
  }
  return { cwd: dir, temporary: true };
}

function expectText(text: string, e: TextExpect | undefined, what: string): void {
  if (!e) return;
  if (e.equals !== undefined) expect(text, what).toBe(e.equals);
  for (const s of e.includes ?? []) expect(text, what).toContain(s);
  for (const s of e.excludes ?? []) expect(text, what).not.toContain(s);
  for (const p of e.matches ?? []) expect(text, what).toMatch(p);
  for (const p of e.notMatches ?? []) expect(text, what).not.toMatch(p);
  if (e.lines !== undefined) expect(text.split("\n").length - 1, `${what}: lines`).toBe(e.lines);
  if (e.json) e.json(JSON.parse(text));
}

async function check(c: CliCase, run: (args: string[], cwd: string) => Promise<RunResult> | RunResult): Promise<void> {
  const { cwd, temporary } = folderFor(c);
  const before = temporary ? filesUnder(cwd) : [];
  const result = await run(c.args, cwd);
  const context = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  expect(result.exitCode, context).toBe(c.exitCode);
  expectText(result.stdout, c.stdout, `stdout\n${context}`);
  expectText(result.stderr, c.stderr, `stderr\n${context}`);
  // A usage error says who is talking.
  if (c.exitCode === 2 && !c.args.includes("--help")) expect(result.stderr, context).toMatch(/^posting: /);
  if (c.tree) expect(filesUnder(cwd)).toEqual(c.tree);
  for (const [path, e] of Object.entries(c.files ?? {})) {
    if (e === null) expect(existsSync(join(cwd, path)), `${path} must not exist`).toBe(false);
    else expectText(readFileSync(join(cwd, path), "utf8"), e, path);
  }
  // A posting a command creates is clean for lint, but for the template's placeholders the recruiter fills in.
  if (temporary) {
    for (const path of filesUnder(cwd).filter((p) => p.endsWith(".md") && !before.includes(p))) {
      const lint = await runCli(["lint", "--format", "json", path], cwd);
      const report = JSON.parse(lint.stdout) as { errorCount: number; files: { findings: { code: string }[] }[] };
      expect(report, `${path} written by the case lints clean`).toMatchObject({ errorCount: 0 });
      expect(report.files.flatMap((f) => f.findings.map((x) => x.code)).filter((code) => code !== "TEMPLATE_PLACEHOLDER"), `${path} written by the case lints clean`).toEqual([]);
    }
  }
}

for (const [command, cases] of TABLES) {
  describe(`posting ${command}: case table (in-process)`, () => {
    it.each(cases)("$name", (c) => check(c, (args, cwd) => runCli(args, cwd, { ...(c.stdin === undefined ? {} : { stdin: c.stdin }), ...(c.env ? { env: c.env } : {}) })));
  });
}

describe("case tables: bin/posting.js (spawned)", () => {
  beforeAll(() => ensureBuilt(), 60_000);
  const spawned = TABLES.flatMap(([command, cases]) => cases.filter((c) => c.spawn).map((c) => ({ ...c, name: `${command}: ${c.name}` })));

  it("every command has spawned cases", () => {
    expect(new Set(spawned.map((c) => c.name.split(":")[0]))).toEqual(new Set(TABLES.map(([command]) => command)));
  });

  it.each(spawned)("$name", (c) => check(c, (args, cwd) => spawnBin(args, cwd, { ...(c.stdin === undefined ? {} : { stdin: c.stdin }), ...(c.env ? { env: c.env } : {}) })));
});

// Hostile and broken input (issue 8): every command over every case of fixtures/hostile, plus the
// inputs scripts/make-hostile-fixtures.mjs generates (too big, too odd or too special to commit).
// Each case's expected.json gives the outcome per command; every run must also end without an
// internal error, print no raw control sequence, run no code and pollute no prototype.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnBin } from "./helpers/cli.js";
import type { RunResult } from "./helpers/cli.js";
import { NEVER_RAW_PATTERN } from "./helpers/unsafe.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HOSTILE = join(ROOT, "fixtures", "hostile");
const SCRIPT = join(ROOT, "scripts", "make-hostile-fixtures.mjs");
const BIN = join(ROOT, "bin", "posting.js");

/** Files the code in the fixtures would create if anything ever ran it. */
const PWNED_MARKERS = ["js", "javascript", "coffee", "tag", "python", "body"].map((m) => `/tmp/posting-hostile-pwned-${m}`);
/** What must never reach a terminal raw: the escaper's whole set but tab and LF (test/helpers/unsafe.ts). */
const UNSAFE_OUTPUT = NEVER_RAW_PATTERN;
const IS_ROOT = process.getuid?.() === 0;

interface Outcome {
  exitCode: number;
  /** Finding codes reported (sorted, unique). */
  codes: string[];
}

export interface HostileCase {
  description: string;
  /** Arguments naming the input, relative to the case folder. */
  args: string[];
  lint: Outcome;
  normalize: Outcome & { status: "changed" | "unchanged" | "refused" };
  list: { exitCode: number; postings: number; unreadable: string[] };
  /** Text that must appear in no output (a linked system file's contents). */
  neverPrinted?: string[];
  /** Run as a child process with a timeout (a FIFO must not block). */
  child?: boolean;
  /** Replaces parts of the outcome when the tests run as root (permissions do not stop root). */
  asRoot?: Partial<Pick<HostileCase, "lint" | "normalize" | "list">>;
}

let work: string;
const cases = readdirSync(HOSTILE, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function expectedOf(name: string): HostileCase {
  const expected = JSON.parse(readFileSync(join(HOSTILE, name, "expected.json"), "utf8")) as HostileCase;
  return IS_ROOT && expected.asRoot ? { ...expected, ...expected.asRoot } : expected;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "posting-hostile-"));
  for (const name of cases) cpSync(join(HOSTILE, name), join(work, name), { recursive: true });
  execFileSync(process.execPath, [SCRIPT, work]);
  for (const marker of PWNED_MARKERS) rmSync(marker, { force: true });
});

afterAll(() => {
  if (!work) return;
  for (const name of readdirSync(work)) {
    const file = join(work, name, "posting.md");
    if (existsSync(file) && !lstatSync(file).isSymbolicLink()) chmodSync(file, 0o644);
  }
  rmSync(work, { recursive: true, force: true });
});

async function runCase(name: string, expected: HostileCase, args: string[]): Promise<RunResult> {
  const cwd = join(work, name);
  if (!expected.child) return runCli([...args, ...expected.args], cwd);
  // spawnBin throws if the child is still running after the timeout: the command must not block.
  return spawnBin([...args, ...expected.args], cwd, { timeout: 10_000 });
}

/** What holds for every run of every command on every case. */
function expectSafe(result: RunResult, expected: HostileCase): void {
  expect(result.stderr).not.toMatch(/internal error/);
  // A CR right before a LF (CSV rows end in CRLF) moves nothing on a terminal.
  expect(result.stdout.replace(/\r\n/g, "\n")).not.toMatch(UNSAFE_OUTPUT);
  expect(result.stderr).not.toMatch(UNSAFE_OUTPUT);
  for (const text of expected.neverPrinted ?? []) {
    expect(result.stdout).not.toContain(text);
    expect(result.stderr).not.toContain(text);
  }
  for (const marker of PWNED_MARKERS) expect(existsSync(marker), `${marker} was created: code ran`).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
}

function codesIn(text: string, pattern: RegExp): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!))].sort();
}

function lintCodes(json: string): string[] {
  const report = JSON.parse(json) as { files: { findings: { code: string }[] }[] };
  return [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.code)))].sort();
}

/** Bytes of every file under a case folder (links and specials by kind), to see what changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const info = statSync(path);
        // Content hash; a (sparse) file far beyond what posting reads stands for itself by size.
        let bytes = `mode ${info.mode} size ${info.size}`;
        try {
          if (info.size < 16 * 1024 * 1024) bytes = createHash("sha256").update(readFileSync(path)).digest("hex");
        } catch {
          // unreadable: its mode stands for its contents
        }
        out.set(path, `${bytes} ${info.mtimeMs}`);
      } else out.set(path, entry.isSymbolicLink() ? "link" : "special");
    }
  };
  visit(dir);
  return out;
}

describe.each(cases)("hostile input %s", (name) => {
  const expected = expectedOf(name);
  const cwd = () => join(work, name);

  it.each(["stylish", "json", "github", "sarif", "junit"])("lint --format %s (changes nothing on disk)", async (format) => {
    const before = snapshot(cwd());
    const result = await runCase(name, expected, ["lint", "--format", format]);
    expect(snapshot(cwd())).toEqual(before);
    expectSafe(result, expected);
    expect(result.exitCode).toBe(expected.lint.exitCode);
    if (format === "json") expect(lintCodes(result.stdout)).toEqual(expected.lint.codes);
    if (format === "stylish") expect(codesIn(result.stdout, / {2}([A-Z][A-Z0-9_]+)$/gm)).toEqual(expected.lint.codes);
  });

  it.each(["table", "json", "ndjson", "csv"])("list --format %s (changes nothing on disk)", async (format) => {
    const before = snapshot(cwd());
    const result = await runCase(name, expected, ["list", "--format", format]);
    expect(snapshot(cwd())).toEqual(before);
    expectSafe(result, expected);
    expect(result.exitCode).toBe(expected.list.exitCode);
    expect(codesIn(result.stderr, /\[([A-Z][A-Z0-9_]+)\]$/gm)).toEqual(expected.list.unreadable);
    if (format === "json") expect((JSON.parse(result.stdout) as unknown[]).length).toBe(expected.list.postings);
  });

  // The expectations are the canonical style's (it rewrites raw control characters as escapes).
  it("normalize (diff), normalize --check: exit codes, findings, nothing written", async () => {
    const before = snapshot(cwd());
    const diff = await runCase(name, expected, ["normalize", "--canonical"]);
    expectSafe(diff, expected);
    expect(codesIn(diff.stderr, / {2}([A-Z][A-Z0-9_]+)$/gm)).toEqual(expected.normalize.codes);
    expect(diff.exitCode).toBe(expected.normalize.exitCode);
    expect(diff.stdout !== "", "a diff is shown exactly when the file would change").toBe(expected.normalize.status === "changed");

    const check = await runCase(name, expected, ["normalize", "--check", "--canonical"]);
    expectSafe(check, expected);
    expect(check.exitCode).toBe(expected.normalize.status === "unchanged" && expected.normalize.exitCode === 0 ? 0 : 1);
    expect(snapshot(cwd())).toEqual(before);
  });

  it("normalize --write on a copy: writes only a change, then is a no-op", async () => {
    const copy = join(work, `${name}.write`);
    if (expected.child) {
      // cpSync cannot copy a FIFO; the original is as good as a copy since nothing may be written.
      const result = await runCase(name, expected, ["normalize", "--write", "--canonical"]);
      expectSafe(result, expected);
      expect(result.exitCode).toBe(expected.normalize.exitCode);
      return;
    }
    cpSync(cwd(), copy, { recursive: true, verbatimSymlinks: true });
    try {
      const before = snapshot(copy);
      const first = await runCli(["normalize", "--write", "--canonical", ...expected.args], copy);
      expectSafe(first, expected);
      expect(first.exitCode).toBe(expected.normalize.exitCode);
      const after = snapshot(copy);
      const changed = [...after].filter(([path, bytes]) => before.get(path)?.split(" ")[0] !== bytes.split(" ")[0]).map(([path]) => path);
      expect(changed.length > 0).toBe(expected.normalize.status === "changed");
      expect([...after.keys()].sort(), "no file appears or disappears (no temp file left)").toEqual([...before.keys()].sort());
      for (const path of changed) expect(readFileSync(path, "utf8")).not.toContain("\uFFFD");

      const second = await runCli(["normalize", "--check", "--canonical", ...expected.args], copy);
      expectSafe(second, expected);
      if (expected.normalize.status !== "refused") expect(second.stdout, "a second run has nothing to change").toBe("");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("hostile inputs, generated", () => {
  it("every generated case has its expected.json", () => {
    const generated = readdirSync(work).filter((n) => !n.endsWith(".write"));
    for (const name of generated) expect(existsSync(join(HOSTILE, name, "expected.json")), `fixtures/hostile/${name}/expected.json`).toBe(true);
  });
});

// Runs commands in one child process through the built CLI's run(), reporting the process's peak
// memory: a blow-up detector, not a benchmark (bounds are generous). A hang is the child's timeout.
const DRIVER = `
const { run } = await import(process.env.POSTING_CLI_URL);
const results = [];
for (const args of JSON.parse(process.env.POSTING_RUNS)) {
  let stdout = "";
  let stderr = "";
  const exitCode = await run(args, {
    stdout: { write: (t) => ((stdout += t), true), isTTY: false },
    stderr: { write: (t) => ((stderr += t), true), isTTY: false },
    stdin: process.stdin,
    cwd: process.cwd(),
    env: { NO_COLOR: "1" },
  });
  results.push({ args, exitCode, stdout, stderr });
}
process.stdout.write(JSON.stringify({ results, maxRssKb: process.resourceUsage().maxRSS }));
`;
const CLI_URL = new URL("../dist/bundle/cli.cjs", import.meta.url).href;

interface DriverResult {
  results: { args: string[]; exitCode: number; stdout: string; stderr: string }[];
  maxRssKb: number;
}

function drive(runs: string[][], cwd: string, env: Record<string, string> = {}): DriverResult {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", DRIVER], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env, POSTING_CLI_URL: CLI_URL, POSTING_RUNS: JSON.stringify(runs) },
  });
  expect(child.error).toBeUndefined();
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as DriverResult;
}

const COSTLY = [
  "alias-bomb-deep",
  "alias-bomb-wide",
  "nesting-flow-5000",
  "nesting-flow-map-3000",
  "nesting-block-5000",
  "nesting-indent-150",
  "front-matter-20000-lines",
  "front-matter-1mb-line",
  "body-1mb-line",
  "body-garbled-run",
  "body-garbled-words",
  "body-5mb",
];

describe("bounded cost: each command on each costly file (child process)", () => {
  /** Measured: 50–110 MB per command; these bounds only catch a blow-up (a hang: drive's timeout). */
  const MAX_RSS_KB = 256 * 1024;
  /** What a costly file may make a command print: findings or one row, never the file's contents. */
  const MAX_OUTPUT = 32 * 1024;
  /** 120,000 garbled words are 100 findings and one that counts the rest (measured: 0–101). */
  const MAX_FINDINGS = 101;

  it.each(COSTLY)("%s: lint, normalize --check, list each well under the bounds", (name) => {
    const runs = [["lint", "posting.md"], ["normalize", "--check", "posting.md"], ["list", "--format", "json", "posting.md"]];
    // One child per command: the bound is per command, as the README states it.
    const driven = runs.map((run) => drive([run], join(work, name)));
    const results = driven.flatMap((d) => d.results);
    const maxRssKb = Math.max(...driven.map((d) => d.maxRssKb));
    for (const r of results) {
      const what = r.args.join(" ");
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stdout.length + r.stderr.length, `${what}: output size`).toBeLessThan(MAX_OUTPUT);
      // stylish prints one "line:column  severity" line per finding.
      if (r.args[0] === "lint") expect(r.stdout.match(/^ {2}\d+:\d+ {2}(?:error|warning)/gm)?.length ?? 0, `${what}: findings`).toBeLessThanOrEqual(MAX_FINDINGS);
    }
    expect(maxRssKb, `peak memory ${Math.round(maxRssKb / 1024)} MB`).toBeLessThan(MAX_RSS_KB);
  });
});

describe("many files: the costly cases among 420 postings go through worker threads (child process)", () => {
  it("lint reports each of them and the process survives (two deep files in one worker once aborted it)", () => {
    const dir = mkdtempSync(join(tmpdir(), "posting-hostile-many-"));
    try {
      const valid = readFileSync(join(ROOT, "fixtures", "postings", "2026-01-12-developpeur-fullstack-aides-territoires.md"));
      for (let i = 0; i < 420; i++) writeFileSync(join(dir, `valid-${String(i).padStart(3, "0")}.md`), valid);
      for (const name of COSTLY) cpSync(join(work, name, "posting.md"), join(dir, `${name}.md`));
      const child = spawnSync(process.execPath, [BIN, "lint", "--format", "json", "."], { cwd: dir, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024 });
      expect(child.signal, child.stderr.slice(0, 500)).toBeNull();
      expect(child.status).toBe(1);
      const report = JSON.parse(child.stdout) as { fileCount: number; files: { file: string; findings: { code: string }[] }[] };
      expect(report.fileCount).toBe(420 + COSTLY.length);
      for (const name of COSTLY) {
        const codes = [...new Set(report.files.find((f) => f.file === `${name}.md`)?.findings.map((f) => f.code))].sort();
        expect(codes, name).toEqual(expectedOf(name).lint.codes);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deterministic output whatever the time zone and locale (child processes)", () => {
  it("lint, list and normalize print the same bytes under Kiritimati, Adak, LANG=C and LANG=fr_FR", () => {
    const inputs = ["fixtures/postings", "fixtures/lint", "fixtures/normalize", "fixtures/hostile"];
    const runs = [
      ["lint", "--format", "stylish", ...inputs],
      ["lint", "--format", "json", ...inputs],
      ["list", "--format", "table", ...inputs],
      ["list", "--format", "json", ...inputs],
      ["list", "--format", "csv", "--sort", "-title,roles", ...inputs],
      ["normalize", ...inputs],
      // The locale also picks the language (issue 17): pinned here, the bytes must not move otherwise.
    ].map(([command, ...rest]) => [command!, "--lang", "en", ...rest]);
    const environments = [
      { TZ: "Pacific/Kiritimati", LANG: "C", LC_ALL: "C" },
      { TZ: "America/Adak", LANG: "fr_FR.UTF-8", LC_ALL: "fr_FR.UTF-8" },
      { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
    ];
    const outputs = environments.map((env) => drive(runs, ROOT, env).results.map(({ exitCode, stdout, stderr }) => ({ exitCode, stdout, stderr })));
    expect(outputs[0]![0]!.stdout).toMatch(/problems/);
    for (const other of outputs.slice(1)) expect(other).toEqual(outputs[0]);
  });
});

describe("read-only commands change nothing on disk", () => {
  it("lint, list, normalize and normalize --check over all the hostile cases at once (each case: above)", async () => {
    const before = snapshot(work);
    const formats = { lint: ["stylish", "json"], list: ["table", "json"] };
    // The FIFO cases stay out of in-process runs (a regression would hang the test runner; the
    // per-case tests run them in child processes), and the costly ones are checked one by one above.
    const inputs = readdirSync(work).filter((n) => !expectedOf(n).child && !COSTLY.includes(n));
    for (const [command, list] of Object.entries(formats)) {
      for (const format of list) {
        const result = await runCli([command, "--format", format, ...inputs], work);
        expect(result.stderr).not.toMatch(/internal error/);
        expect(result.stdout).not.toMatch(UNSAFE_OUTPUT);
      }
    }
    for (const args of [["normalize"], ["normalize", "--check"]]) {
      const result = await runCli([...args, ...inputs], work);
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.exitCode).toBe(1);
    }
    expect(snapshot(work)).toEqual(before);
  });
});

describe("posting new with hostile values", () => {
  const HOSTILE_TEXT = [
    "\u001b]0;titre\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007 Dev",
    "Dev \u202eevil\u202c \u009b31m",
    "../../../../tmp/posting-hostile-escape",
    "__proto__",
    "---js\nrequire('fs').writeFileSync('/tmp/posting-hostile-pwned-js', 'ran')\n---",
    "x".repeat(20_000),
  ];

  it.each(HOSTILE_TEXT.map((text, i) => [i, text] as const))("value %i: stays data, inside the folder, never overwrites", async (_, text) => {
    const dir = mkdtempSync(join(tmpdir(), "posting-hostile-new-"));
    try {
      mkdirSync(join(dir, "jobs"));
      const args = ["new", "--title", text, "--roles", text, "--open", "--date", "2026-11-20", "--dir", "jobs", "--set", `contrat=${text}`, "--set", `equipe=${text}`, "--yes"];
      const first = await runCli(args, dir);
      expect(first.stderr).not.toMatch(/internal error/);
      expect(first.stdout).not.toMatch(UNSAFE_OUTPUT);
      expect(first.stderr).not.toMatch(UNSAFE_OUTPUT);
      expect([0, 2]).toContain(first.exitCode);
      const written = readdirSync(join(dir, "jobs"));
      expect(readdirSync(dir).sort(), "nothing outside the folder").toEqual(["jobs"]);
      expect(existsSync("/tmp/posting-hostile-escape")).toBe(false);
      expect(existsSync("/tmp/posting-hostile-pwned-js")).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (first.exitCode !== 0) return;
      expect(written).toHaveLength(1);
      const file = join(dir, "jobs", written[0]!);
      const bytes = readFileSync(file);
      const listed = await runCli(["list", "--format", "json", "--fields", "title,roles,contrat", "jobs"], dir);
      // new may drop control characters from what it is given; what it writes is read back as data.
      const records = JSON.parse(listed.stdout) as Record<string, unknown>[];
      expect(records).toHaveLength(1);
      for (const value of Object.values(records[0]!)) {
        expect(typeof value).toBe("string");
        expect(value as string).not.toMatch(UNSAFE_OUTPUT);
      }
      const again = await runCli(args, dir);
      expect(again.exitCode, "an existing posting is never overwritten").toBe(1);
      expect(readFileSync(file)).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `posting lint` from the command line: one case table run in-process through run(argv, io), and a
// smaller set spawning the built bin/posting.js.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../src/cli.js";
import type { CliIO } from "../src/io.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI_FIXTURES = join(ROOT, "fixtures", "cli");
const BIN = join(ROOT, "bin", "posting.js");
const VERSION = (JSON.parse(execFileSync(process.execPath, ["-p", "JSON.stringify(require('./package.json'))"], { cwd: ROOT, encoding: "utf8" })) as { version: string }).version;

const VALID_POSTING = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
const TITLES_POSTING = "---\ntitles: Offre\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
/** ESC, BEL, the C1 CSI and a right-to-left override: none may reach the terminal raw. */
const ESC = /[\x1b\x07\x9b\u202e]/;

interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function runInProcess(args: readonly string[], cwd: string, stdin = "", env: CliIO["env"] = { NO_COLOR: "1" }): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (text: string) => ((stdout += text), true), isTTY: false },
    stderr: { write: (text: string) => ((stderr += text), true), isTTY: false },
    stdin: Readable.from([Buffer.from(stdin)]),
    cwd,
    env,
  };
  const exitCode = await run(args, io);
  return { exitCode, stdout, stderr };
}

// A folder with no posting.config.json anywhere above it (os.tmpdir() is outside the repository).
let noConfigDir: string;
beforeAll(() => {
  noConfigDir = mkdtempSync(join(tmpdir(), "posting-cli-noconfig-"));
});
afterAll(() => rmSync(noConfigDir, { recursive: true, force: true }));

interface CliCase {
  name: string;
  args: string[];
  /** Relative to the repository root, or "<no-config>" for an empty temporary folder. */
  cwd?: string;
  stdin?: string;
  exitCode: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  /** Must not appear in stdout. */
  stdoutNot?: RegExp[];
}

const postings = "fixtures/postings";
const warningsOnly = "fixtures/postings/2026-03-23-data-scientist.md";
const valid = "fixtures/postings/2026-01-12-developpeur-fullstack-aides-territoires.md";

const CASES: CliCase[] = [
  {
    name: "stylish (default): grouped by file, line:col, severity, message, code, summary",
    args: ["lint", postings],
    exitCode: 1,
    stdout: [
      /^fixtures\/postings\/2026-03-09-coach-agile\.md$/m,
      /^ {2}2:1 {2}error {4}`titles` is not a known key; did you mean `title`\? {2}UNKNOWN_KEY$/m,
      /^ {2}5:7 {3}warning {2}`open` is written `yes`/m,
      /^ {2}14:10 {2}error {4}`contact` must be an e-mail address, found the text "recrutement at adresse\.example\.fr" {2}SCHEMA_FORMAT$/m,
      /→ did you mean "Développement"\?/,
      /^✖ 8 problems \(4 errors, 4 warnings\) in 8 files checked$/m,
    ],
    stdoutNot: [/aides-territoires/, ESC],
  },
  {
    name: "stylish on a clean file",
    args: ["lint", valid],
    exitCode: 0,
    stdout: [/^✔ no problems \(1 file checked\)$/m],
  },
  {
    name: "json",
    args: ["lint", "--format", "json", postings],
    exitCode: 1,
    stdout: [/^\{\n {2}"version": 1,/, /"errorCount": 4,/, /"warningCount": 4,/, /"fileCount": 8,/],
  },
  {
    name: "github: one workflow annotation per finding",
    args: ["lint", "-f", "github", postings],
    exitCode: 1,
    stdout: [
      /^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,col=1,title=UNKNOWN_KEY::`titles` is not a known key; did you mean `title`\? \(/m,
      /^::warning file=fixtures\/postings\/2026-03-23-data-scientist\.md,line=5,col=7,title=YAML11_BOOLEAN::/m,
      /^::error file=fixtures\/postings\/2026-04-20-integrateur-dsfr\.md,line=6,col=7,title=SCHEMA_FORMAT::`date` must be/m,
    ],
    stdoutNot: [/^(?!::(?:error|warning) file=[^,\n]+,line=\d+,col=\d+,title=[A-Z0-9_]+::).+$/m],
  },
  {
    name: "--quiet shows errors only",
    args: ["lint", "--quiet", postings],
    exitCode: 1,
    stdout: [/UNKNOWN_KEY/, /✖ 4 problems \(4 errors, 0 warnings\)/],
    stdoutNot: [/warning {2}/, /YAML11_BOOLEAN/, /data-scientist/],
  },
  {
    name: "--quiet on a file with warnings only: exit 0",
    args: ["lint", "-q", warningsOnly],
    exitCode: 0,
    stdout: [/✔ no problems \(1 file checked\)/],
  },
  {
    name: "warnings alone do not fail",
    args: ["lint", warningsOnly],
    exitCode: 0,
    stdout: [/✖ 3 problems \(0 errors, 3 warnings\)/],
  },
  {
    name: "--max-warnings below the count fails",
    args: ["lint", "--max-warnings", "2", warningsOnly],
    exitCode: 1,
    stderr: [/^posting: 3 warnings, more than --max-warnings 2$/m],
  },
  {
    name: "--max-warnings at the count passes",
    args: ["lint", "--max-warnings", "3", warningsOnly],
    exitCode: 0,
  },
  {
    name: "--max-warnings needs a whole number",
    args: ["lint", "--max-warnings", "beaucoup", warningsOnly],
    exitCode: 2,
    stderr: [/expected a whole number/],
  },
  {
    name: "--schema points at another schema",
    args: ["lint", "--schema", "fixtures/lint/schema-const/schema.json", "fixtures/lint/schema-const"],
    exitCode: 1,
    stdout: [/4:7 {2}error {4}`type` must be "friend", found the text "partenaire" {2}SCHEMA_CONST/],
  },
  {
    name: "--schema that does not exist is a usage error",
    args: ["lint", "--schema", "nulle-part.schema.json", valid],
    exitCode: 2,
    stderr: [/^posting: cannot read the schema .*nulle-part\.schema\.json/m],
  },
  {
    name: "- reads standard input, named by --stdin-filename",
    args: ["lint", "--stdin-filename", "content/_jobs/2026-11-20-dev.md", "-"],
    stdin: TITLES_POSTING,
    exitCode: 1,
    stdout: [/^content\/_jobs\/2026-11-20-dev\.md$/m, /^ {2}2:1 {2}error {4}`titles` is not a known key/m, /in 1 file checked/],
  },
  {
    name: "- without --stdin-filename is <stdin>",
    args: ["lint", "-f", "github", "-"],
    stdin: TITLES_POSTING,
    exitCode: 1,
    stdout: [/^::error file=<stdin>,line=2,col=1,title=UNKNOWN_KEY::/m],
  },
  {
    name: "- with a clean posting",
    args: ["lint", "-"],
    stdin: VALID_POSTING,
    exitCode: 0,
    stdout: [/✔ no problems \(1 file checked\)/],
  },
  {
    name: "-- ends options: -V.md is a file",
    args: ["lint", "--", "-V.md"],
    cwd: "fixtures/cli/dash-file",
    exitCode: 1,
    stdout: [/^-V\.md$/m, /`titles` is not a known key/],
    stdoutNot: [new RegExp(`^${VERSION.replace(/\./g, "\\.")}$`, "m")],
  },
  {
    name: "no argument and no config: a clear usage message",
    args: ["lint"],
    cwd: "<no-config>",
    exitCode: 2,
    stderr: [/^posting: no postings to lint: pass files or folders .*posting\.config\.json/m],
    stdout: [/^$/],
  },
  {
    name: "no argument: the content folders of the posting.config.json found above",
    args: ["lint", "-f", "github"],
    cwd: "fixtures/cli/config-project/docs",
    exitCode: 1,
    // Outside the current folder, paths are shown absolute.
    stdout: [/file=\/[^,]*\/config-project\/content\/_jobs\/2026-05-11-designer\.md,line=2,col=1,title=UNKNOWN_KEY::`role` is not a known key; did you mean `roles`\?/, /title=SCHEMA_REQUIRED::`roles` is required/],
    stdoutNot: [/2026-05-04-developpeur/, /README/],
  },
  {
    name: "a bad config names the file and the key",
    args: ["lint"],
    cwd: "fixtures/cli/bad-config",
    exitCode: 2,
    stderr: [/^posting: .*fixtures\/cli\/bad-config\/posting\.config\.json: "contents" is not a known setting/m],
  },
  {
    name: "a missing file is a finding, and the others are still checked",
    args: ["lint", "-f", "github", "supprime.md", valid],
    exitCode: 1,
    stdout: [/^::error file=supprime\.md,line=1,col=1,title=FILE_UNREADABLE::cannot read the file: no such file or folder/m],
  },
  {
    name: "--help",
    args: ["--help"],
    exitCode: 0,
    stdout: [/^Usage: posting \[options\] \[command\]/m, /^ {2}lint \[options\] \[paths\.\.\.\]/m],
  },
  {
    name: "lint --help",
    args: ["lint", "--help"],
    exitCode: 0,
    stdout: [/^Usage: posting lint \[options\] \[paths\.\.\.\]/m, /--max-warnings <n>/, /Exit codes: 0 no errors, 1 errors found, 2 usage/],
  },
  {
    name: "--version",
    args: ["--version"],
    exitCode: 0,
    stdout: [new RegExp(`^${VERSION.replace(/\./g, "\\.")}\\n$`)],
  },
  {
    name: "an unknown option is a usage error",
    args: ["lint", "--frobnicate", valid],
    exitCode: 2,
    stderr: [/^posting: unknown option '--frobnicate'/m],
  },
  {
    name: "an unknown format is a usage error",
    args: ["lint", "--format", "xml", valid],
    exitCode: 2,
    stderr: [/argument 'xml' is invalid/],
  },
  ...(["stylish", "json", "github", "sarif", "junit"] as const).map(
    (format): CliCase => ({
      name: `${format}: escape sequences from a file are printed escaped`,
      args: ["lint", "-f", format, "fixtures/cli/escape/posting.md"],
      exitCode: 1,
      stdout: [/SCHEMA_PATTERN/, /UNKNOWN_KEY/, /SCHEMA_FORMAT/, /(?:\\e|\\u001b)\]52;c;SGVsbG8=/],
      stdoutNot: [ESC],
    }),
  ),
];

describe("posting lint (in-process)", () => {
  it.each(CASES)("$name", async (c) => {
    const cwd = c.cwd === "<no-config>" ? noConfigDir : join(ROOT, c.cwd ?? "");
    const result = await runInProcess(c.args, cwd, c.stdin);
    const context = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
    expect(result.exitCode, context).toBe(c.exitCode);
    for (const pattern of c.stdout ?? []) expect(result.stdout, context).toMatch(pattern);
    for (const pattern of c.stderr ?? []) expect(result.stderr, context).toMatch(pattern);
    for (const pattern of c.stdoutNot ?? []) expect(result.stdout, context).not.toMatch(pattern);
    if (c.exitCode === 2 && !c.args.includes("--help")) expect(result.stderr).toMatch(/^posting: /);
  });

  it("json: the documented shape", async () => {
    const { stdout } = await runInProcess(["lint", "-f", "json", postings], ROOT);
    const report = JSON.parse(stdout) as {
      version: number;
      fileCount: number;
      errorCount: number;
      warningCount: number;
      files: { file: string; findings: Record<string, unknown>[] }[];
    };
    expect(Object.keys(report)).toEqual(["version", "fileCount", "errorCount", "warningCount", "files"]);
    expect(report.files).toHaveLength(8);
    expect(report.files.map((f) => f.file)).toContain("fixtures/postings/2026-03-09-coach-agile.md");
    const titles = report.files.find((f) => f.file.endsWith("coach-agile.md"))!.findings[0];
    expect(titles).toEqual({
      code: "UNKNOWN_KEY",
      severity: "error",
      file: "fixtures/postings/2026-03-09-coach-agile.md",
      line: 2,
      column: 1,
      path: "titles",
      message: "`titles` is not a known key; did you mean `title`?",
      hint: "`titles` is an old spelling of `title`; run `posting normalize --write` to fix it",
      fixable: true,
    });
    const all = report.files.flatMap((f) => f.findings);
    expect(all.filter((f) => f.severity === "error")).toHaveLength(report.errorCount);
    expect(all.filter((f) => f.severity === "warning")).toHaveLength(report.warningCount);
  });

  it("colour only when asked for, never with NO_COLOR", async () => {
    const plain = await runInProcess(["lint", postings], ROOT, "", {});
    expect(plain.stdout).not.toMatch(ESC);
    const forced = await runInProcess(["lint", "--color", postings], ROOT, "", { NO_COLOR: "1" });
    expect(forced.stdout).toMatch(/\x1b\[31merror/);
  });

  it("escapes control characters in file names and keys, in every format", async () => {
    const dir = mkdtempSync(join(tmpdir(), "posting-cli-escape-"));
    try {
      const name = "offre-\x1b]52;c;SGVsbG8=\x07-\x1b[2J.md";
      // Raw control characters inside quoted keys, not YAML escapes.
      writeFileSync(join(dir, name), `---\nroles: Dev\nopen: true\n"cl\x1b[2Je": x\n"c\u009b2J\u202eabc": y\n---\n`);
      for (const format of ["stylish", "json", "github", "sarif", "junit"]) {
        const { exitCode, stdout } = await runInProcess(["lint", "-f", format, "."], dir);
        expect(exitCode).toBe(1);
        expect(stdout).toMatch(/offre-/);
        expect(stdout, format).not.toMatch(ESC);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bin/posting.js (spawned)", () => {
  beforeAll(() => {
    // `npm test` builds first; build here too when running vitest alone on a fresh clone.
    if (!existsSync(join(ROOT, "dist", "bundle", "cli.cjs"))) spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
  }, 60_000);

  const spawnBin = (args: string[], options: { cwd?: string; input?: string } = {}) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      input: options.input ?? "",
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });

  it("--version", () => {
    const r = spawnBin(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it("lint over the example collection exits 1 with annotations", () => {
    const r = spawnBin(["lint", "--format", "github", postings]);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(8);
    expect(r.stdout).toMatch(/^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,col=1,title=UNKNOWN_KEY::/m);
  });

  it("expands a quoted glob (the glob library is loaded from the bundle only then)", () => {
    const r = spawnBin(["lint", "--format", "github", "fixtures/postings/2026-03-*.md"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,col=1,title=UNKNOWN_KEY::/m);
    expect(r.stdout).not.toMatch(/2026-01-12/);
  });

  it("reads standard input", () => {
    const r = spawnBin(["lint", "--stdin-filename", "offre.md", "-"], { input: VALID_POSTING });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no problems \(1 file checked\)/);
  });

  it("-- then a file named -V.md", () => {
    const r = spawnBin(["lint", "--", "-V.md"], { cwd: join(CLI_FIXTURES, "dash-file") });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^-V\.md$/m);
  });

  it("no argument and no config: exit 2", () => {
    const r = spawnBin(["lint"], { cwd: noConfigDir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^posting: no postings to lint/);
  });
});

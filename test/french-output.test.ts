// Issue 17: in French, posting speaks French. Every command runs with `--lang fr` over every
// fixture folder (in-process, nothing written); what comes from the files (paths, quoted values,
// keys and commands in backticks, codes, option names, diff lines, table cells) is stripped, and
// what is left must hold no English word of the stop list. The scanner itself is checked against
// one English phrase left in the output, so it cannot pass by stripping everything.
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/cli.js";
import type { RunResult } from "./helpers/cli.js";

const STOP_WORDS = [
  "the", "is", "are", "not", "file", "files", "expected", "run", "value", "values", "should", "must", "cannot", "with",
  "found", "and", "of", "to", "this", "that", "it", "from", "has", "have", "only", "would", "could", "was", "there",
  "which", "when", "use", "write", "read", "missing", "unknown", "default", "show", "print", "folder", "line", "lines",
  "key", "keys", "text", "errors", "warnings", "problem", "problems", "checked", "nothing", "allowed", "choices",
  "invalid", "usage", "postings", "matched", "selected",
];
const STOP = new RegExp(`(?<![\\p{L}\\p{N}_'-])(?:${STOP_WORDS.join("|")})(?![\\p{L}\\p{N}_'-])`, "iu");

/** What is left of posting's output once what comes from the files (and code-like tokens) is removed. */
export function ownWords(output: string): string {
  return output
    .split("\n")
    // diff lines, and table rows / JSON (values from files) are not posting's words
    .filter((line) => !/^(?:[-+ @\\]|\{|\[|")/.test(line) || /^ {2}\S/.test(line))
    .map((line) =>
      line
        .replace(/`[^`]*`/g, " ")
        .replace(/\S*=\S*/g, " ")
        .replace(/«[^»]*»/g, " ")
        .replace(/"(?:[^"\\]|\\.)*"/g, " ")
        .replace(/<[^>]*>|\[[^\]]*\]/g, " ")
        .replace(/(?:^|\s)--?[\w-]+(?:=\S*)?/g, " ")
        .replace(/^::\w+ [^:]*::/, " ")
        .replace(/\S+\.(?:md|markdown|json|txt|html|yml|yaml)\b\S*|\S+\/\S*/g, " ")
        .replace(/\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b/g, " ")
        // stylish's and junit's severity columns are the config's rule values
        .replace(/\b(?:error|warning)\b/g, " "),
    )
    .join("\n");
}

function englishIn(output: string): string | undefined {
  for (const line of ownWords(output).split("\n")) if (STOP.test(line)) return line;
  return undefined;
}

const FIXTURES = join(ROOT, "fixtures");
const FOLDERS = readdirSync(FIXTURES)
  .filter((area) => statSync(join(FIXTURES, area)).isDirectory())
  .flatMap((area) => readdirSync(join(FIXTURES, area)).map((name) => join(FIXTURES, area, name)))
  .filter((path) => statSync(path).isDirectory());

/** Every command, in a form that writes nothing: its output is what a recruiter reads. */
const COMMANDS: { name: string; args: string[]; onlyLast?: boolean }[] = [
  { name: "lint", args: ["lint", "--allow-empty", "."] },
  { name: "lint github", args: ["lint", "--allow-empty", "--format", "github", "."] },
  { name: "lint junit", args: ["lint", "--allow-empty", "--format", "junit", "."] },
  { name: "normalize --check", args: ["normalize", "--allow-empty", "--check", "."] },
  { name: "normalize (diff)", args: ["normalize", "--allow-empty", "."] },
  // The table's cells are the files' values: only its summary line is posting's.
  { name: "list", args: ["list", "--allow-empty", "."], onlyLast: true },
  { name: "set (diff)", args: ["set", "open=false", "."] },
  { name: "close (diff)", args: ["close", "."] },
];

function scanned(r: RunResult, onlyLast: boolean): string {
  const stdout = onlyLast ? (r.stdout.trimEnd().split("\n").at(-1) ?? "") : r.stdout;
  return `${stdout}\n${r.stderr}`;
}

describe("the scanner for English words", () => {
  it("finds one English phrase left among French, and ignores what comes from the files", () => {
    expect(englishIn("  2:8  error    `roles` doit être un texte, trouvé : le nombre 42  SCHEMA_TYPE")).toBeUndefined();
    expect(englishIn("posting: option inconnue --the-file ; « the value » de the/file.md")).toBeUndefined();
    expect(englishIn("✖ 1 problème (1 erreur, 0 avertissement) dans 1 fichier vérifié\n  1 of them can be fixed")).toBe("  1 of them can be fixed");
    expect(englishIn("posting: unknown option '--x'")).toBeDefined();
  });
});

describe("every command in French over every fixture folder", () => {
  it.each(COMMANDS)("$name: no English sentence", async ({ args, onlyLast }) => {
    const found: string[] = [];
    for (const dir of FOLDERS) {
      const r = await runCli([...args, "--lang", "fr"], dir);
      const english = englishIn(scanned(r, onlyLast === true));
      if (english !== undefined) found.push(`${dir.slice(FIXTURES.length + 1)}: ${english.trim()}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  const HELP = [[], ["lint"], ["normalize"], ["new"], ["init"], ["list"], ["set"], ["close"]];
  it.each(HELP)("help of %s", async (...command) => {
    const r = await runCli([...command, "--help", "--lang", "fr"], ROOT);
    expect(r.exitCode).toBe(0);
    expect(englishIn(r.stdout)).toBeUndefined();
  });

  const USAGE = [
    ["lint", "--bogus"], ["lint", "--format", "nope"], ["lint", "--max-warnings", "x"], ["lint", "--schema"], ["lint", "--schema", "nowhere.json", "."], ["nope"], ["set", "nokey=1", "."], ["set", "."], ["set", "open", "."], ["set", "open=1", "open=0", "."], ["set", "open=", "."], ["set", "--unset", "", "open=1", "."], ["set", "open=1", "--unset", "open", "."],
    ["list", "--open", "--closed"], ["list", "-w", "a=b"], ["list", "-"], ["lint", "--staged", "--changed"],
    ["normalize", "--check", "--write"], ["normalize", "--from-encoding", "foo", "."], ["normalize", "--cache"], ["normalize", "-", "x.md"], ["close"], ["set", "--check", "--write"],
    ["lint", "nowhere-at-all"],
    ["list", "--where", "date>=31/02/2026"], ["list", "--where", "nokey"], ["list", "--where", "=x"], ["list", "--where", "a=<b"], ["list", "--where", "x>abc"],
    ["list", "--since", "2026-13-01"], ["list", "--since", "2026-05-01", "--until", "2026-01-01"], ["list", "--sort", ","], ["list", "--fields", "a,,b"],
  ];
  // posting init's own lines (its --infer report is English only, README "Languages").
  const INIT = [["--yes", "--dry-run"], ["--yes", "--hook"], ["--yes"], ["--yes", "--content", "/abs"], ["--yes", "--file-name", "a/b"], ["--yes", "--file-name", "x.md"], ["--infer", "--content", "vide"]];
  it.each(INIT)("posting init %s %s", async (...args) => {
    const site = mkdtempSync(join(tmpdir(), "posting-init-fr-"));
    mkdirSync(join(site, ".git", "hooks"), { recursive: true });
    mkdirSync(join(site, "vide"));
    const first = await runCli(["init", "--lang", "fr", ...args], site);
    // Twice: the second run meets what the first wrote (config, hook, .gitignore).
    writeFileSync(join(site, ".gitignore"), "node_modules\n");
    const second = await runCli(["init", "--lang", "fr", ...args], site);
    for (const r of [first, second]) {
      expect(r.stderr + r.stdout).not.toBe("");
      // The hook and config snippets are code to paste (YAML, JSON, shell), not sentences.
      const sentences = `${r.stdout}\n${r.stderr}`.split("\n").filter((line) => !/^(\s|#|\/\/|"|\{|\}|repos:)/.test(line)).join("\n");
      expect(englishIn(sentences), r.stdout + r.stderr).toBeUndefined();
    }
  });

  it.each(USAGE)("usage error: %s %s", async (...args) => {
    const [command = "", ...rest] = args;
    const r = await runCli([command, "--lang", "fr", ...rest], join(FIXTURES, "lint", "valid-full"));
    expect(r.exitCode).toBeGreaterThan(0);
    expect(r.stderr + r.stdout).not.toBe("");
    expect(englishIn(`${r.stdout}\n${r.stderr}`)).toBeUndefined();
  });
});

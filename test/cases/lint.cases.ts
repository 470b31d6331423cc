// `posting lint` from the command line: arguments → exit code and output (test/cli-cases.test.ts).
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { CliCase } from "./case.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const VALID_POSTING = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
const TITLES_POSTING = "---\ntitles: Offre\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
/** ESC, BEL, the C1 CSI and a right-to-left override: none may reach the terminal raw. */
const ESC = /[\x1b\x07\x9b\u202e]/;

const postings = "fixtures/postings";
const warningsOnly = "fixtures/postings/2026-03-23-data-scientist.md";
const valid = "fixtures/postings/2026-01-12-developpeur-fullstack-aides-territoires.md";

export const LINT_CASES: CliCase[] = [
  {
    name: "stylish (default): grouped by file, line:col, severity, message, code, summary",
    args: ["lint", postings],
    exitCode: 1,
    stdout: {
      matches: [
        /^fixtures\/postings\/2026-03-09-coach-agile\.md$/m,
        /^ {2}2:1 {2}error {4}`titles` is not a known key; did you mean `title`\? {2}UNKNOWN_KEY$/m,
        /^ {2}5:7 {3}warning {2}`open` is written `yes`/m,
        /^ {2}14:10 {2}error {4}`contact` must be an e-mail address, found the text "recrutement at adresse\.example\.fr" {2}SCHEMA_FORMAT$/m,
        /→ did you mean "Développement"\?/,
        /^✖ 8 problems \(4 errors, 4 warnings\) in 8 files checked$/m,
      ],
      notMatches: [/aides-territoires/, ESC],
    },
  },
  {
    name: "stylish on a clean file",
    args: ["lint", valid],
    exitCode: 0,
    stdout: { matches: [/^✔ no problems \(1 file checked\)$/m] },
  },
  {
    name: "json",
    args: ["lint", "--format", "json", postings],
    exitCode: 1,
    stdout: { matches: [/^\{\n {2}"version": 1,/, /"errorCount": 4,/, /"warningCount": 4,/, /"fileCount": 8,/] },
  },
  {
    name: "json: the documented shape",
    args: ["lint", "-f", "json", postings],
    exitCode: 1,
    stdout: {
      json: (value) => {
        const report = value as {
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
      },
    },
  },
  {
    name: "github: one workflow annotation per finding",
    args: ["lint", "-f", "github", postings],
    exitCode: 1,
    spawn: true,
    stdout: {
      matches: [
        /^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,col=1,title=UNKNOWN_KEY::`titles` is not a known key; did you mean `title`\? \(/m,
        /^::warning file=fixtures\/postings\/2026-03-23-data-scientist\.md,line=5,col=7,title=YAML11_BOOLEAN::/m,
        /^::error file=fixtures\/postings\/2026-04-20-integrateur-dsfr\.md,line=6,col=7,title=SCHEMA_FORMAT::`date` must be/m,
      ],
      notMatches: [/^(?!::(?:error|warning) file=[^,\n]+,line=\d+,col=\d+,title=[A-Z0-9_]+::).+$/m],
      lines: 8,
    },
  },
  {
    name: "--quiet shows errors only",
    args: ["lint", "--quiet", postings],
    exitCode: 1,
    stdout: { matches: [/UNKNOWN_KEY/, /✖ 4 problems \(4 errors, 0 warnings\)/], notMatches: [/warning {2}/, /YAML11_BOOLEAN/, /data-scientist/] },
  },
  {
    name: "--quiet on a file with warnings only: exit 0",
    args: ["lint", "-q", warningsOnly],
    exitCode: 0,
    stdout: { matches: [/✔ no problems \(1 file checked\)/] },
  },
  {
    name: "warnings alone do not fail",
    args: ["lint", warningsOnly],
    exitCode: 0,
    stdout: { matches: [/✖ 3 problems \(0 errors, 3 warnings\)/] },
  },
  {
    name: "--max-warnings below the count fails",
    args: ["lint", "--max-warnings", "2", warningsOnly],
    exitCode: 1,
    stderr: { matches: [/^posting: 3 warnings, more than --max-warnings 2$/m] },
  },
  {
    name: "--max-warnings at the count passes",
    args: ["lint", "--max-warnings", "3", warningsOnly],
    exitCode: 0,
  },
  {
    name: "-q --max-warnings 0 with warnings: the summary counts the hidden warnings, not \"no problems\"",
    args: ["lint", "-q", "--max-warnings", "0", warningsOnly],
    exitCode: 1,
    stdout: { equals: "✖ 3 problems (0 errors, 3 warnings) in 1 file checked\n", excludes: ["no problems"] },
    stderr: { equals: "posting: 3 warnings (not shown: --quiet), more than --max-warnings 0\n" },
  },
  {
    name: "--cache-location to a folder not there yet: made, with .posting-cache inside",
    args: ["lint", "--cache", "--cache-location", "cache/lint/", "2026-05-04-dev.md"],
    layout: { "2026-05-04-dev.md": VALID_POSTING },
    exitCode: 0,
    tree: ["2026-05-04-dev.md", "cache/lint/.posting-cache"],
  },
  {
    name: "--cache-location to an existing folder: .posting-cache inside",
    args: ["lint", "--cache", "--cache-location", "cache", "2026-05-04-dev.md"],
    layout: { "2026-05-04-dev.md": VALID_POSTING, "cache/": "" },
    exitCode: 0,
    tree: ["2026-05-04-dev.md", "cache/.posting-cache"],
  },
  {
    name: "--staged with - is a usage error",
    args: ["lint", "--staged", "-"],
    cwd: "<empty>",
    exitCode: 2,
    stderr: { equals: "posting: --staged reads git, not standard input: drop the -\n" },
  },
  {
    name: "--staged with --changed is a usage error",
    args: ["lint", "--staged", "--changed", "HEAD", "x.md"],
    cwd: "<empty>",
    exitCode: 2,
    stderr: { equals: "posting: --staged and --changed cannot be used together\n" },
  },
  {
    name: "--max-warnings needs a whole number",
    args: ["lint", "--max-warnings", "beaucoup", warningsOnly],
    exitCode: 2,
    stderr: { matches: [/expected a whole number/] },
  },
  {
    name: "--schema points at another schema",
    args: ["lint", "--schema", "fixtures/lint/schema-const/schema.json", "fixtures/lint/schema-const"],
    exitCode: 1,
    stdout: { matches: [/4:7 {2}error {4}`type` must be "friend", found the text "partenaire" {2}SCHEMA_CONST/] },
  },
  {
    name: "--schema that does not exist is a usage error",
    args: ["lint", "--schema", "nulle-part.schema.json", valid],
    exitCode: 2,
    stderr: { matches: [/^posting: cannot read the schema .*nulle-part\.schema\.json/m] },
  },
  {
    name: "- reads standard input, named by --stdin-filename",
    args: ["lint", "--stdin-filename", "content/_jobs/2026-11-20-dev.md", "-"],
    stdin: TITLES_POSTING,
    exitCode: 1,
    stdout: { matches: [/^content\/_jobs\/2026-11-20-dev\.md$/m, /^ {2}2:1 {2}error {4}`titles` is not a known key/m, /in 1 file checked/] },
  },
  {
    name: "- without --stdin-filename is <stdin>",
    args: ["lint", "-f", "github", "-"],
    stdin: TITLES_POSTING,
    exitCode: 1,
    stdout: { matches: [/^::error file=<stdin>,line=2,col=1,title=UNKNOWN_KEY::/m] },
  },
  {
    name: "- with a clean posting",
    args: ["lint", "-"],
    stdin: VALID_POSTING,
    exitCode: 0,
    stdout: { matches: [/✔ no problems \(1 file checked\)/] },
  },
  {
    name: "-- ends options: -V.md is a file",
    spawn: true,
    args: ["lint", "--", "-V.md"],
    cwd: "fixtures/cli/dash-file",
    exitCode: 1,
    stdout: { matches: [/^-V\.md$/m, /`titles` is not a known key/], notMatches: [new RegExp(`^${VERSION.replace(/\./g, "\\.")}$`, "m")] },
  },
  {
    name: "no argument and no config: a clear usage message",
    spawn: true,
    args: ["lint"],
    cwd: "<empty>",
    exitCode: 2,
    stderr: { matches: [/^posting: no postings to lint: pass files or folders .*posting\.config\.json/m] },
    stdout: { matches: [/^$/] },
  },
  {
    name: "no argument: the content folders of the posting.config.json found above",
    args: ["lint", "-f", "github"],
    cwd: "fixtures/cli/config-project/docs",
    exitCode: 1,
    // Outside the current folder, paths are shown absolute.
    stdout: { matches: [/file=\/[^,]*\/config-project\/content\/_jobs\/2026-05-11-designer\.md,line=2,col=1,title=UNKNOWN_KEY::`role` is not a known key; did you mean `roles`\?/, /title=SCHEMA_REQUIRED::`roles` is required/], notMatches: [/2026-05-04-developpeur/, /README/] },
  },
  {
    name: "a bad config names the file and the key",
    args: ["lint"],
    cwd: "fixtures/cli/bad-config",
    exitCode: 2,
    // The known settings come from the config schema: every one of them, "lang" included.
    stderr: { matches: [/^posting: .*fixtures\/cli\/bad-config\/posting\.config\.json: "contents" is not a known setting \(known: content, schema, template, encoding, fileName, collections, references, duplicates, extensions, rules, ignore, lang, normalize\)$/m] },
  },
  {
    name: "a missing file is a finding, and the others are still checked",
    args: ["lint", "-f", "github", "supprime.md", valid],
    exitCode: 1,
    stdout: { matches: [/^::error file=supprime\.md,line=1,col=1,title=FILE_UNREADABLE::cannot read the file: no such file or folder/m] },
  },
  {
    name: "--help",
    args: ["--help"],
    exitCode: 0,
    stdout: { matches: [/^Usage: posting \[options\] \[command\]/m, /^ {2}lint \[options\] \[paths\.\.\.\]/m] },
  },
  {
    name: "lint --help",
    args: ["lint", "--help"],
    exitCode: 0,
    stdout: { matches: [/^Usage: posting lint \[options\] \[paths\.\.\.\]/m, /--max-warnings <n>/, /Exit codes: 0 no errors, 1 errors found, 2 usage/] },
  },
  {
    name: "--version",
    spawn: true,
    args: ["--version"],
    exitCode: 0,
    stdout: { matches: [new RegExp(`^${VERSION.replace(/\./g, "\\.")}\\n$`)] },
  },
  {
    name: "an unknown option is a usage error",
    args: ["lint", "--frobnicate", valid],
    exitCode: 2,
    stderr: { matches: [/^posting: unknown option '--frobnicate'/m] },
  },
  {
    name: "an unknown format is a usage error",
    args: ["lint", "--format", "xml", valid],
    exitCode: 2,
    stderr: { matches: [/argument 'xml' is invalid/] },
  },
  {
    name: "expands a quoted glob (the glob library is loaded from the bundle only then)",
    args: ["lint", "--format", "github", "fixtures/postings/2026-03-*.md"],
    exitCode: 1,
    spawn: true,
    stdout: { matches: [/^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,col=1,title=UNKNOWN_KEY::/m], notMatches: [/2026-01-12/] },
    stderr: { equals: "" },
  },
  {
    name: "- with a clean posting named by --stdin-filename",
    args: ["lint", "--stdin-filename", "offre.md", "-"],
    stdin: VALID_POSTING,
    exitCode: 0,
    spawn: true,
    stdout: { matches: [/no problems \(1 file checked\)/] },
    stderr: { equals: "" },
  },
  // Issue 16: no silent pass, extensions, rules and ignores (fixtures/rules).
  {
    name: "a folder with no posting is exit 2, naming it and what to do",
    args: ["lint", "empty"],
    layout: { "empty/": "", "empty/notes.txt": "no front matter\n" },
    exitCode: 2,
    stdout: { equals: "" },
    stderr: { matches: [/^posting: no posting found in "empty": check the path \(postings are files ending in \.md, or the config's "extensions"\), or pass --allow-empty/] },
  },
  {
    name: "--allow-empty: a folder with no posting passes",
    args: ["lint", "--allow-empty", "empty"],
    layout: { "empty/": "" },
    exitCode: 0,
    stdout: { matches: [/no problems \(0 files checked\)/] },
  },
  {
    name: "the config's content folder holds no posting: exit 2",
    args: ["lint"],
    layout: { "posting.config.json": '{ "content": ["_jobs"] }', "_jobs/": "" },
    exitCode: 2,
    stderr: { matches: [/no posting found in ".*_jobs"/] },
  },
  {
    name: "a missing path stays a finding (exit 1), as before",
    args: ["lint", "nowhere"],
    layout: { "x/": "" },
    exitCode: 1,
    stdout: { matches: [/FILE_UNREADABLE/] },
  },
  {
    name: "a collection's files with front matter but another extension are found and flagged; others are not read",
    args: ["lint", "-f", "json"],
    cwd: "fixtures/rules/extension",
    exitCode: 1,
    stdout: {
      json: (value) => {
        const report = value as { fileCount: number; files: { file: string; findings: { code: string; severity: string; message: string }[] }[] };
        expect(report.fileCount).toBe(3);
        expect(report.files.map((f) => [f.file, f.findings.map((x) => `${x.code} ${x.severity}`)])).toEqual([
          ["_jobs/2022-07-28-ux-mon-entreprise", ["FILE_EXTENSION error"]],
          ["_jobs/2026-01-05-dev.md", []],
          ["_jobs/2026-02-01-redaction.markdown", ["FILE_EXTENSION error"]],
        ]);
        expect(report.files[0]!.findings[0]!.message).toBe("this file has no extension: Jekyll publishes it as a page without Markdown");
      },
    },
  },
  {
    name: "a collection's file named explicitly without .md is linted and flagged (no silent pass)",
    args: ["lint", "_jobs/2022-07-28-ux-mon-entreprise"],
    cwd: "fixtures/rules/extension",
    exitCode: 1,
    stdout: { matches: [/^ {2}1:1 {2}error {4}this file has no extension: Jekyll publishes it as a page without Markdown {2}FILE_EXTENSION$/m, /→ rename it to end in \.md$/m] },
  },
  {
    name: "a file named explicitly outside any collection is linted whatever its extension, with no FILE_EXTENSION",
    args: ["lint", "posting.txt"],
    layout: { "posting.txt": VALID_POSTING },
    exitCode: 0,
    stdout: { matches: [/no problems \(1 file checked\)/] },
  },
  {
    name: 'config "extensions": .markdown files are read as postings',
    args: ["lint"],
    layout: { "posting.config.json": '{ "content": ["_jobs"], "extensions": [".md", ".markdown"] }', "_jobs/2026-02-01-redaction.markdown": VALID_POSTING, "_jobs/2026-02-02-dev.md": VALID_POSTING },
    exitCode: 0,
    stdout: { matches: [/no problems \(2 files checked\)/] },
  },
  {
    name: 'config "extensions" must be extensions with their dot',
    args: ["lint", "."],
    layout: { "posting.config.json": '{ "extensions": ["md"] }' },
    exitCode: 2,
    stderr: { matches: [/"extensions\/0" must be an extension with its dot, for example \.md or \.markdown/] },
  },
  {
    name: 'config "rules": severities changed and turned off; the exit code follows',
    args: ["lint"],
    cwd: "fixtures/rules/severity",
    exitCode: 1,
    stdout: {
      matches: [/^ {2}3:7 {2}error {4}`open` is written `yes`.* {2}YAML11_BOOLEAN$/m, /^ {2}4:1 {2}warning {2}`salaire` is not a known key {2}UNKNOWN_KEY$/m, /^✖ 2 problems \(1 error, 1 warning\) in 2 files checked$/m],
      notMatches: [/FILE_NAME_PATTERN/],
    },
  },
  {
    name: 'config "rules": JSON and SARIF show the severity in effect',
    args: ["lint", "-f", "sarif"],
    cwd: "fixtures/rules/severity",
    exitCode: 1,
    stdout: {
      json: (value) => {
        const results = (value as { runs: { results: { ruleId: string; level: string }[] }[] }).runs[0]!.results;
        expect(results.map((r) => [r.ruleId, r.level])).toEqual([
          ["YAML11_BOOLEAN", "error"],
          ["UNKNOWN_KEY", "warning"],
        ]);
      },
    },
  },
  {
    name: 'config "rules": every finding turned off or down to a warning passes',
    args: ["lint", "_jobs"],
    layout: { "posting.config.json": '{ "rules": { "SCHEMA_REQUIRED": "off", "UNKNOWN_KEY": "warning" } }', "_jobs/2026-01-01-a.md": "---\ntitles: x\n---\n" },
    exitCode: 0,
    stdout: { matches: [/^ {2}2:1 {2}warning {2}`titles` is not a known key/m, /0 errors, 1 warning/], notMatches: [/SCHEMA_REQUIRED/] },
  },
  {
    name: 'config "rules": an unknown code is a config error with "did you mean"',
    args: ["lint", "."],
    layout: { "posting.config.json": '{ "rules": { "yaml11_bolean": "off" } }' },
    exitCode: 2,
    stderr: { matches: [/posting\.config\.json: "rules\/yaml11_bolean" is not a finding code; did you mean YAML11_BOOLEAN\?$/m] },
  },
  {
    name: 'config "rules": a value other than off, warning, error is a config error',
    args: ["lint", "."],
    layout: { "posting.config.json": '{ "rules": { "YAML_TAG": "info" } }' },
    exitCode: 2,
    stderr: { matches: [/"rules\/YAML_TAG" must be "off", "warning" or "error"/] },
  },
  {
    name: 'config "ignore": the folder walk skips the ignored folder',
    args: ["lint"],
    cwd: "fixtures/rules/ignore",
    exitCode: 1,
    stdout: { matches: [/2026-04-03-old-ux\.md/, /in 2 files checked/], notMatches: [/drafts/] },
  },
  {
    name: "--ignore-pattern adds to the config's, relative to the current folder (repeatable)",
    args: ["lint", "--ignore-pattern", "*-old-*", "--ignore-pattern", "nothing/**"],
    cwd: "fixtures/rules/ignore/_jobs",
    exitCode: 0,
    stdout: { matches: [/no problems \(1 file checked\)/] },
  },
  {
    name: "--ignore-pattern: a glob's matches are filtered too",
    args: ["lint", "--ignore-pattern", "**/*-old-*", "_jobs/*.md"],
    cwd: "fixtures/rules/ignore",
    exitCode: 0,
    stdout: { matches: [/no problems \(1 file checked\)/] },
  },
  {
    name: "a file named explicitly but ignored is not linted, with a warning (hooks pass every staged file)",
    args: ["lint", "_jobs/drafts/2026-04-02-brouillon.md", "other/2026-04-04-ops.md"],
    cwd: "fixtures/rules/ignore",
    exitCode: 0,
    stdout: { matches: [/no problems \(1 file checked\)/] },
    stderr: { equals: 'posting: warning: _jobs/drafts/2026-04-02-brouillon.md is ignored (config "ignore" or --ignore-pattern); not linted\n' },
  },
  {
    name: "posting-disable comments: the accepted findings are gone, stale ones are reported (UNUSED_DISABLE)",
    args: ["lint", "fixtures/lint/disable-comments/posting.md", "fixtures/lint/unused-disable/posting.md"],
    exitCode: 0,
    stdout: {
      matches: [
        /^ {2}3:1 {2}warning {2}no YAML11_BOOLEAN on the next line to disable {2}UNUSED_DISABLE$/m,
        /^ {2}5:1 {2}warning {2}this posting-disable comment names YAML11_BOLEAN, which is not a finding code {2}UNUSED_DISABLE$/m,
        /^ {2}5:1 {2}warning {2}DUPLICATE_POSTING is checked across files and cannot be disabled by a comment {2}UNUSED_DISABLE$/m,
        /^ {2}6:1 {2}warning {2}this posting-disable comment names no finding code {2}UNUSED_DISABLE$/m,
      ],
      notMatches: [/YAML11_BOOLEAN$/m, /UNKNOWN_KEY/],
    },
  },
  {
    name: 'config "rules" apply to UNUSED_DISABLE too: stale disables can fail CI',
    args: ["lint", "posting.md"],
    layout: { "posting.config.json": '{ "rules": { "UNUSED_DISABLE": "error" } }', "posting.md": "---\nroles: Dev\n# posting-disable-next-line YAML_TAG\nopen: true\n---\n" },
    exitCode: 1,
    stdout: { matches: [/^ {2}3:1 {2}error {4}no YAML_TAG on the next line to disable {2}UNUSED_DISABLE$/m] },
  },
  {
    name: ".gitignore in folder walks: the root's and each folder's, with ! negation, / anchoring, ** and folder-only patterns",
    args: ["lint", "."],
    layout: {
      ".gitignore": "# built site\n_site/\n*.tmp.md\n/_jobs/old-*\n!_jobs/old-keep.md\ndocs/**/draft.md\n",
      "_jobs/2026-01-01-a.md": VALID_POSTING,
      "_jobs/old-x.md": "---\ntitles: ignored\n---\n",
      "_jobs/old-keep.md": "---\ntitles: kept by the negation\n---\n",
      "_jobs/x.tmp.md": "---\ntitles: ignored\n---\n",
      "_jobs/sub/.gitignore": "bad.md\n",
      "_jobs/sub/bad.md": "---\ntitles: ignored\n---\n",
      "_jobs/nested/old-y.md": "---\ntitles: not anchored here\n---\n",
      "_site/jobs/2026.md": "---\ntitles: ignored\n---\n",
      "docs/a/b/draft.md": "---\ntitles: ignored\n---\n",
    },
    exitCode: 1,
    stdout: { matches: [/^_jobs\/old-keep\.md$/m, /^_jobs\/nested\/old-y\.md$/m, /in 3 files checked/], notMatches: [/old-x|x\.tmp|bad\.md|_site|draft/] },
  },
  {
    name: ".gitignore of the config's folder applies to a walk of a folder below it; a file named explicitly is still linted",
    args: ["lint", "_jobs", "_jobs/drafts/2026-01-02-b.md"],
    layout: { "posting.config.json": "{}", ".gitignore": "drafts/\n", "_jobs/2026-01-01-a.md": VALID_POSTING, "_jobs/drafts/2026-01-02-b.md": "---\ntitles: named\n---\n", "_jobs/drafts/2026-01-03-c.md": "---\ntitles: walked\n---\n" },
    exitCode: 1,
    stdout: { matches: [/^_jobs\/drafts\/2026-01-02-b\.md$/m, /in 2 files checked/], notMatches: [/2026-01-03-c/] },
  },
  {
    name: ".gitignore bounds: a file past 64 KB is not read",
    args: ["lint", "."],
    layout: { ".gitignore": `bad.md\n${"#".repeat(64 * 1024)}\n`, "bad.md": "---\ntitles: x\n---\n" },
    exitCode: 1,
    stdout: { matches: [/^bad\.md$/m] },
  },
  {
    name: ".gitignore bounds: past 1,000 rules are not read",
    args: ["lint", "."],
    layout: { ".gitignore": `${"x\n".repeat(1000)}bad.md\n`, "bad.md": "---\ntitles: x\n---\n" },
    exitCode: 1,
    stdout: { matches: [/^bad\.md$/m] },
  },
  {
    name: ".gitignore bounds: a pattern with more than 16 wildcards is not read",
    args: ["lint", "."],
    layout: { ".gitignore": `${"*".repeat(17)}bad.md\n`, "bad.md": "---\ntitles: x\n---\n" },
    exitCode: 1,
    stdout: { matches: [/^bad\.md$/m] },
  },
  ...(["stylish", "json", "github", "sarif", "junit"] as const).map(
    (format): CliCase => ({
      name: `${format}: escape sequences from a file are printed escaped`,
      args: ["lint", "-f", format, "fixtures/cli/escape/posting.md"],
      exitCode: 1,
      stdout: { matches: [/SCHEMA_PATTERN/, /UNKNOWN_KEY/, /SCHEMA_FORMAT/, /(?:\\e|\\u001b)\]52;c;SGVsbG8=/], notMatches: [ESC] },
    }),
  ),
  // `open: oui`: the site would read any text as true, "non" too; lint says what normalize writes.
  {
    name: "open: oui is a type error whose hint says what to write",
    args: ["lint", "--stdin-filename", "content/_jobs/2026-11-20-dev.md", "-"],
    stdin: "---\nroles: Dev\nopen: oui\njunior: non\n---\n\nTexte.\n",
    exitCode: 1,
    stdout: {
      matches: [
        /^ {2}3:7 {2}error {4}`open` must be true or false, found the text "oui" {2}SCHEMA_TYPE\n {16}→ run `posting normalize --write` to fix it \("oui" → true\)$/m,
        /^ {2}4:9 {2}error {4}`junior` must be true or false, found the text "non" {2}SCHEMA_TYPE\n {16}→ run `posting normalize --write` to fix it \("non" → false\)$/m,
      ],
    },
  },
  // TEMPLATE_PLACEHOLDER: a posting fresh from `posting new` still holds the template's placeholders.
  {
    name: "a fresh posting's placeholders are warnings, with their line and column",
    args: ["lint", "--stdin-filename", "content/_jobs/2026-11-20-dev.md", "-"],
    stdin: "---\nroles: Dev\nopen: true\n---\n\n<!-- Remplacez chaque texte entre crochets, puis supprimez ce commentaire. -->\n\n## Contexte\n\n[Présentez la structure : le problème public.]\n\n- Lieu : [ville, télétravail possible ?]\n- Voir [le guide](https://example.gouv.fr).\n",
    exitCode: 0,
    stdout: {
      matches: [
        /^ {2}6:1 {4}warning {2}the template's instruction comment is still here \("Remplacez chaque texte entre crochets, puis supprimez ce co…"\) {2}TEMPLATE_PLACEHOLDER$/m,
        /^ {2}10:1 {3}warning {2}"\[Présentez la structure : le problème public\.\]" is a placeholder of the template, still to be replaced {2}TEMPLATE_PLACEHOLDER$/m,
        /^ {2}12:10 {2}warning {2}"\[ville, télétravail possible \?\]" is a placeholder/m,
        /^✖ 3 problems \(0 errors, 3 warnings\)/m,
      ],
    },
  },
  {
    name: "TEMPLATE_PLACEHOLDER can be made an error through the config's rules",
    args: ["lint", "jobs"],
    layout: { "posting.config.json": '{"rules": {"TEMPLATE_PLACEHOLDER": "error"}}', "jobs/2026-11-20-dev.md": "---\nroles: Dev\nopen: true\n---\n\n[Replace this text.]\n" },
    exitCode: 1,
    stdout: { matches: [/^ {2}6:1 {2}error {4}"\[Replace this text\.\]" is a placeholder of the template/m] },
  },
  {
    name: "TEMPLATE_PLACEHOLDER can be turned off through the config's rules",
    args: ["lint", "jobs"],
    layout: { "posting.config.json": '{"rules": {"TEMPLATE_PLACEHOLDER": "off"}}', "jobs/2026-11-20-dev.md": "---\nroles: Dev\nopen: true\n---\n\n[Replace this text.]\n" },
    exitCode: 0,
    stdout: { matches: [/no problems/] },
  },
];


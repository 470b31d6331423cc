// Configuration-driven checks across files: per-collection schemas, file names, references and
// duplicates; and config errors that name the file and the key. Fixtures: fixtures/collection/<case>.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fileNameProblem, dateInFileName } from "../src/core/files/file-name.js";
import { runCli } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "fixtures", "collection");

interface JsonReport {
  files: { file: string; findings: { file: string; code: string; line: number; column: number; message: string }[] }[];
}

/** `file:line:col CODE` for every finding, in report order. */
function findingsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.findings.map((x) => `${x.file}:${x.line}:${x.column} ${x.code}`));
}

interface Case {
  name: string;
  cwd: string;
  args: string[];
  stdin?: string;
  exitCode: number;
  /** Exactly these findings (json format). */
  findings?: string[];
  stderr?: RegExp;
}

// What fixtures/collection/site's content folder gives, whether named or taken from the config.
const SITE_FINDINGS = [
  "content/_jobs/2026-02-30-product-owner.md:1:1 FILE_NAME_PATTERN",
  "content/_jobs/2026-05-04-developpeur-copie.md:2:8 NORMALIZE_VALUE",
  "content/_jobs/2026-05-04-developpeur.md:2:8 DUPLICATE_POSTING",
  "content/_jobs/2026-05-11-designer.md:3:10 REFERENCE_MISSING",
  "content/_jobs/2026-05-12-designer.md:3:10 REFERENCE_MISSING",
  "content/_jobs/2026-05-12-designer.md:3:10 SCHEMA_PATTERN",
  "content/_jobs/2026-05-18 coach agile.md:1:1 FILE_NAME_PATTERN",
  "content/_jobs/2026-05-19-chargé-de-déploiement.md:1:1 FILE_NAME_PATTERN",
  "content/_jobs/offre-integrateur.md:1:1 FILE_NAME_PATTERN",
];

const CASES: Case[] = [
  {
    name: "site: names, references, duplicates in the content folder; other files are linted only",
    cwd: "site",
    args: ["content/_jobs", "docs"],
    exitCode: 1,
    findings: SITE_FINDINGS,
  },
  {
    name: "site: no argument lints the content folder",
    cwd: "site",
    args: [],
    exitCode: 1,
    findings: SITE_FINDINGS,
  },
  {
    name: "site: a file outside the content folder is linted, not held to its names and references",
    cwd: "site",
    args: ["--", "docs/exemple d'offre.md"],
    exitCode: 0,
    findings: [],
  },
  {
    name: "site: one staged file (lint-staged passes absolute paths) gets its collection's checks",
    cwd: "site",
    args: ["--", join(FIXTURES, "site", "content", "_jobs", "2026-05-11-designer.md")],
    exitCode: 1,
    findings: ["content/_jobs/2026-05-11-designer.md:3:10 REFERENCE_MISSING"],
  },
  {
    name: "site: run from inside the content folder (config found walking up)",
    cwd: "site/content/_jobs",
    args: ["2026-05-11-designer.md", "2026-05-04-developpeur.md"],
    exitCode: 1,
    findings: ["2026-05-11-designer.md:3:10 REFERENCE_MISSING"],
  },
  {
    name: "site: standard input named into the content folder is checked like a file there",
    cwd: "site",
    args: ["--stdin-filename", "content/_jobs/nouvelle offre.md", "-"],
    stdin: "---\nroles: Dev\nstartup: inconnue\nopen: true\n---\n",
    exitCode: 1,
    findings: ["content/_jobs/nouvelle offre.md:1:1 FILE_NAME_PATTERN", "content/_jobs/nouvelle offre.md:3:10 REFERENCE_MISSING"],
  },
  {
    name: "collections: each folder's schema; a nested collection turns the file name check off",
    cwd: "collections",
    args: [],
    exitCode: 1,
    findings: [
      "content/_events/2026-06-15-atelier.md:1:1 SCHEMA_REQUIRED",
      "content/_events/2026-06-15-atelier.md:3:1 UNKNOWN_KEY",
      "content/_events/2026-06-15-atelier.md:4:1 UNKNOWN_KEY",
    ],
  },
  {
    name: "collections: --schema applies to every file",
    cwd: "collections",
    args: ["--schema", "schemas/event.schema.json", "content/_jobs/2026-05-04-developpeur.md"],
    exitCode: 1,
    findings: [
      "content/_jobs/2026-05-04-developpeur.md:1:1 SCHEMA_REQUIRED",
      "content/_jobs/2026-05-04-developpeur.md:1:1 SCHEMA_REQUIRED",
      "content/_jobs/2026-05-04-developpeur.md:2:1 UNKNOWN_KEY",
      "content/_jobs/2026-05-04-developpeur.md:3:1 UNKNOWN_KEY",
    ],
  },
  {
    name: "package.json \"posting\" key: file name pattern, duplicates off",
    cwd: "package-json",
    args: [],
    exitCode: 1,
    findings: ["content/_jobs/2026-01-02_Dev.md:1:1 FILE_NAME_PATTERN"],
  },
  {
    name: "bad config: unknown key in a collection",
    cwd: "bad-config/unknown-collection-key",
    args: [],
    exitCode: 2,
    stderr: /^posting: \S+unknown-collection-key\/posting\.config\.json: "collections\/0\/folder" is not a known setting \(known: path, schema, fileName\)$/m,
  },
  {
    name: "bad config: a collection's schema that does not exist",
    cwd: "bad-config/missing-collection-schema",
    args: [],
    exitCode: 2,
    stderr: /^posting: \S+posting\.config\.json: "collections\/0\/schema": there is no file \S+absent\.schema\.json$/m,
  },
  {
    name: "bad config: a reference without {value}",
    cwd: "bad-config/reference-without-value",
    args: [],
    exitCode: 2,
    stderr: /"references\/startup" must be a path with \{value\} where the key's value goes/,
  },
  {
    name: "bad config: a file name pattern with a folder in it",
    cwd: "bad-config/file-name-with-slash",
    args: [],
    exitCode: 2,
    stderr: /"fileName" must be a file name pattern such as YYYY-MM-DD-slug\.md \(no \/ or \\\), or false/,
  },
];

describe("cross-file checks from the config (in-process)", () => {
  it.each(CASES)("$name", async (c) => {
    const r = await runCli(["lint", "--format", "json", ...c.args], join(FIXTURES, c.cwd), { stdin: c.stdin ?? "" });
    const context = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    expect(r.exitCode, context).toBe(c.exitCode);
    if (c.findings) expect(findingsOf(r.stdout)).toEqual(c.findings);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
  });

  it("words the findings: what is wrong and what to do", async () => {
    const r = await runCli(["lint", "content/_jobs"], join(FIXTURES, "site"));
    expect(r.stdout).toMatch(/`startup` is "startup-fantome" but there is no content\/_startups\/startup-fantome\.md {2}REFERENCE_MISSING/);
    expect(r.stdout).toMatch(/→ check the spelling of `startup`, or add content\/_startups\/startup-fantome\.md/);
    expect(r.stdout).toMatch(/same startup, roles and date as content\/_jobs\/2026-05-04-developpeur-copie\.md \(ma-cantine, "Développeur·se", 2026-05-04\) {2}DUPLICATE_POSTING/);
    expect(r.stdout).toMatch(/the file name "2026-05-18 coach agile\.md" does not follow YYYY-MM-DD-slug\.md: it contains spaces {2}FILE_NAME_PATTERN/);
    expect(r.stdout).toMatch(/→ rename the file, for example 2026-05-18-coach-agile\.md/);
    expect(r.stdout).toMatch(/→ rename the file, for example 2026-05-19-charge-de-deploiement\.md/);
    // No obvious fix (no date, or an impossible one): an example of the pattern.
    expect(r.stdout).toMatch(/"offre-integrateur\.md"[^\n]*\n[^\n]*→ rename the file, for example 2026-11-20-developpeur\.md/);
  });
});

describe("file name patterns", () => {
  it.each([
    ["2026-05-04-developpeur.md", undefined],
    ["2026-05-04-Dev_Ops-2.md", undefined],
    ["2026-05-04 developpeur.md", "it contains spaces"],
    ["2026-05-04-développeur.md", "it contains characters other than ASCII letters and digits (é)"],
    ["2026-02-29-x.md", "2026-02-29 is not a real date"],
    ["2024-02-29-x.md", undefined],
    ["2026-5-4-x.md", /^expected YYYY-MM-DD-slug\.md/],
    ["2026-05-04-.md", /^expected/],
    ["2026-05-04-x.markdown", /^expected/],
    ["-V.md", /^expected/],
  ])("%j under YYYY-MM-DD-slug.md", (name, problem) => {
    const found = fileNameProblem(name, "YYYY-MM-DD-slug.md");
    if (problem instanceof RegExp) expect(found).toMatch(problem);
    else expect(found).toBe(problem);
  });

  it("other patterns: tokens anywhere, the rest literal", () => {
    expect(fileNameProblem("offre-dev-2026.md", "offre-slug-YYYY.md")).toBeUndefined();
    expect(fileNameProblem("offre.dev.md", "slug.md")).toMatch(/^expected slug\.md/);
    expect(fileNameProblem("a+b.md", "slug.md")).toMatch(/^expected/);
    expect(dateInFileName("2026-05-04-dev.md", "YYYY-MM-DD-slug.md")).toBe("2026-05-04");
    expect(dateInFileName("dev.md", "slug.md")).toBeUndefined();
  });
});

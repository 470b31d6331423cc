// A real-sized collection: ~2,000 postings generated (seeded) from the fixtures, each with findings
// known in advance, linted with lintPaths and through the CLI in every format.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintPaths } from "../src/core/lint/lint.js";
import type { LintReport } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";
import type { ExpectedFinding } from "./lint-helpers.js";
import { LINT_FIXTURES, lintCases, readCaseOptions, readExpected } from "./lint-helpers.js";
import { runCli } from "./helpers/cli.js";
import { mulberry32 as random } from "../bench/generate.mjs";

const POSTINGS = fileURLToPath(new URL("../fixtures/postings/", import.meta.url));
const SIZE = 2_000;
const SEED = 20261120;

const E = "error";
const W = "warning";
const f = (code: string, line: number, column: number, severity: string): ExpectedFinding => ({ code, line, column, severity });

/** The example collection's findings, checked by hand (README's main command shows them). */
const EXAMPLE_POSTINGS: Record<string, ExpectedFinding[]> = {
  "2026-01-12-developpeur-fullstack-aides-territoires.md": [],
  "2026-02-03-chargee-deploiement-rdv-solidarites.md": [],
  "2026-02-17-designer-ux-mon-suivi-justice.md": [f("NORMALIZE_VALUE", 12, 9, W)],
  "2026-03-02-product-owner-partenaire.md": [],
  "2026-03-09-coach-agile.md": [f("UNKNOWN_KEY", 2, 1, E)],
  "2026-03-23-data-scientist.md": [f("FRONT_MATTER_TRAILING_SPACE", 2, 58, W), f("YAML11_BOOLEAN", 5, 7, W), f("FRONT_MATTER_BLANK_LINE", 6, 1, W)],
  "2026-04-06-developpeuse-backend.md": [f("SCHEMA_ENUM", 9, 5, E), f("SCHEMA_FORMAT", 14, 10, E)],
  "2026-04-20-integrateur-dsfr.md": [f("SCHEMA_FORMAT", 6, 7, E)],
};

interface Template {
  source: string;
  bytes: Buffer;
  expected: ExpectedFinding[];
}

function templates(): Template[] {
  const fromPostings = Object.entries(EXAMPLE_POSTINGS).map(([name, expected]) => ({
    source: `postings/${name}`,
    bytes: readFileSync(join(POSTINGS, name)),
    expected,
  }));
  // Lint scenarios that are one ordinary file checked against the bundled schema.
  const fromLint = lintCases
    .filter((name) => Object.keys(readCaseOptions(name)).length === 0 && name !== "file-not-regular")
    .map((name) => ({ source: `lint/${name}`, bytes: readFileSync(join(LINT_FIXTURES, name, "posting.md")), expected: readExpected(name)! }));
  return [...fromPostings, ...fromLint];
}


const GOOD_LINES = [
  "title: Offre générée",
  "startup: startup-generee",
  "contrat: CDD 2 ans",
  "junior: false",
  "domaines: [Développement, Produit]",
  "techno: [React, NodeJS]",
  "equipe: Équipe générée",
  "contact: offre@example.gouv.fr",
  "post_ouvert: 2026-01-15",
];

/** A bad line and the finding it gives when it sits on file line `line`. */
const BAD_LINES: { text: string; finding: (line: number) => ExpectedFinding }[] = [
  { text: "salaire: 45 k€", finding: (line) => f("UNKNOWN_KEY", line, 1, E) },
  { text: "poste_pourvu: yes", finding: (line) => f("YAML11_BOOLEAN", line, 15, W) },
  { text: "depublication_date: 2026-02-30", finding: (line) => f("SCHEMA_FORMAT", line, 21, E) },
  { text: "externalURL: ftp://example.org/offre", finding: (line) => f("SCHEMA_PATTERN", line, 14, E) },
  { text: "status: ", finding: (line) => f("FRONT_MATTER_TRAILING_SPACE", line, 8, W) },
];

/** A posting built line by line, so every finding's position is known by construction. */
function synthetic(next: () => number, n: number): Template {
  const lines = ["roles: Poste généré", "open: true", ...GOOD_LINES.filter(() => next() < 0.5)];
  const bad = BAD_LINES[Math.floor(next() * BAD_LINES.length)]!;
  const at = Math.floor(next() * (lines.length + 1));
  lines.splice(at, 0, bad.text);
  const expected = [bad.finding(at + 2)]; // +1 for the opening ---, +1 for 1-based lines
  // `status: ` is empty: null for YAML, which the schema refuses too, placed where the value goes.
  if (bad.text === "status: ") expected.push(f("SCHEMA_TYPE", at + 2, 9, E));
  return { source: `synthetic/${n}`, bytes: Buffer.from(`---\n${lines.join("\n")}\n---\n\nCorps n° ${n}.\n`), expected };
}

interface Generated {
  dir: string;
  /** Display path (relative to dir) to what lint must report. */
  expected: Map<string, ExpectedFinding[]>;
  sources: Map<string, string>;
}

function generate(): Generated {
  const dir = mkdtempSync(join(tmpdir(), "posting-collection-"));
  const next = random(SEED);
  const pool = templates();
  const expected = new Map<string, ExpectedFinding[]>();
  const sources = new Map<string, string>();
  for (let i = 0; i < SIZE; i++) {
    const year = 2020 + (i % 7);
    const folder = join("content", "_jobs", String(year));
    // Two thirds copies of fixtures (most of them valid), one third built line by line.
    const template = next() < 0.66 ? pool[Math.floor(next() * pool.length)]! : synthetic(next, i);
    const name = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}-offre-${String(i).padStart(4, "0")}.md`;
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, name), template.bytes);
    const display = `${folder}/${name}`.split("\\").join("/");
    expected.set(display, template.expected);
    sources.set(display, template.source);
  }
  // Never read: hidden folders, node_modules, files that are not *.md.
  const bad = readFileSync(join(LINT_FIXTURES, "yaml-syntax", "posting.md"));
  for (const skipped of [".cache", "node_modules", join("content", ".drafts")]) {
    mkdirSync(join(dir, skipped), { recursive: true });
    writeFileSync(join(dir, skipped, "2026-01-01-brouillon.md"), bad);
  }
  writeFileSync(join(dir, "content", "_jobs", "notes.txt"), bad);
  return { dir, expected, sources };
}

function totals(expected: Map<string, ExpectedFinding[]>) {
  const all = [...expected.values()].flat();
  return { errors: all.filter((x) => x.severity === E).length, warnings: all.filter((x) => x.severity === W).length };
}

describe(`a generated collection of ${SIZE} postings`, () => {
  let generated: Generated;
  let report: LintReport;

  beforeAll(async () => {
    generated = generate();
    report = await lintPaths(["content"], { cwd: generated.dir, schema: loadSchema() });
    // Generating and linting 2,000 postings: a few seconds alone, over 10 s on a loaded CI runner.
  }, 60_000);
  afterAll(() => rmSync(generated.dir, { recursive: true, force: true }));

  it("mixes valid postings and known problems", () => {
    const counts = [...generated.expected.values()].map((e) => e.length);
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(SIZE / 20);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(SIZE / 2);
    expect(new Set(generated.sources.values()).size).toBeGreaterThan(40);
  });

  it("checks every *.md file once, and nothing in hidden folders or node_modules", () => {
    expect(report.fileCount).toBe(SIZE);
    expect(report.results.map((r) => r.file).sort()).toEqual([...generated.expected.keys()].sort());
  });

  it("counts the errors and warnings exactly", () => {
    const { errors, warnings } = totals(generated.expected);
    expect({ errors: report.errorCount, warnings: report.warningCount }).toEqual({ errors, warnings });
  });

  it("reports every finding at its exact line and column", () => {
    const mismatches: string[] = [];
    for (const result of report.results) {
      const actual = result.findings.map(({ code, line, column, severity }) => ({ code, line, column, severity }));
      const want = generated.expected.get(result.file);
      if (JSON.stringify(actual) !== JSON.stringify(want)) {
        mismatches.push(`${result.file} (from ${generated.sources.get(result.file)}): got ${JSON.stringify(actual)}, want ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("gives exit 1 and the same counts in every format", async () => {
    const { errors, warnings } = totals(generated.expected);
    const stylish = await runCli(["lint", "content"], generated.dir);
    expect(stylish.exitCode).toBe(1);
    expect(stylish.stdout).toContain(`✖ ${errors + warnings} problems (${errors} errors, ${warnings} warnings) in ${SIZE} files checked`);

    const json = await runCli(["lint", "-f", "json", "content"], generated.dir);
    expect(json.exitCode).toBe(1);
    const parsed = JSON.parse(json.stdout) as { fileCount: number; errorCount: number; warningCount: number };
    expect([parsed.fileCount, parsed.errorCount, parsed.warningCount]).toEqual([SIZE, errors, warnings]);

    const github = await runCli(["lint", "-f", "github", "content"], generated.dir);
    expect(github.exitCode).toBe(1);
    const lines = github.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBe(errors);
    expect(lines.filter((l) => l.startsWith("::warning ")).length).toBe(warnings);
    // A sample of positions, as annotations.
    const sample = [...generated.expected].filter(([, e]) => e.length > 0).slice(0, 25);
    for (const [file, findings] of sample) {
      const first = findings[0]!;
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::${first.severity} file=${escapeRegExp(file)},line=${first.line},col=${first.column},title=${first.code}::`)));
    }
  });

  it("--quiet keeps the errors and the exit code; the valid files alone exit 0", async () => {
    const quiet = await runCli(["lint", "-q", "-f", "json", "content"], generated.dir);
    expect(quiet.exitCode).toBe(1);
    expect((JSON.parse(quiet.stdout) as { warningCount: number }).warningCount).toBe(0);
    const valid = [...generated.expected].filter(([, e]) => e.length === 0).map(([file]) => file);
    const clean = await runCli(["lint", ...valid.slice(0, 100)], generated.dir);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toContain("✔ no problems (100 files checked)");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The cross-file checks (references, duplicates, file names) work from facts per-file linting
// gathered, or the cache kept: no posting is read twice, and a cached run reads none.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCollection } from "../bench/generate.mjs";
import { lintPosting, summarize } from "../src/core/lint/lint.js";
import { lintProject } from "../src/core/lint/project.js";
import { REPORTERS } from "../src/reporters/index.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { loadConfig } from "../src/core/project/config.js";
import { runCli } from "./helpers/cli.js";

const COUNT = 300;
const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
const WHEN = new Date("2026-01-01T00:00:00Z");
let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-cross-file-"));
  generateCollection(join(dir, "content", "_jobs"), COUNT, 11);
  mkdirSync(join(dir, "content", "_startups"));
  // One startup has its page: its postings' references resolve, the others' do not.
  writeFileSync(join(dir, "content", "_startups", "aides-territoires.md"), "---\ntitle: Aides-territoires\n---\n");
  writeFileSync(join(dir, "posting.config.json"), JSON.stringify({ content: ["content/_jobs"], references: { startup: "content/_startups/{value}.md" }, duplicates: true }));
  const jobs = join(dir, "content", "_jobs");
  files = readdirSync(jobs, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => join(jobs, f));
  // Whole seconds: a time set again later is then exactly the one the cache saw.
  for (const file of files) utimesSync(file, WHEN, WHEN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cross-file facts", () => {
  it("are the same from lint's fast path as from the full YAML parser", async () => {
    const config = await loadConfig(dir, {});
    const schema = loadSchema(config.schemaPath);
    const facts = { references: ["startup"], duplicates: true };
    let withFacts = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const fast = lintPosting(file, bytes, schema, { facts });
      const full = lintPosting(file, bytes, schema, { facts, fullParse: true });
      expect(fast.facts, file).toEqual(full.facts);
      if (fast.facts?.duplicate) withFacts++;
    }
    expect(withFacts).toBeGreaterThan(COUNT / 2);
  });
});

describe("posting lint --cache with references and duplicates", () => {
  it("reports the same without reading any posting again when nothing changed", async () => {
    const cache = join(dir, "cross.cache");
    const plain = await runCli(["lint", "--format", "json"], dir);
    expect(plain.stdout).toMatch(/"DUPLICATE_POSTING"/);
    expect(plain.stdout).toMatch(/"REFERENCE_MISSING"/);
    expect(plain.stdout).toMatch(/"code": "SCHEMA_/);
    const first = await runCli(["lint", "--format", "json", "--cache", "--cache-location", cache], dir);
    expect(first).toEqual(plain);
    // Same size, same time, other bytes: any read of a posting would now change the findings.
    const saved = files.map((file) => ({ file, bytes: readFileSync(file) }));
    try {
      for (const { file, bytes } of saved) {
        writeFileSync(file, Buffer.alloc(bytes.length, "x"));
        utimesSync(file, WHEN, WHEN);
      }
      const cached = await runCli(["lint", "--format", "json", "--cache", "--cache-location", cache], dir);
      expect(cached).toEqual(plain);
    } finally {
      for (const { file, bytes } of saved) {
        writeFileSync(file, bytes);
        utimesSync(file, WHEN, WHEN);
      }
    }
  });
});

describe("posting lint writes each file's block as soon as it is final", () => {
  it("gives the bytes the whole-report reporters give, in every format, with cross-file findings", async () => {
    const config = await loadConfig(dir, {});
    const report = await lintProject(config.content, { cwd: dir, config });
    expect(report.results.some((r) => r.findings.some((f) => f.code === "DUPLICATE_POSTING"))).toBe(true);
    for (const format of Object.keys(REPORTERS) as (keyof typeof REPORTERS)[]) {
      const streamed = await runCli(["lint", "--format", format], dir);
      expect(streamed.stdout, format).toBe(REPORTERS[format](report, { color: false, version: VERSION }));
      const quiet = await runCli(["lint", "--quiet", "--format", format], dir);
      const errorsOnly = summarize(report.results.map((r) => ({ file: r.file, findings: r.findings.filter((f) => f.severity === "error") })));
      expect(quiet.stdout, `${format} --quiet`).toBe(REPORTERS[format](errorsOnly, { color: false, version: VERSION }));
    }
  });
});

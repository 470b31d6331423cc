// Every folder under fixtures/lint is one scenario: lint it and compare the exact codes, severities
// and positions with its expected.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { afterAll, describe, expect, it } from "vitest";
import { FINDING_CODES } from "../src/core/findings.js";
import { lintPaths } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { lintCase, lintCases as cases, LINT_FIXTURES as FIXTURES, readExpected } from "./lint-helpers.js";
import { wordFindings } from "../src/core/messages/word.js";

const SCRIPT = fileURLToPath(new URL("../scripts/make-encoding-fixtures.mjs", import.meta.url));

/** Codes lint does not produce: normalize's, and encodings only chosen with normalize --from-encoding. */
const NOT_FROM_LINT: readonly string[] = [
  "ALIAS_CONFLICT",
  "ENCODING_MOJIBAKE",
  "ENCODING_LEGACY",
  "ENCODING_UNDECODABLE",
  "FILE_NOT_WRITTEN", // normalize --write only (test/normalize-cli.test.ts)
  "FILE_TEMP_LEFTOVER", // a file next to the postings, not a posting (test/atomic-write.test.ts)
  "DATE_AMBIGUOUS",
  "EDIT_REFUSED", // posting set / close only (test/cases/set.cases.ts, test/edit.test.ts)
  // Cross-file checks, with their own fixtures under fixtures/collection (test/collection.test.ts).
  "FILE_NAME_PATTERN",
  "REFERENCE_MISSING",
  "DUPLICATE_POSTING",
  "FILE_EXTENSION", // a collection's check too: fixtures/rules/extension (test/cases/lint.cases.ts)
];

const JS_CANARY = join(tmpdir(), "posting-lint-js-canary.txt");

afterAll(() => rmSync(JS_CANARY, { force: true }));

describe("fixtures/lint", () => {
  it("has scenarios", () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)("%s", async (name) => {
    const expected = readExpected(name);
    expect(expected, `fixtures/lint/${name} has no expected.json`).toBeDefined();
    const report = await lintCase(name);
    expect(report.fileCount, "one posting per scenario").toBe(1);
    const actual = report.results.flatMap((r) => r.findings.map(({ code, line, column, severity }) => ({ code, line, column, severity })));
    expect(actual).toEqual(expected);
    if (name.startsWith("valid-")) expect(actual).toEqual([]);
    expect(report.errorCount).toBe(actual.filter((f) => f.severity === "error").length);
  });

  it("covers every finding code lint can produce", () => {
    const covered = new Set(cases.flatMap((name) => (readExpected(name) ?? []).map((f) => f.code)));
    const uncovered = FINDING_CODES.filter((code) => !code.startsWith("NORMALIZE_") && !NOT_FROM_LINT.includes(code) && !covered.has(code));
    expect(uncovered, "add a fixtures/lint/<case> folder for these codes (or list them in NOT_FROM_LINT)").toEqual([]);
  });

  it("keeps the odd encodings as real bytes, exactly as the script writes them", () => {
    const out = mkdtempSync(join(tmpdir(), "posting-encoding-fixtures-"));
    try {
      execFileSync(process.execPath, [SCRIPT, out]);
      const generated = readdirSync(out);
      expect(generated.length).toBeGreaterThanOrEqual(10);
      for (const name of generated) {
        const committed = readFileSync(join(FIXTURES, name, "posting.md"));
        expect(committed.equals(readFileSync(join(out, name, "posting.md"))), `${name}/posting.md differs from the script's output`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const bytes = (name: string) => readFileSync(join(FIXTURES, name, "posting.md"));
    expect([...bytes("encoding-utf16le-bom").subarray(0, 4)]).toEqual([0xff, 0xfe, 0x2d, 0x00]);
    expect([...bytes("encoding-utf16be-bom").subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x2d]);
    expect([...bytes("encoding-utf16le-nobom").subarray(0, 2)]).toEqual([0x2d, 0x00]);
    expect([...bytes("encoding-utf8-bom").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes("encoding-windows-1252").includes(0x92)).toBe(true);
    expect(bytes("line-endings-crlf").toString("latin1").split("\r\n").length).toBe(9);
    expect(bytes("file-empty").length).toBe(0);
  });
});

describe("findings worth a closer look", () => {
  it("never runs ---js front matter (which gray-matter would evaluate)", async () => {
    rmSync(JS_CANARY, { force: true });
    const report = await lintCase("front-matter-language-js");
    expect(report.results[0]?.findings.map((f) => f.code)).toEqual(["FRONT_MATTER_LANGUAGE"]);
    expect(existsSync(JS_CANARY), "linting ---js created the canary file: the front matter was evaluated").toBe(false);

    // The payload is live: gray-matter's default engines run it and the file appears.
    matter(readFileSync(join(FIXTURES, "front-matter-language-js", "posting.md"), "utf8"));
    expect(existsSync(JS_CANARY)).toBe(true);
    rmSync(JS_CANARY, { force: true });
  });

  it("names both lines of a duplicate key", async () => {
    const [f] = wordFindings((await lintCase("yaml-duplicate-key")).results[0]!.findings);
    expect(f).toMatchObject({ code: "YAML_DUPLICATE_KEY", line: 5, path: "open" });
    expect(f!.message).toContain("on lines 3 and 5");
  });

  it("suggests the known key for a typo or an old spelling", async () => {
    const typo = wordFindings((await lintCase("unknown-key")).results[0]!.findings);
    expect(typo[0]!.message).toBe("`statrup` is not a known key; did you mean `startup`?");
    expect(typo[1]!.message).toBe("`salaire` is not a known key");
    const alias = wordFindings((await lintCase("unknown-key-alias")).results[0]!.findings);
    expect(alias.map((f) => f.message)).toEqual([
      "`titles` is not a known key; did you mean `title`?",
      "`externalUrl` is not a known key; did you mean `externalURL`?",
    ]);
    expect(alias[0]!.fixable).toBe(true);
  });

  it("explains Jekyll's reading of yes/no/on/off", async () => {
    const findings = wordFindings((await lintCase("yaml11-boolean")).results[0]!.findings);
    expect(findings[0]!.message).toBe('`open` is written `yes`: Jekyll reads it as true, other YAML tools as the text "yes"');
    expect(findings[0]!.hint).toMatch(/^write `true`/);
    expect(findings[3]!.message).toBe("`title` must be a text, found the boolean true");
  });

  it("says why an impossible date is wrong", async () => {
    const [date] = wordFindings((await lintCase("schema-format")).results[0]!.findings);
    expect(date!.message).toContain("2021-02-30 is not a real date");
  });

  it("reports the first bad byte of a Windows-1252 file and guesses the encoding", async () => {
    const [f] = wordFindings((await lintCase("encoding-windows-1252")).results[0]!.findings);
    expect(f!.message).toBe("the file is not valid UTF-8 (byte 0xE9 here); it looks like windows-1252 (Windows Western European)");
  });

  it("names the legacy encoding the config chose", async () => {
    const report = await lintPaths(["."], { cwd: join(FIXTURES, "encoding-windows-1252"), schema: loadSchema(), legacyEncoding: "latin1" });
    expect(wordFindings(report.results[0]!.findings)[0]!.message).toBe("the file is not valid UTF-8 (byte 0xE9 here); it looks like latin1");
  });

  it("tells an alias with no anchor from an alias bomb", async () => {
    const [f] = wordFindings((await lintCase("yaml-alias-undefined")).results[0]!.findings);
    expect(f!.message).toBe("YAML syntax error: the alias *equipe refers to no anchor &equipe above it");
  });

  it("stops an alias bomb before expanding it", async () => {
    const [f] = wordFindings((await lintCase("yaml-alias-bomb")).results[0]!.findings);
    expect(f!.message).toContain("expand past the limit (100 aliases, 20,000 values in all)");
  });
});

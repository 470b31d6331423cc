// The schema itself: it compiles in ajv's strict mode, accepts every valid fixture, rejects every
// invalid one with the expected code, and agrees with the hand-checked postings of fixtures/corpus.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { describe, expect, it } from "vitest";
import { isJekyllDate } from "../src/core/read/dates.js";
import { lintBytes } from "../src/core/lint/lint.js";
import { parsePosting } from "../src/core/read/posting.js";
import { ANNOTATION_KEYWORDS, BUNDLED_SCHEMA_PATH, loadSchema } from "../src/core/schema/schema.js";
import { siteView } from "../src/core/read/site-view.js";
import { validateFrontMatter } from "../src/core/schema/validate.js";
import { caseSchemaPath, LINT_FIXTURES, lintCases, readExpected } from "./lint-helpers.js";
import { wordFindings } from "../src/core/messages/word.js";

const schemaJson = JSON.parse(readFileSync(BUNDLED_SCHEMA_PATH, "utf8")) as Record<string, unknown>;
const POSTINGS = fileURLToPath(new URL("../fixtures/postings/", import.meta.url));
const CORPUS = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));

/** Codes that come from validating the front matter against the schema. */
const isSchemaStage = (code: string) => code.startsWith("SCHEMA_") || code === "UNKNOWN_KEY";

function strictAjv(withAnnotations: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  (addFormatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addFormat("jekyll-date", { type: "string", validate: isJekyllDate });
  if (withAnnotations) for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** Every `x-…` keyword used anywhere in a schema. */
function annotationKeywordsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) annotationKeywordsIn(item, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      // Annotation values are data (labels, synonyms), not schemas.
      else annotationKeywordsIn(value, found);
    }
  }
  return found;
}

function frontMatterOf(path: string) {
  const parsed = parsePosting(path, readFileSync(path));
  const frontMatter = parsed.frontMatter;
  if (!frontMatter?.data) throw new Error(`${path}: no readable front matter`);
  return frontMatter;
}

describe("schemas/posting.schema.json", () => {
  it("compiles in ajv strict mode with the annotation keywords registered", () => {
    expect(() => strictAjv(true).compile(schemaJson)).not.toThrow();
  });

  it("is rejected by strict mode without them (so strict mode is really on)", () => {
    expect(() => strictAjv(false).compile(schemaJson)).toThrow(/unknown keyword: "x-/);
  });

  it("uses only registered annotation keywords", () => {
    const used = annotationKeywordsIn(schemaJson);
    expect(used).toContain("x-aliases");
    for (const keyword of used) expect(ANNOTATION_KEYWORDS).toContain(keyword);
  });

  it("requires roles and open only, and refuses unknown keys", () => {
    expect(schemaJson.required).toEqual(["roles", "open"]);
    expect(schemaJson.additionalProperties).toBe(false);
    const schema = loadSchema();
    expect(schema.validate({ roles: "Développeur·se", open: true })).toBe(true);
    expect(schema.validate({ roles: "Développeur·se" })).toBe(false);
    expect(schema.validate({ roles: "Développeur·se", open: true, salaire: 1 })).toBe(false);
  });

  it("declares the aliases seen in real collections", () => {
    const { aliasToKey } = loadSchema();
    expect(Object.fromEntries(aliasToKey)).toMatchObject({
      titles: "title",
      role: "roles",
      externalUrl: "externalURL",
      domaine: "domaines",
      poste_ouvert: "post_ouvert",
    });
  });

  it("validates dates as written: real calendar dates only, date-times accepted", () => {
    const schema = loadSchema();
    const withDate = (date: string) => schema.validate({ roles: "x", open: true, date });
    expect(withDate("2021-06-24")).toBe(true);
    expect(withDate("2024-02-29")).toBe(true);
    expect(withDate("2021-07-13T17:01:57.635Z")).toBe(true);
    expect(withDate("2021-07-13 17:01:57 +0200")).toBe(true);
    expect(withDate("2021-02-30")).toBe(false);
    expect(withDate("2023-02-29")).toBe(false);
    expect(withDate("24/06/2021")).toBe(false);
    expect(withDate("2021-06-24T25:00:00Z")).toBe(false);
  });
});

describe("fixtures against the schema", () => {
  const validCases = lintCases.filter((name) => name.startsWith("valid-"));
  const schemaCases = lintCases.filter((name) => (readExpected(name) ?? []).some((f) => isSchemaStage(f.code)));

  it.each(validCases)("%s passes", (name) => {
    const frontMatter = frontMatterOf(join(LINT_FIXTURES, name, "posting.md"));
    const schema = loadSchema(caseSchemaPath(name));
    expect(schema.validate(siteView(frontMatter)), JSON.stringify(schema.validate.errors)).toBe(true);
  });

  it.each(schemaCases)("%s fails with its expected codes", (name) => {
    const frontMatter = frontMatterOf(join(LINT_FIXTURES, name, "posting.md"));
    const schema = loadSchema(caseSchemaPath(name));
    expect(schema.validate(siteView(frontMatter))).toBe(false);
    const codes = validateFrontMatter(name, frontMatter, schema)
      .map((f) => f.code)
      .filter(isSchemaStage)
      .sort();
    const expected = (readExpected(name) ?? []).map((f) => f.code).filter(isSchemaStage).sort();
    expect(codes).toEqual(expected);
  });

  it("finds schema scenarios for every SCHEMA_ code", () => {
    const codes = new Set(schemaCases.flatMap((name) => (readExpected(name) ?? []).map((f) => f.code)));
    for (const code of ["SCHEMA_REQUIRED", "SCHEMA_TYPE", "SCHEMA_ENUM", "SCHEMA_FORMAT", "SCHEMA_PATTERN", "SCHEMA_CONST", "SCHEMA_LENGTH", "SCHEMA_ITEMS", "SCHEMA_OTHER", "UNKNOWN_KEY"]) {
      expect(codes).toContain(code);
    }
  });

  it("accepts the valid postings of the example collection and rejects the others", () => {
    const schema = loadSchema();
    const verdicts = Object.fromEntries(
      readdirSync(POSTINGS)
        .filter((f) => f.endsWith(".md"))
        .map((f) => [f, schema.validate(siteView(frontMatterOf(join(POSTINGS, f))))]),
    );
    expect(verdicts).toEqual({
      "2026-01-12-developpeur-fullstack-aides-territoires.md": true,
      "2026-02-03-chargee-deploiement-rdv-solidarites.md": true,
      "2026-02-17-designer-ux-mon-suivi-justice.md": true,
      "2026-03-02-product-owner-partenaire.md": true,
      "2026-03-09-coach-agile.md": false, // titles
      "2026-03-23-data-scientist.md": true, // open: yes is true for Jekyll: a warning, not an error
      "2026-04-06-developpeuse-backend.md": false, // contact, domaines
      "2026-04-20-integrateur-dsfr.md": false, // 2026-02-30
    });
  });
});

describe("postings written the way real ones are (fixtures/corpus)", () => {
  const lint = (name: string) => lintBytes(name, readFileSync(join(CORPUS, name)), loadSchema());

  it.each(["ordre-a.md", "ordre-b.md", "espaces.md"])("%s has no errors", (name) => {
    expect(lint(name).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("flags `titles` in cle-ancienne.md and suggests `title`", () => {
    const errors = lint("cle-ancienne.md").filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "UNKNOWN_KEY", path: "titles", line: 8, column: 1 });
    expect(wordFindings(errors)[0]!.message).toContain("did you mean `title`?");
  });

  it("warns about espaces.md's trailing space and blank line", () => {
    expect(lint("espaces.md").map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: "FRONT_MATTER_TRAILING_SPACE", line: 3, column: 80 },
      { code: "FRONT_MATTER_BLANK_LINE", line: 7, column: 1 },
    ]);
  });
});

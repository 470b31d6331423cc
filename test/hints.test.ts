// Hints that must be right: "did you mean" (suggestKey), where LINE_ENDINGS_CRLF points, the
// front matter size limit (comment lines not counted, a hard cap), and "fixable" withdrawn where
// normalize leaves the file as it is. Inputs are real files under fixtures/hints/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { MAX_FRONT_MATTER_LENGTH, MAX_FRONT_MATTER_TOTAL_LENGTH } from "../src/core/read/posting.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { suggestKey } from "../src/core/schema/validate.js";
import { wordFindings } from "../src/core/messages/word.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const schema = loadSchema();
const fixture = (name: string) => readFileSync(join(ROOT, "fixtures", "hints", name, "input.md"));
const lint = (name: string) => wordFindings(lintBytes(`${name}.md`, fixture(name), schema));

describe("did you mean", () => {
  it.each([
    ["airtable_formulaire"],
    ["salaire_annuel_brut"],
    ["remuneration"],
    ["x"],
    ["lien_candidature"],
    ["description_longue"],
  ])("%s: no suggestion (nothing close enough)", (key) => {
    expect(suggestKey(key, schema)).toBeUndefined();
  });

  it.each([
    ["titel", "title"],
    ["tilte", "title"],
    ["Title", "title"],
    ["domaien", "domaines"],
    ["domiane", "domaines"],
    ["domainse", "domaines"],
    ["startpu", "startup"],
    ["externalurl", "externalURL"],
    ["redirect_form", "redirect_from"],
    ["poste_pourvus", "poste_pourvu"],
    ["depublication-date", "depublication_date"],
  ])("%s: did you mean %s", (key, expected) => {
    expect(suggestKey(key, schema)).toBe(expected);
  });

  it("an unknown key that is a near miss is reported with the suggestion, a far one without", () => {
    const bytes = Buffer.from("---\nroles: Dev\nopen: true\ntilte: Dev\nsalaire_annuel_brut: 40000\n---\n");
    const unknown = wordFindings(lintBytes("x.md", bytes, schema)).filter((f) => f.code === "UNKNOWN_KEY");
    expect(unknown.map((f) => f.message)).toEqual(["`tilte` is not a known key; did you mean `title`?", "`salaire_annuel_brut` is not a known key"]);
  });
});

describe("LINE_ENDINGS_CRLF points at the first CRLF", () => {
  it("on line 3, at the CR (columns in UTF-16 units: the emoji counts two)", () => {
    const crlf = lint("crlf-from-line-3").find((f) => f.code === "LINE_ENDINGS_CRLF");
    expect(crlf).toMatchObject({ line: 3, column: 14, message: "Windows line endings (CRLF) on 5 lines" });
  });

  it("in the body, past the front matter", () => {
    const crlf = lint("crlf-body-only").find((f) => f.code === "LINE_ENDINGS_CRLF");
    expect(crlf).toMatchObject({ line: 8, column: 14 });
  });
});

describe("front matter size", () => {
  it("counts keys and values, not comment lines: 18 KB of instructions for recruiters are read", () => {
    const bytes = fixture("comments-18kb");
    expect(bytes.length).toBeGreaterThan(MAX_FRONT_MATTER_LENGTH);
    const findings = lint("comments-18kb");
    expect(findings.map((f) => f.code)).not.toContain("FRONT_MATTER_TOO_LARGE");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    // normalize reads it too (and finds it canonical, comments included).
    expect(normalizeBytes("x.md", bytes, { schema })).toMatchObject({ status: "unchanged", findings: [] });
  });

  it("refuses more than 16 KB of keys and values (sizes in characters)", () => {
    const tooLarge = lint("values-17kb").filter((f) => f.code === "FRONT_MATTER_TOO_LARGE");
    expect(tooLarge).toMatchObject([{ line: 1, column: 1, message: "the front matter holds 18 KB besides its comments, more than the 16 KB posting reads; it was not read" }]);
  });

  it("refuses any front matter over the hard cap, comments included", () => {
    expect(fixture("comments-70kb").length).toBeGreaterThan(MAX_FRONT_MATTER_TOTAL_LENGTH);
    const tooLarge = lint("comments-70kb").filter((f) => f.code === "FRONT_MATTER_TOO_LARGE");
    expect(tooLarge).toMatchObject([{ message: "the front matter is 72 KB long, more than the 64 KB posting reads; it was not read" }]);
  });
});

describe("nothing is fixable in a file normalize leaves as it is", () => {
  it("a duplicate key: the trailing space and the `yes` wait for it, and the hint says so", () => {
    expect(normalizeBytes("x.md", fixture("duplicate-key-trailing-space"), { schema }).status).toBe("refused");
    const findings = lint("duplicate-key-trailing-space");
    expect(findings.map((f) => f.code)).toContain("FRONT_MATTER_TRAILING_SPACE");
    expect(findings.filter((f) => f.fixable)).toEqual([]);
    const space = findings.find((f) => f.code === "FRONT_MATTER_TRAILING_SPACE")!;
    expect(space.hint).toBe("`posting normalize --write` fixes it once YAML_DUPLICATE_KEY is fixed");
  });

  it("no front matter: garbled text is reported, not promised a fix", () => {
    expect(normalizeBytes("x.md", fixture("garbled-no-front-matter"), { schema }).status).toBe("refused");
    const findings = lint("garbled-no-front-matter");
    expect(findings.filter((f) => f.code === "ENCODING_MOJIBAKE")).toHaveLength(2);
    expect(findings.filter((f) => f.fixable)).toEqual([]);
  });

  it("an alias whose anchor goes with a renamed key: normalize refuses, lint says to fix it by hand", () => {
    const bytes = readFileSync(join(ROOT, "fixtures", "normalize", "alias-anchor-dropped", "input.md"));
    expect(normalizeBytes("x.md", bytes, { schema }).status).toBe("refused");
    const findings = wordFindings(lintBytes("x.md", bytes, schema));
    expect(findings.filter((f) => f.fixable)).toEqual([]);
    expect(findings.find((f) => f.code === "UNKNOWN_KEY")?.hint).toContain("fix it by hand");
  });
});

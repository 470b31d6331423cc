// Every message catalog words every finding code: a summary, and a message (and maybe a hint) for
// any args of that code. Parameterised over CATALOGS, so a second language (issue 17) is checked
// the same way as soon as it is listed there.
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "../src/core/findings.js";
import type { Finding, FindingCode, FindingDetails, WordedFinding } from "../src/core/findings.js";
import { finding } from "../src/core/messages.js";
import { CATALOGS, wordFinding } from "../src/core/messages/word.js";
import type { Catalog } from "../src/core/messages/word.js";
import { MAX_QUOTED } from "../src/core/sanitize.js";
import { summarize } from "../src/core/lint/lint.js";
import { REPORTERS } from "../src/reporters/index.js";

/** One finding's args per code, with every optional fact given (so each branch has words to say). */
const EXAMPLES: { [C in FindingCode]: FindingDetails[C][] } = {
  FILE_UNREADABLE: [{ reason: { kind: "fs", errno: "EACCES", detail: "permission denied" } }, { reason: { kind: "fs", errno: "EIO", detail: "i/o error" } }, { reason: { kind: "no-match" } }, { reason: { kind: "unlistable" } }, { reason: { kind: "link-loop" } }, { reason: { kind: "too-large", megabytes: 40, limit: 32 } }],
  FILE_NOT_REGULAR: [{ kind: "folder" }, { kind: "pipe" }, { kind: "socket" }, { kind: "device" }, { kind: "link" }, { kind: "link-in-folder" }, { kind: "md-folder" }],
  FILE_NOT_WRITTEN: [{ reason: { kind: "fs", errno: "ENOENT" } }, { reason: { kind: "refused", detail: "x.md changed on disk" } }],
  FILE_BINARY: [{}],
  FILE_EMPTY: [{}],
  ENCODING_INVALID_UTF8: [{ byte: 0xe9, guess: "windows-1252" }, { byte: 0xe2, guess: "UTF-8 cut short", truncated: true }],
  ENCODING_UTF16: [{ encoding: "utf-16le" }],
  ENCODING_LEGACY: [{ encoding: "windows-1252" }],
  ENCODING_BOM: [{}],
  ENCODING_MOJIBAKE: [{ found: "Ã©", repaired: "é", via: "Windows-1252" }, { found: "Ã©", repaired: "é", via: "Windows-1252", more: 3 }],
  ENCODING_UNDECODABLE: [{ count: 1, encoding: "windows-1250" }, { count: 2, encoding: "windows-1250" }],
  LINE_ENDINGS_CRLF: [{ count: 1 }, { count: 4 }],
  FRONT_MATTER_MISSING: [{}],
  FRONT_MATTER_NOT_AT_TOP: [{ startLine: 3 }],
  FRONT_MATTER_UNTERMINATED: [{}],
  FRONT_MATTER_EMPTY: [{}],
  FRONT_MATTER_NOT_MAPPING: [{ found: "list" }, { found: "nothing" }, { found: "string" }, { found: "number" }, { found: "boolean" }, { found: "other" }],
  FRONT_MATTER_LANGUAGE: [{ language: "js" }],
  FRONT_MATTER_TOO_LARGE: [{ kilobytes: 18, limit: 16, withoutComments: true }, { kilobytes: 72, limit: 64, withoutComments: false }],
  FRONT_MATTER_BLANK_LINE: [{}],
  FRONT_MATTER_TRAILING_SPACE: [{}],
  YAML_SYNTAX: [{ reason: { kind: "yaml", code: "BAD_INDENT", text: "bad indentation" } }, { reason: { kind: "yaml", code: "SOMETHING_NEW", text: "something new" } }, { reason: { kind: "unclosed-quote", quote: "\"" } }, { reason: { kind: "alias-no-anchor", name: "a" } }],
  YAML_DUPLICATE_KEY: [{ key: "open", firstLine: 3, line: 5 }],
  YAML_ALIAS_LIMIT: [{ limit: 100, nodes: 20000 }],
  YAML_TOO_DEEP: [{}],
  YAML11_BOOLEAN: [{ key: "open", text: "yes", value: true }],
  YAML11_READING: [{ key: "code", text: "0123", jekyll: { kind: "number", value: "83" }, isKey: false, literal: "83" }, { key: "on", text: "on", jekyll: { kind: "boolean", value: true }, isKey: true }, { key: "<<", text: "<<", jekyll: { kind: "merge" }, isKey: true }, { key: "a", text: "x", jekyll: { kind: "text", text: "x" }, isKey: false }],
  YAML_TAG: [{ key: "date", tag: "!!timestamp" }],
  YAML_TAG_UNKNOWN: [{ key: "x", tag: "!ruby/object" }],
  UNKNOWN_KEY: [{ key: "titles", suggestion: "title", isAlias: true }, { key: "tilte", suggestion: "title", isAlias: false }, { key: "salaire", isAlias: false }],
  ALIAS_CONFLICT: [{ alias: "titles", key: "title", aliasLine: 4 }],
  NORMALIZE_KEY_ALIAS: [{ alias: "titles", key: "title" }],
  NORMALIZE_KEY_ORDER: [{ key: "open", expectedAfter: "roles" }],
  NORMALIZE_VALUE: (["trailing-space", "nfc", "iso-date", "schema-spelling", "quoted", "yaml11-boolean", "text-boolean", "comma-list"] as const).map((why) => ({ key: "open", from: '"true"', to: "true", why })),
  NORMALIZE_UNSAFE: [{}],
  DATE_AMBIGUOUS: [{ key: "date", reason: { kind: "ambiguous", text: "05/06/2021", dayFirst: "2021-06-05", monthFirst: "2021-05-06" } }, { key: "date", reason: { kind: "unreal", text: "31/02/2021" } }],
  COMMA_LIST_UNBALANCED: [{ key: "techno" }],
  SCHEMA_REQUIRED: [{ key: "roles", description: { en: "The roles.", fr: "Les postes." } }, { key: "roles" }],
  SCHEMA_TYPE: [{ key: "open", expected: ["boolean"], found: { type: "text", text: "oui" }, hint: { kind: "unquote-boolean", value: "true" } }, { key: "open", expected: ["array", "string", "number", "object", "null", "other"], found: { type: "list", length: 2 } }, ...(["quote-yes-no", "quote-number", "list-unbalanced", "list-comma"] as const).map((kind) => ({ key: "t", expected: ["string"], found: { type: "number" as const, value: 1 }, hint: { kind } })), { key: "t", expected: ["string"], found: { type: "empty" }, hint: { kind: "give-value", key: "t" } }],
  SCHEMA_ENUM: [{ key: "contrat", allowed: ["CDI", "CDD"], found: { type: "text", text: "cdi" }, suggestion: "CDI" }, { key: "contrat", allowed: ["CDI"], found: { type: "empty" } }],
  SCHEMA_FORMAT: [{ key: "date", format: "date", found: { type: "text", text: "2021-02-30" }, reason: { kind: "unreal", text: "2021-02-30" } }, { key: "date", format: "date", found: { type: "text", text: "24/06/2021" }, reason: { kind: "write-iso" } }, { key: "mail", format: "email", found: { type: "number", value: 3 } }, { key: "u", format: "uri", found: { type: "boolean", value: true } }, { key: "d", format: "jekyll-date", found: { type: "mapping" } }, { key: "d", format: "other", found: { type: "text", text: "x" } }],
  SCHEMA_PATTERN: [{ key: "startup", pattern: "^[a-z]+$", description: { en: "a startup id", fr: "un identifiant" }, found: { type: "text", text: "a b" } }, { key: "startup", pattern: "^[a-z]+$", found: { type: "text", text: "a b" } }],
  SCHEMA_CONST: [{ key: "layout", expected: '"job"', found: { type: "text", text: "x" } }],
  SCHEMA_LENGTH: [{ key: "roles", limit: 1, kind: "min", unit: "characters" }, { key: "roles", limit: 3, kind: "max", unit: "items" }],
  SCHEMA_ITEMS: [{ key: "domaines", first: 0, repeat: 1 }],
  SCHEMA_OTHER: [{ key: "x", keyword: "not", detail: "must NOT be valid" }, { key: "", keyword: "not" }],
  FILE_NAME_PATTERN: [{ name: "dev.md", pattern: "YYYY-MM-DD-slug.md", reason: { kind: "shape" }, suggestion: "2026-05-11-dev.md" }, { name: "dev.md", pattern: "YYYY-MM-DD-slug.md", reason: { kind: "spaces" } }, { name: "dev.md", pattern: "YYYY-MM-DD-slug.md", reason: { kind: "non-ascii", chars: "é" } }, { name: "dev.md", pattern: "YYYY-MM-DD-slug.md", reason: { kind: "unreal-date", date: "2026-02-30" } }],
  REFERENCE_MISSING: [{ key: "startup", value: "mes-aide", expected: "_startups/mes-aide.md" }, { key: "startup", value: "../x", expected: "a file name", unsafeName: true }],
  DUPLICATE_POSTING: [{ other: "a.md", keys: ["startup", "roles", "date"], values: ["s", "Dev", "2026-01-01"], bare: [true, false, true] }, { other: "b.md", keys: ["team"], values: ["x"], bare: [false] }],
  FILE_TEMP_LEFTOVER: [{}],
  TEXT_BIDI_CONTROL: [{ key: "title", char: "U+202E" }],
  LINE_ENDINGS_CR: [{ count: 2 }],
  FRONT_MATTER_CLOSING_TEXT: [{ text: "---trailing" }],
  YAML11_LINE_BREAK: [{ char: "U+2028" }],
  EDIT_REFUSED: [{ reason: "multi-line", key: "description" }, { reason: "unsafe" }, { reason: "encoding" }],
  UNUSED_DISABLE: [{ code: "YAML_TAG", reason: "unused", wholeFile: false }, { code: "YAML_TAG", reason: "unused", wholeFile: true }, { code: "NOPE", reason: "unknown", wholeFile: false }, { code: "DUPLICATE_POSTING", reason: "cross-file", wholeFile: true }, { code: "", reason: "no-code", wholeFile: false }],
  FILE_EXTENSION: [{ extension: "", expected: ".md", markdown: false }, { extension: ".txt", expected: ".md", markdown: false }, { extension: ".markdown", expected: ".md", markdown: true }],
  TEMPLATE_PLACEHOLDER: [{ kind: "instruction", text: "Présentez ma-cantine et le problème public…" }, { kind: "comment", text: "Remplacez chaque texte entre crochets, puis supprimez ce commentaire." }],
};

const at = { file: "x.md", line: 2, column: 1, path: "k" };

function wordedExamples<C extends FindingCode>(code: C, catalog: Catalog): WordedFinding[] {
  return EXAMPLES[code].map((args) => wordFinding(finding(code, at, args), catalog));
}

/** Text a catalog must never print: a value it failed to turn into words. */
const UNWORDED = /undefined|null|NaN|\[object Object\]/;

describe.each(Object.entries(CATALOGS))("the %s catalog", (_lang, catalog) => {
  it("has an entry for every code and nothing else", () => {
    expect(Object.keys(catalog.codes).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each([...FINDING_CODES])("words %s: a summary, a message, and a hint that is text when there is one", (code) => {
    expect(catalog.codes[code].summary).toMatch(/\S/);
    for (const worded of wordedExamples(code, catalog)) {
      expect(worded.message).toMatch(/\S/);
      expect(worded.message).not.toMatch(UNWORDED);
      if (worded.hint !== undefined) {
        expect(worded.hint).toMatch(/\S/);
        expect(worded.hint).not.toMatch(UNWORDED);
      }
    }
  });

  it("words lint's later notes into the hint: a fix, an alias set twice, an unclear date, a blocked fix", () => {
    const base = finding("SCHEMA_TYPE", at, { key: "open", expected: ["boolean"], found: { type: "text", text: "yes" } });
    const noted = (notes: Finding["notes"]): Finding => ({ ...base, notes });
    const hints = [
      noted({ fix: { from: '"yes"', to: "true" } }),
      noted({ aliasSetToo: { key: "title" } }),
      noted({ dateUnclear: { reason: { kind: "ambiguous", text: "05/06/2021", dayFirst: "2021-06-05", monthFirst: "2021-05-06" } } }),
      noted({ fix: { from: '"yes"', to: "true" }, blockedBy: { code: "YAML_DUPLICATE_KEY" } }),
      noted({ fix: { from: '"yes"', to: "true" }, blockedBy: { encoding: "windows-1250" } }),
      noted({ fix: { from: '"yes"', to: "true" }, blockedBy: { unsafe: true } }),
    ].map((f) => wordFinding(f, catalog).hint);
    for (const hint of hints) expect(hint).toMatch(/\S/);
    expect(new Set(hints).size, "each note is worded its own way").toBe(hints.length);
  });
});

describe("French typography in the French catalog", () => {
  // One convention (messages/typography.ts): U+00A0 before `:` and inside « », U+202F before `; ! ?`.
  it.each([...FINDING_CODES])("%s: no ordinary space before : ; ! ? and guillemets with no-break spaces", (code) => {
    const texts = [CATALOGS.fr.codes[code].summary, ...wordedExamples(code, CATALOGS.fr).flatMap((w) => [w.message, w.hint ?? ""])];
    for (const text of texts) {
      expect(text).not.toMatch(/ [:;!?](?=\s|$)/);
      expect(text).not.toMatch(/« | »/);
    }
  });

  it("puts the no-break spaces in the catalog's text only, never in a value from a file", () => {
    const worded = wordFinding(finding("SCHEMA_PATTERN", at, { key: "heure", pattern: "^x$", found: { type: "text", text: "9 : 00 ?" } }), CATALOGS.fr);
    expect(worded.message).toContain("«\u00a09 : 00 ?\u00a0»");
    expect(worded.message).toContain("trouvé\u00a0:");
    const unknown = wordFinding(finding("UNKNOWN_KEY", at, { key: "tilte", suggestion: "title", isAlias: false }), CATALOGS.fr);
    expect(unknown.message).toBe("`tilte` n'est pas une clé connue\u202f; vouliez-vous dire `title`\u202f?");
  });
});

describe("wording at the edge", () => {
  it("a finding is data: code, place, args, fixability from its code's rule; no text", () => {
    const f = finding("UNKNOWN_KEY", at, { key: "titles", suggestion: "title", isAlias: true });
    expect(f).toEqual({ code: "UNKNOWN_KEY", severity: "error", file: "x.md", line: 2, column: 1, path: "k", args: { key: "titles", suggestion: "title", isAlias: true }, fixable: true });
    expect(finding("UNKNOWN_KEY", at, { key: "tilte", suggestion: "title", isAlias: false }).fixable).toBeUndefined();
  });

  it("English by default, with the fields in the order the JSON report has always shown", () => {
    const worded = wordFinding(finding("YAML11_BOOLEAN", at, { key: "open", text: "yes", value: true }));
    expect(Object.keys(worded)).toEqual(["code", "severity", "file", "line", "column", "path", "message", "hint", "fixable"]);
    expect(worded.message).toBe('`open` is written `yes`: Jekyll reads it as true, other YAML tools as the text "yes"');
    // A hint only a note gives came, in the days of patched findings, after `fixable`: kept so.
    const noted: Finding = { ...finding("SCHEMA_FORMAT", at, { key: "date", format: "date", found: { type: "text", text: "24/06/2021" } }), fixable: true, notes: { fix: { from: '"24/06/2021"', to: '"2021-06-24"' } } };
    const late = wordFinding(noted);
    expect(Object.keys(late).slice(-2)).toEqual(["fixable", "hint"]);
    expect(late.hint).toBe('run `posting normalize --write` to fix it ("24/06/2021" → "2021-06-24")');
  });

  it("caps text quoted from a file and shows a no-break space in a key, whatever the catalog", () => {
    const long = "é".repeat(5000);
    for (const catalog of Object.values(CATALOGS)) {
      const worded = wordFinding(finding("UNKNOWN_KEY", at, { key: `a\u00a0${long}`, isAlias: false }), catalog);
      expect(worded.message.length).toBeLessThan(MAX_QUOTED + 200);
      expect(worded.message).toContain("a\\u00a0é");
      const shown = wordFinding(finding("SCHEMA_TYPE", at, { key: "k", expected: ["number"], found: { type: "text", text: "\u0001".repeat(5000) } }), catalog);
      expect(shown.message.length).toBeLessThan(MAX_QUOTED + 200);
    }
  });
});

describe("reporters word raw findings, and take worded ones (the library API's) as they are", () => {
  it.each(Object.keys(REPORTERS))("%s prints the same for both", (name) => {
    const raw = [finding("UNKNOWN_KEY", at, { key: "titles", suggestion: "title", isAlias: true }), finding("FRONT_MATTER_BLANK_LINE", { ...at, line: 3 }, {})];
    const reporter = REPORTERS[name as keyof typeof REPORTERS];
    const printed = reporter(summarize([{ file: "x.md", findings: raw }]), { color: false, version: "1.0.0" });
    expect(printed).toContain("`titles` is not a known key");
    expect(reporter(summarize([{ file: "x.md", findings: raw.map((f) => wordFinding(f)) }]), { color: false, version: "1.0.0" })).toBe(printed);
  });
});

// Schema validation of a parsed posting, with ajv's errors turned into findings that name the key,
// say what was expected in words and sit on the right line.
import { distance as levenshtein } from "fastest-levenshtein";
import type { ErrorObject } from "ajv/dist/2020.js";
import { splitCommaList } from "../words/comma-list.js";
import { badDateReason } from "../read/dates.js";
import type { Finding, JekyllReading, LangText, TypeHint } from "../findings.js";
import { finding, shownValue } from "../messages.js";
import type { FieldSpec, PostingSchema } from "./schema.js";
import { foldForMatch } from "./schema.js";
import type { LocatedFrontMatter } from "../read/posting.js";
import { siteView } from "../read/site-view.js";
import { isYaml11BooleanWord } from "../read/yaml11.js";
import type { Yaml11Value } from "../read/yaml11.js";

export function validateFrontMatter(file: string, frontMatter: LocatedFrontMatter, schema: PostingSchema): Finding[] {
  const findings: Finding[] = [];
  const data = siteView(frontMatter);

  for (const r of frontMatter.yaml11Readings) {
    const key = pathText(r.path);
    if (!r.key && typeof r.value === "boolean" && isYaml11BooleanWord(r.text)) {
      // `yes`/`no`/`on`/`off` where a boolean is allowed; elsewhere the schema says what is wrong.
      const field = r.path.length === 1 ? schema.fieldsByKey.get(String(r.path[0])) : undefined;
      if (field?.types.includes("boolean")) findings.push(finding("YAML11_BOOLEAN", { file, ...frontMatter.locate(r.path), path: key }, { key, text: r.text, value: r.value }));
    } else if (r.kind !== "text") {
      // Text Jekyll reads as text is what was meant: only readings as something else are reported.
      const at = frontMatter.locate(r.path, r.key ? "key" : "value");
      const literal = readingLiteral(r);
      const details = { key, text: r.text, jekyll: describeReading(r), isKey: r.key === true };
      findings.push(finding("YAML11_READING", { file, ...at, path: key }, literal === undefined ? details : { ...details, literal }));
    }
  }

  if (schema.validate(data)) return findings;
  const errors = (schema.validate.errors ?? []).filter((e) => !isShadowedError(e));
  for (const error of errors) findings.push(errorToFinding(file, frontMatter, schema, data, error));
  return findings;
}

/** How to write Psych's value so that every YAML reader agrees (`83`, `true`), when there is one. */
function readingLiteral(reading: Yaml11Value): string | undefined {
  if (reading.kind === "boolean") return String(reading.value);
  if ((reading.kind === "integer" || reading.kind === "float") && Number.isFinite(reading.value)) return String(reading.value);
  return undefined;
}

/** Psych's value, for the catalogs to word ("the number 83", "true", "empty (null)"). */
function describeReading(reading: Yaml11Value): JekyllReading {
  if (reading.kind === "null") return { kind: "null" };
  if (reading.kind === "boolean") return { kind: "boolean", value: reading.value === true };
  if (reading.kind === "integer" || reading.kind === "float") return { kind: "number", value: String(reading.value) };
  if (reading.kind === "merge") return { kind: "merge" };
  return { kind: "text", text: String(reading.value) };
}

// With `type: ["array", "string"]` and failing items, ajv reports both; keep the useful one.
function isShadowedError(error: ErrorObject): boolean {
  return error.keyword === "if" || error.keyword === "anyOf" || error.keyword === "oneOf";
}

function errorToFinding(
  file: string,
  frontMatter: LocatedFrontMatter,
  schema: PostingSchema,
  data: Record<string, unknown>,
  error: ErrorObject,
): Finding {
  const path = parsePointer(error.instancePath);
  const key = pathText(path);
  const value = getAt(data, path);
  const topField = schema.fieldsByKey.get(String(path[0] ?? ""));
  const found = shownValue(value);
  const loc = (p: (string | number)[], where: "key" | "value" = "value") => ({ file, ...frontMatter.locate(p, where), path: pathText(p) });

  switch (error.keyword) {
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      // The schema's description, first sentence in each language: what the key means, in words.
      const description = firstSentences(schema.fieldsByKey.get(missing)?.texts.description);
      const at = { file, line: 1, column: 1, path: missing };
      return finding("SCHEMA_REQUIRED", at, description ? { key: missing, description } : { key: missing });
    }
    case "additionalProperties": {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const canonical = schema.aliasToKey.get(extra);
      const suggestion = canonical ?? suggestKey(extra, schema);
      const details = suggestion ? { key: extra, suggestion, isAlias: canonical !== undefined } : { key: extra, isAlias: false };
      return finding("UNKNOWN_KEY", loc([...path, extra], "key"), details);
    }
    case "type": {
      const expected = String((error.params as { type: string | string[] }).type).split(",");
      const hint = typeHint(topField, value, path.length);
      return finding("SCHEMA_TYPE", loc(path), hint ? { key, expected, found, hint } : { key, expected, found });
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const suggestion = typeof value === "string" ? topField?.synonyms.get(foldForMatch(value)) : undefined;
      return finding("SCHEMA_ENUM", loc(path), suggestion ? { key, allowed, found, suggestion } : { key, allowed, found });
    }
    case "format": {
      const format = String((error.params as { format: string }).format);
      const reason = typeof value === "string" && format.includes("date") ? badDateReason(value) : undefined;
      return finding("SCHEMA_FORMAT", loc(path), reason ? { key, format, found, reason } : { key, format, found });
    }
    case "pattern": {
      const pattern = String((error.params as { pattern: string }).pattern);
      const description = topField && (topField.texts.pattern.en !== undefined || topField.texts.pattern.fr !== undefined) ? topField.texts.pattern : undefined;
      return finding("SCHEMA_PATTERN", loc(path), description ? { key, pattern, description, found } : { key, pattern, found });
    }
    case "const":
      return finding("SCHEMA_CONST", loc(path), { key, expected: JSON.stringify((error.params as { allowedValue: unknown }).allowedValue), found });
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems": {
      const limit = Number((error.params as { limit: number }).limit);
      const kind = error.keyword.startsWith("min") ? "min" : "max";
      const unit = error.keyword.endsWith("Items") ? "items" : "characters";
      return finding("SCHEMA_LENGTH", loc(path), { key, limit, kind, unit });
    }
    case "uniqueItems": {
      // ajv names the pair in no fixed order; point at the later item, the repeat to remove.
      const { i, j } = error.params as { i: number; j: number };
      const [first, repeat] = i < j ? [i, j] : [j, i];
      return finding("SCHEMA_ITEMS", loc([...path, repeat]), { key, first, repeat });
    }
    default:
      return finding("SCHEMA_OTHER", loc(path), error.message ? { key, keyword: error.keyword, detail: error.message } : { key, keyword: error.keyword });
  }
}

/** The first sentence of each language's text. */
function firstSentences(text: LangText | undefined): LangText | undefined {
  if (!text) return undefined;
  const out: LangText = {};
  if (text.en) out.en = firstSentence(text.en);
  if (text.fr) out.fr = firstSentence(text.fr);
  return out.en !== undefined || out.fr !== undefined ? out : undefined;
}

function firstSentence(text: string): string {
  return text.split(/(?<=[.?!])\s/)[0] ?? text;
}

function typeHint(field: FieldSpec | undefined, value: unknown, depth: number): TypeHint | undefined {
  if (!field || depth !== 1) return undefined;
  if (field.types.includes("boolean") && typeof value === "string" && /^(true|false)$/i.test(value.trim())) return { kind: "unquote-boolean", value: value.trim().toLowerCase() };
  if (field.types.includes("string") && typeof value === "boolean") return { kind: "quote-yes-no" };
  if (field.types.includes("string") && typeof value === "number") return { kind: "quote-number" };
  if (field.list && typeof value === "string") return { kind: splitCommaList(value) === undefined ? "list-unbalanced" : "list-comma" };
  if (value === null) return { kind: "give-value", key: field.key };
  return undefined;
}

/**
 * "Did you mean": declared aliases first, then the known key (or alias) closest in Levenshtein
 * distance, if it is close for the shorter of the two names: at most a third of its length (two
 * edits for a five-letter key, a transposition), so a short key never matches a long one.
 */
export function suggestKey(unknown: string, schema: PostingSchema): string | undefined {
  const alias = schema.aliasToKey.get(unknown);
  if (alias) return alias;
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of schema.fields) {
    for (const candidate of [field.key, ...field.aliases]) {
      const name = candidate.toLowerCase();
      const d = levenshtein(lower, name);
      if (d < bestDistance && d <= closeEnough(lower, name)) {
        bestDistance = d;
        best = field.key;
      }
    }
  }
  return best;
}

/** The most edits at which two names are still taken for one another. */
function closeEnough(a: string, b: string): number {
  return Math.max(1, Math.round(Math.min(a.length, b.length) / 3));
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const p of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}


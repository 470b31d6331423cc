// Schema validation of a parsed posting, with ajv's errors turned into findings that name the key,
// say what was expected in words and sit on the right line.
import { distance as levenshtein } from "fastest-levenshtein";
import type { ErrorObject } from "ajv/dist/2020.js";
import { splitCommaList } from "../words/comma-list.js";
import { closeEnough } from "../words/near-miss.js";
import { badDateReason } from "../read/dates.js";
import type { Finding, JekyllReading, LangText, TypeHint } from "../findings.js";
import { finding, shownValue } from "../messages.js";
import type { Location } from "../messages.js";
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
    if (!r.key && typeof r.value === "boolean" && isYaml11BooleanWord(r.text)) {
      // `yes`/`no`/`on`/`off` where a boolean is allowed; elsewhere the schema says what is wrong.
      const field = r.path.length === 1 ? schema.fieldsByKey.get(String(r.path[0])) : undefined;
      if (field?.types.includes("boolean")) findings.push(finding("YAML11_BOOLEAN", placeAt(file, frontMatter, r.path), { key: pathText(r.path), text: r.text, value: r.value }));
    } else if (r.kind !== "text") {
      const key = pathText(r.path);
      // Text Jekyll reads as text is what was meant: only readings as something else are reported.
      const at = placeAt(file, frontMatter, r.path, r.key ? "key" : "value");
      const literal = readingLiteral(r);
      const jekyll = describeReading(r);
      const isKey = r.key === true;
      findings.push(finding("YAML11_READING", at, literal === undefined ? { key, text: r.text, jekyll, isKey } : { key, text: r.text, jekyll, isKey, literal }));
    }
  }

  if (schema.validate(data)) return findings;
  for (const error of schema.validate.errors ?? []) if (!isShadowedError(error)) findings.push(errorToFinding(file, frontMatter, schema, data, error));
  return findings;
}

/**
 * Where a finding about the value (or key) at `path` sits. The fields are named, not spread from
 * locate(): on Node 20 a spread in an object literal costs about a microsecond, for every finding.
 */
function placeAt(file: string, frontMatter: LocatedFrontMatter, path: readonly (string | number)[], where: "key" | "value" = "value", shownPath = pathText(path)): Location {
  const { line, column } = frontMatter.locate(path as (string | number)[], where);
  return { file, line, column, path: shownPath };
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
  const { path, key } = readPointer(error.instancePath);
  const value = getAt(data, path);
  const topField = schema.fieldsByKey.get(String(path[0] ?? ""));
  // `found` (the value as shown) is made only by the cases whose finding shows it; `key` is the
  // path as shown, already read with the pointer.
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
      return finding("UNKNOWN_KEY", placeAt(file, frontMatter, [...path, extra], "key"), details);
    }
    case "type": {
      const found = shownValue(value);
      const expected = String((error.params as { type: string | string[] }).type).split(",");
      const hint = typeHint(topField, value, path.length);
      return finding("SCHEMA_TYPE", placeAt(file, frontMatter, path, "value", key), hint ? { key, expected, found, hint } : { key, expected, found });
    }
    case "enum": {
      const found = shownValue(value);
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const suggestion = typeof value === "string" ? topField?.synonyms.get(foldForMatch(value)) : undefined;
      return finding("SCHEMA_ENUM", placeAt(file, frontMatter, path, "value", key), suggestion ? { key, allowed, found, suggestion } : { key, allowed, found });
    }
    case "format": {
      const found = shownValue(value);
      const format = String((error.params as { format: string }).format);
      const reason = typeof value === "string" && format.includes("date") ? badDateReason(value) : undefined;
      return finding("SCHEMA_FORMAT", placeAt(file, frontMatter, path, "value", key), reason ? { key, format, found, reason } : { key, format, found });
    }
    case "pattern": {
      const found = shownValue(value);
      const pattern = String((error.params as { pattern: string }).pattern);
      const description = topField && (topField.texts.pattern.en !== undefined || topField.texts.pattern.fr !== undefined) ? topField.texts.pattern : undefined;
      return finding("SCHEMA_PATTERN", placeAt(file, frontMatter, path, "value", key), description ? { key, pattern, description, found } : { key, pattern, found });
    }
    case "const":
      return finding("SCHEMA_CONST", placeAt(file, frontMatter, path, "value", key), { key, expected: JSON.stringify((error.params as { allowedValue: unknown }).allowedValue), found: shownValue(value) });
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems": {
      const limit = Number((error.params as { limit: number }).limit);
      const kind = error.keyword.startsWith("min") ? "min" : "max";
      const unit = error.keyword.endsWith("Items") ? "items" : "characters";
      return finding("SCHEMA_LENGTH", placeAt(file, frontMatter, path, "value", key), { key, limit, kind, unit });
    }
    case "uniqueItems": {
      // ajv names the pair in no fixed order; point at the later item, the repeat to remove.
      const { i, j } = error.params as { i: number; j: number };
      const [first, repeat] = i < j ? [i, j] : [j, i];
      return finding("SCHEMA_ITEMS", placeAt(file, frontMatter, [...path, repeat]), { key, first, repeat });
    }
    default:
      return finding("SCHEMA_OTHER", placeAt(file, frontMatter, path, "value", key), error.message ? { key, keyword: error.keyword, detail: error.message } : { key, keyword: error.keyword });
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

/** Every key and alias of a schema, lower-cased, with the key it stands for, in the schema's order: made once per schema. */
const keyNamesBySchema = new WeakMap<PostingSchema, readonly { name: string; key: string }[]>();

function keyNamesOf(schema: PostingSchema): readonly { name: string; key: string }[] {
  let names = keyNamesBySchema.get(schema);
  if (!names) {
    names = schema.fields.flatMap((field) => [field.key, ...field.aliases].map((candidate) => ({ name: candidate.toLowerCase(), key: field.key })));
    keyNamesBySchema.set(schema, names);
  }
  return names;
}

/**
 * "Did you mean": declared aliases first, then the known key (or alias) closest in Levenshtein
 * distance, if it is close for the shorter of the two names (words/near-miss.ts closeEnough): at
 * most a third of its length (two edits for a five-letter key, a transposition), so a short key
 * never matches a long one.
 */
export function suggestKey(unknown: string, schema: PostingSchema): string | undefined {
  const alias = schema.aliasToKey.get(unknown);
  if (alias) return alias;
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const { name, key } of keyNamesOf(schema)) {
    const limit = closeEnough(lower, name);
    // The distance is at least the gap in length: past the limit, no need to compute it.
    if (Math.abs(name.length - lower.length) > limit) continue;
    const d = levenshtein(lower, name);
    if (d < bestDistance && d <= limit) {
      bestDistance = d;
      best = key;
    }
  }
  return best;
}

/** An instance path of ajv's, read: its segments (shared: never changed) and the key path as shown. */
export interface ReadPointer {
  readonly path: readonly (string | number)[];
  readonly key: string;
}

// ajv names the same few places in file after file (`/open`, `/roles`): each pointer is read
// once and kept, a thousand at most.
const MAX_KEPT_POINTERS = 1024;
const keptPointers = new Map<string, ReadPointer>();

export function readPointer(pointer: string): ReadPointer {
  let read = keptPointers.get(pointer);
  if (!read) {
    const path = parsePointer(pointer);
    read = { path, key: pathText(path) };
    if (keptPointers.size >= MAX_KEPT_POINTERS) keptPointers.clear();
    keptPointers.set(pointer, read);
  }
  return read;
}

const ALL_DIGITS = /^\d+$/;

/** A JSON pointer's segments (`/contacts/0` → contacts, 0): digits are an index. */
function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  const path: (string | number)[] = pointer.slice(1).split("/");
  for (let i = 0; i < path.length; i++) {
    let segment = path[i] as string;
    // `~1` and `~0` are the pointer's escapes of `/` and `~`, undone in that order.
    if (segment.includes("~")) segment = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    path[i] = ALL_DIGITS.test(segment) ? Number(segment) : segment;
  }
  return path;
}

/** A key path as messages show it: `contacts[0].email`. */
export function pathText(path: readonly (string | number)[]): string {
  let text = "";
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    text += typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`;
  }
  return text;
}

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const p of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}


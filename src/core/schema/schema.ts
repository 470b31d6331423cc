// One schema drives every command: ajv validates with it, and its `x-` annotations tell normalize,
// list and new about aliases, list fields, key order, labels and prompts.
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { createAjv } from "./ajv.js";
import { UserError } from "../errors.js";
import { precompiledPostingValidator } from "./precompiled.js";
import { packagePath } from "../paths.js";
import { sha256Hex } from "../hash.js";
import { MAX_SCHEMA_BYTES, parseJsonText, readBounded } from "../files/read-bounded.js";
import { findUnsafePattern, linearRegExpEngine } from "./safe-pattern.js";
import { rolesOf } from "./roles.js";
import type { SchemaRoles } from "./roles.js";
import type { LangText } from "../findings.js";
import type { Lang } from "../messages/lang.js";
import { frenchSpacing } from "../messages/typography.js";
import type { Phrases } from "../messages/phrases.js";

export const BUNDLED_SCHEMA_PATH = packagePath("schemas", "posting.schema.json");

export { ANNOTATION_KEYWORDS, createAjv } from "./ajv.js";

export type { ColumnSpec, FieldRole, FlagSpec, SchemaRoles } from "./roles.js";

export type PromptLevel = "required" | "optional";

export interface FieldSpec {
  key: string;
  /** JSON types allowed, in the schema's order. */
  types: string[];
  /** Canonical form is a list (comma text is turned into a list by normalize). */
  list: boolean;
  itemTypes: string[];
  aliases: string[];
  enum?: readonly unknown[];
  /** Lower-cased synonym or case variant to the canonical enum value. */
  synonyms: Map<string, string>;
  /** Enum values that are their own canonical spelling: matched as they are, without folding. */
  canonicalEnum: ReadonlySet<string>;
  format?: string;
  /** English (x-pattern-description's "en", or the plain string). Other languages: fieldText(). */
  patternDescription?: string;
  title?: string;
  /** English (the plain `description`). Other languages: fieldText(). */
  description?: string;
  label: { fr?: string; en?: string };
  /** Texts in each language written: `x-description` / `x-pattern-description` objects, plain English ones as `en`. */
  texts: { description: LangText; pattern: LangText };
  prompt?: PromptLevel;
  defaultValue?: unknown;
  required: boolean;
  examples: unknown[];
}

export interface PostingSchema {
  /** Where the schema came from (a file path). */
  source: string;
  json: Record<string, unknown>;
  validate: ValidateFunction;
  fields: FieldSpec[];
  fieldsByKey: Map<string, FieldSpec>;
  aliasToKey: Map<string, string>;
  required: string[];
  additionalProperties: boolean;
  /** Field roles from the `x-role`, `x-column`, `x-search`, `x-identity` and `x-flag` annotations (roles.ts). */
  roles: SchemaRoles;
  /** Content hash, for caches. */
  hash: string;
}

export class SchemaError extends UserError {}

const compiledBySource = new Map<string, PostingSchema>();

/** Load and compile a schema file (once per process per path). */
export function loadSchema(path: string = BUNDLED_SCHEMA_PATH): PostingSchema {
  const cached = compiledBySource.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readBounded(path, MAX_SCHEMA_BYTES).toString("utf8");
  } catch (error) {
    throw Object.assign(new SchemaError(`cannot read the schema ${path}: ${(error as Error).message}`), { worded: (p: Phrases) => p.schemaUnreadable(path) });
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const at = parsed.where;
    throw Object.assign(new SchemaError(`the schema ${path} is not valid JSON at ${at}`), { worded: (p: Phrases) => p.schemaNotJson(path, at) });
  }
  const json = parsed.value;
  const precompiled = path === BUNDLED_SCHEMA_PATH ? precompiledPostingValidator(text) : undefined;
  const schema = compileSchema(json, path, text, precompiled);
  compiledBySource.set(path, schema);
  return schema;
}

/** Drop the compiled schema of `path`, so the next loadSchema reads the file again (an editor's server, when it changes). */
export function forgetSchema(path: string): void {
  if (path !== BUNDLED_SCHEMA_PATH) compiledBySource.delete(path);
}

/** `validate` is the build-time compiled validator of this very schema, when there is one. */
export function compileSchema(json: unknown, source: string, text = JSON.stringify(json), validate?: ValidateFunction): PostingSchema {
  if (!isObject(json)) throw new SchemaError(`the schema ${source} must be a JSON object`);
  const unsafe = validate ? undefined : findUnsafePattern(json);
  if (unsafe) throw new SchemaError(`the schema ${source}: the pattern at ${unsafe.pointer} ${unsafe.reason}; the schema was not used`);
  try {
    // Patterns are matched in linear time (re2js); findUnsafePattern has checked ajv's rule on
    // properties matched by patternProperties, which ajv would test with a native RegExp.
    validate ??= createAjv({ code: { regExp: linearRegExpEngine }, allowMatchingProperties: true }).compile(json);
  } catch (error) {
    throw new SchemaError(`the schema ${source} is not a valid JSON Schema: ${(error as Error).message}`);
  }
  const required = Array.isArray(json.required) ? json.required.map(String) : [];
  const properties = isObject(json.properties) ? json.properties : {};
  const roles = rolesOf(properties, source);
  const fields = Object.entries(properties).map(([key, spec]) => fieldSpec(key, isObject(spec) ? spec : {}, required.includes(key)));
  const fieldsByKey = new Map(fields.map((f) => [f.key, f]));
  const aliasToKey = new Map<string, string>();
  for (const f of fields) for (const alias of f.aliases) aliasToKey.set(alias, f.key);
  return {
    source,
    json,
    validate,
    fields,
    fieldsByKey,
    aliasToKey,
    required,
    additionalProperties: json.additionalProperties !== false,
    roles,
    // Only the cache asks for it: computed then, not on every run.
    get hash() {
      const value = sha256Hex(text).slice(0, 16);
      Object.defineProperty(this, "hash", { value });
      return value;
    },
  };
}

function fieldSpec(key: string, spec: Record<string, unknown>, required: boolean): FieldSpec {
  const types = typesOf(spec.type);
  const items = isObject(spec.items) ? spec.items : {};
  const enumValues = Array.isArray(spec.enum) ? spec.enum : Array.isArray(items.enum) ? items.enum : undefined;
  const synonymSource = isObject(spec["x-synonyms"]) ? spec["x-synonyms"] : isObject(items["x-synonyms"]) ? items["x-synonyms"] : {};
  const synonyms = new Map<string, string>();
  for (const value of enumValues ?? []) synonyms.set(foldForMatch(String(value)), String(value));
  for (const [canonical, list] of Object.entries(synonymSource)) {
    if (Array.isArray(list)) for (const s of list) synonyms.set(foldForMatch(String(s)), canonical);
  }
  const label = isObject(spec["x-label"]) ? spec["x-label"] : {};
  const field: FieldSpec = {
    key,
    types,
    list: spec["x-list"] === true || (types.length === 1 && types[0] === "array"),
    itemTypes: typesOf(items.type),
    aliases: Array.isArray(spec["x-aliases"]) ? spec["x-aliases"].map(String) : [],
    synonyms,
    canonicalEnum: new Set((enumValues ?? []).map(String).filter((v) => synonyms.get(foldForMatch(v)) === v)),
    label: { fr: stringOrUndefined(label.fr), en: stringOrUndefined(label.en) },
    texts: { description: langText(spec["x-description"], spec.description), pattern: langText(spec["x-pattern-description"] ?? items["x-pattern-description"]) },
    required,
    examples: Array.isArray(spec.examples) ? spec.examples : [],
  };
  if (enumValues) field.enum = enumValues;
  const format = stringOrUndefined(spec.format) ?? stringOrUndefined(items.format);
  if (format) field.format = format;
  const patternDescription = field.texts.pattern.en;
  if (patternDescription) field.patternDescription = patternDescription;
  const title = stringOrUndefined(spec.title);
  if (title) field.title = title;
  const description = stringOrUndefined(spec.description);
  if (description) field.description = description;
  const prompt = spec["x-prompt"];
  if (prompt === "required" || prompt === "optional") field.prompt = prompt;
  if ("x-default" in spec) field.defaultValue = spec["x-default"];
  return field;
}

// Schema texts per language (issue 17): `x-label`, `x-help`, `x-description` and
// `x-pattern-description` are `{ "fr": …, "en": … }` objects; the plain `title` and `description`
// (English, for JSON Schema tools) stand for English when no object says otherwise, and a plain
// string `x-pattern-description` is English. `x-label` is the field's title in each language.
// French texts get French spacing (messages/typography.ts), as the catalog's own do.
function langText(value: unknown, plainEnglish?: unknown): LangText {
  const text: LangText = {};
  if (isObject(value)) {
    if (typeof value.fr === "string") text.fr = frenchSpacing(value.fr);
    if (typeof value.en === "string") text.en = value.en;
  } else if (typeof value === "string") text.en = value;
  if (text.en === undefined && typeof plainEnglish === "string") text.en = plainEnglish;
  return text;
}

/** One text of a field in `lang`: its title (x-label), description or pattern description; English when the schema has none in `lang`. */
export function fieldText(field: FieldSpec, which: "title" | "description" | "pattern", lang: Lang): string | undefined {
  if (which === "title") return field.label[lang] ?? field.label.en ?? field.title;
  const text = field.texts[which];
  return text[lang] ?? text.en;
}

const ASCII_ONLY = /^[\u0000-\u007f]*$/;
// Made on first use and kept: building the class costs about half a millisecond (and a bundler
// that writes the literal as `new RegExp(…)` would build it at every call: scripts/build.mjs).
let combiningMarks: RegExp | undefined;

// The same values come back in file after file (`Développeur` in `roles`): short texts are folded
// once and kept, a few thousand at most, as normalize() costs microseconds a call.
const MAX_KEPT_FOLDS = 4096;
const MAX_KEPT_FOLD_LENGTH = 64;
const keptFolds = new Map<string, string>();

/** Case- and accent-insensitive form used to match enum values, synonyms and search text. */
export function foldForMatch(text: string): string {
  // ASCII has no marks to drop (most enum values and synonyms): no normalize() and no \p{M} pass.
  if (ASCII_ONLY.test(text)) return text.toLowerCase().trim();
  if (text.length > MAX_KEPT_FOLD_LENGTH) return foldMarks(text);
  let folded = keptFolds.get(text);
  if (folded === undefined) {
    folded = foldMarks(text);
    if (keptFolds.size >= MAX_KEPT_FOLDS) keptFolds.clear();
    keptFolds.set(text, folded);
  }
  return folded;
}

function foldMarks(text: string): string {
  return withoutMarks(text.normalize("NFD")).toLowerCase().trim();
}

/**
 * `text` without its combining marks (\p{M}). The marks of accented Latin letters, U+0300–U+036F,
 * are the only ones below U+0370: those are dropped in a loop, and only text with a character
 * past them goes through the Unicode class, whose compilation costs milliseconds (and again
 * whenever a garbage collection has dropped it).
 */
export function withoutMarks(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x300) continue;
    if (code > 0x36f) return text.replace((combiningMarks ??= /\p{M}/gu), "");
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function typesOf(type: unknown): string[] {
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.map(String);
  return [];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type { ErrorObject };

/**
 * Whether this schema is the one loadSchema gives for its file, so a worker thread can load it
 * again by path (a schema compiled from memory cannot be sent to a worker).
 */
export function isFileSchema(schema: PostingSchema): boolean {
  try {
    return loadSchema(schema.source) === schema;
  } catch {
    return false;
  }
}

// Answers typed by a person (a prompt, `--set key=value`, `--from-json`) to front matter values,
// checked against the same schema lint uses, with the reason in the recruiter's language.
import type { ErrorObject } from "ajv/dist/2020.js";
import { splitCommaList } from "../words/comma-list.js";
import { todayIso } from "../read/dates.js";
import { readTypedDate } from "../words/typed-date.js";
import type { Lang } from "./scaffold.js";
import { yesNo } from "../words/yes-no.js";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
import { foldForMatch, isObject } from "../schema/schema.js";

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

// Control characters (new lines included) would break a one-line value; they become spaces.
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Split comma-separated text into a list by normalize's rule (splitCommaList: commas outside
 * brackets), dropping empty items and duplicates; text whose brackets do not pair up is one item.
 */
export function splitList(text: string): string[] {
  const items = (splitCommaList(text) ?? [text]).map(cleanText).filter((s) => s !== "");
  return [...new Set(items)];
}

/** A field's default as a value (`"today"` for dates is today's date). */
export function defaultFor(field: FieldSpec, today: string = todayIso()): unknown {
  if (field.defaultValue === "today" && field.format?.includes("date")) return today;
  return field.defaultValue;
}

/** Text typed for `field` to a value; an empty answer is `undefined` (no value). */
export function parseText(field: FieldSpec, text: string, schema: PostingSchema, lang: Lang): Parsed {
  const cleaned = cleanText(text);
  if (cleaned === "") return { ok: true, value: undefined };
  let value: unknown;
  if (field.types.includes("boolean") && !field.types.includes("string")) {
    value = yesNo(cleaned);
    if (value === undefined) return { ok: false, reason: t(lang, "answer yes or no (oui/non, true/false)", "répondez oui ou non (oui/non, true/false)") };
  } else if (field.list) {
    value = splitList(cleaned).map((item) => canonicalEnum(field, item));
  } else if (field.format?.includes("date")) {
    const date = readTypedDate(cleaned, lang);
    if (date.kind !== "date") return { ok: false, reason: dateReason(cleaned, date.kind === "unreal" ? date.iso : undefined, lang) };
    value = date.value;
  } else {
    value = canonicalEnum(field, cleaned);
  }
  return check(field, value, schema, lang);
}

/** A value from JSON (`--from-json`): kept when its type fits, parsed as text when it is text. */
export function parseJsonValue(field: FieldSpec, value: unknown, schema: PostingSchema, lang: Lang): Parsed {
  if (value === null || value === undefined) return { ok: true, value: undefined };
  if (typeof value === "string") return parseText(field, value, schema, lang);
  if (Array.isArray(value) && field.list) {
    const items = [...new Set(value.map((v) => (typeof v === "string" ? canonicalEnum(field, cleanText(v)) : v)))];
    return check(field, items, schema, lang);
  }
  return check(field, value, schema, lang);
}

function canonicalEnum(field: FieldSpec, text: string): string {
  return field.synonyms.get(foldForMatch(text)) ?? text;
}

/** Why typed text is no date: `unreal` is how it reads when it looks like one but is none (2026-02-30). */
function dateReason(text: string, unreal: string | undefined, lang: Lang): string {
  if (unreal !== undefined) {
    const shown = unreal === text ? text : `${text}, ${unreal}`;
    return t(lang, `expected a date YYYY-MM-DD (${shown} is not a real date)`, `une date JJ/MM/AAAA ou AAAA-MM-JJ est attendue (${shown} n'existe pas)`);
  }
  if (lang !== "fr" && /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text)) {
    return `expected a date YYYY-MM-DD (${text}: a date with slashes reads day first in French, month first in English)`;
  }
  return t(lang, "expected a date YYYY-MM-DD", "une date JJ/MM/AAAA ou AAAA-MM-JJ est attendue");
}

/** Check one value against the schema (the field's own rules only). */
export function check(field: FieldSpec, value: unknown, schema: PostingSchema, lang: Lang): Parsed {
  const ok = schema.validate({ [field.key]: value });
  const errors = ok ? [] : (schema.validate.errors ?? []).filter((e) => e.instancePath === `/${field.key}` || e.instancePath.startsWith(`/${field.key}/`));
  const first = errors.find((e) => e.keyword !== "type") ?? errors[0];
  if (!first) return { ok: true, value };
  return { ok: false, reason: explain(field, first, value, lang) };
}

function explain(field: FieldSpec, error: ErrorObject, value: unknown, lang: Lang): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "format": {
      const format = String(params.format);
      if (format === "email") return t(lang, "expected an e-mail address, for example contact@example.gouv.fr", "une adresse e-mail est attendue, par exemple contact@example.gouv.fr");
      if (format === "uri" || format === "url") return t(lang, "expected a web address starting with https://", "une adresse web commençant par https:// est attendue");
      if (format.includes("date")) return typeof value === "string" ? dateReason(value, undefined, lang) : t(lang, "expected a date YYYY-MM-DD", "une date JJ/MM/AAAA ou AAAA-MM-JJ est attendue");
      return t(lang, `expected the format ${format}`, `le format ${format} est attendu`);
    }
    case "pattern":
      if (lang === "fr") return frenchPatternReason(field);
      return field.patternDescription ? `expected ${field.patternDescription}` : `does not match ${String(params.pattern)}`;
    case "enum": {
      const allowed = (field.enum ?? []).map(String).join(", ");
      return t(lang, `choose one of: ${allowed}`, `choisissez parmi : ${allowed}`);
    }
    case "minLength":
      return t(lang, "cannot be empty", "ne peut pas être vide");
    case "uniqueItems":
      return t(lang, "lists the same value twice", "contient deux fois la même valeur");
    case "type":
      return t(lang, `expected ${typeWords(field, "en")}`, `attendu : ${typeWords(field, "fr")}`);
    default:
      return error.message ?? t(lang, "invalid value", "valeur invalide");
  }
}

// The schema's pattern descriptions are English (x-pattern-description); until it carries them per
// language, a French session names the field and shows its example instead of English words.
function frenchPatternReason(field: FieldSpec): string {
  const described = field.texts.pattern.fr;
  if (described) return `attendu : ${described}`;
  const example = field.examples.find((e): e is string => typeof e === "string");
  return `format attendu pour « ${fieldLabel(field, "fr")} »${example ? `, par exemple ${example}` : ""}`;
}

function typeWords(field: FieldSpec, lang: Lang): string {
  if (field.types.includes("boolean")) return lang === "fr" ? "oui ou non" : "yes or no";
  if (field.list) return lang === "fr" ? "une liste séparée par des virgules" : "a comma-separated list";
  return lang === "fr" ? "un texte" : "a text";
}

function t(lang: Lang, en: string, fr: string): string {
  return lang === "fr" ? fr : en;
}

/** Resolve a key as typed (`--set role=…`): the key, an alias, or undefined. */
export function resolveKey(key: string, schema: PostingSchema): FieldSpec | undefined {
  const canonical = schema.fieldsByKey.has(key) ? key : schema.aliasToKey.get(key);
  return canonical === undefined ? undefined : schema.fieldsByKey.get(canonical);
}

/** Help text for a field: its `x-help` in the language, else its description. */
export function fieldHelp(field: FieldSpec, schema: PostingSchema, lang: Lang): string | undefined {
  const properties = isObject(schema.json.properties) ? schema.json.properties : {};
  const spec = properties[field.key];
  const help = isObject(spec) && isObject(spec["x-help"]) ? spec["x-help"][lang] : undefined;
  return typeof help === "string" ? help : field.description;
}

/** A field's label in the language, else the other language, else its title, else its key. */
export function fieldLabel(field: FieldSpec, lang: Lang): string {
  return field.label[lang] ?? field.label[lang === "fr" ? "en" : "fr"] ?? field.title ?? field.key;
}

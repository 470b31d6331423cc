// The value rules of normalize, on plain values: which text becomes a boolean or a list, and the
// canonical spelling of text (NFC, no trailing space, the schema's enum spelling, ISO dates).
// canonical.ts applies them to the YAML document; lint's fast path checks plain data with
// dataNeedsValueChanges. No `yaml` import here: a clean file is linted without loading it.
import { rewriteDayFirstDate } from "../read/dates.js";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
import { foldForMatch } from "../schema/schema.js";

export const DATE_FORMATS = new Set(["jekyll-date", "date", "date-time"]);

/** Psych (Jekyll) reads these plain scalars as something other than text. */
const YAML11_NON_STRING =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:0|[1-9][\d_]*)(?:\.\d*)?(?:[eE][-+]?\d+)?|[-+]?0[0-7_]+|0x[\da-fA-F_]+|0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|$)/;
/** YAML 1.1 booleans: text in YAML 1.2, booleans for Jekyll. */
export const YAML11_BOOLEAN = /^(?:yes|no|on|off)$/i;

/** Whether Jekyll would read this text as a boolean, a number, null or a date if it were unquoted. */
export function jekyllReadsPlainAsNonText(text: string, field: FieldSpec | undefined): boolean {
  const isDateField = field?.format !== undefined && DATE_FORMATS.has(field.format);
  return YAML11_NON_STRING.test(text) || (!isDateField && DATE_LIKE.test(text));
}

export type ScalarPlan = { kind: "boolean"; to: boolean } | { kind: "list"; items: string[] } | { kind: "text"; to: string; ambiguity?: string };

/**
 * What normalize makes of a scalar value of `field`: a boolean, a list, or (for text) the
 * canonical text and whether its date is ambiguous. Shared by the document rewrite and the
 * data-level check (dataNeedsValueChanges), so the two cannot drift apart.
 */
export function scalarPlan(value: unknown, field: FieldSpec): ScalarPlan | undefined {
  if (typeof value !== "string") return undefined;
  if (field.types.includes("boolean") && !field.types.includes("string")) {
    const bool = toBoolean(value);
    if (bool !== undefined) return { kind: "boolean", to: bool };
  }
  if (field.list) {
    const items = value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (items.length > 0) return { kind: "list", items: items.map((s) => matchEnum(s, field) ?? s) };
  }
  let next = value.normalize("NFC");
  if (/\s$/.test(next) && !next.includes("\n")) next = next.trimEnd();
  if (field.enum && !field.list) next = matchEnum(next, field) ?? next;
  let ambiguity: string | undefined;
  if (field.format && DATE_FORMATS.has(field.format)) {
    const rewrite = rewriteDayFirstDate(next);
    if (rewrite?.kind === "iso") next = rewrite.value;
    else if (rewrite) ambiguity = rewrite.reason;
  }
  return ambiguity === undefined ? { kind: "text", to: next } : { kind: "text", to: next, ambiguity };
}

/** The canonical text of one list item. */
export function canonicalListItem(value: string, field: FieldSpec): string {
  const next = value.normalize("NFC").trimEnd();
  return matchEnum(next, field) ?? next;
}

/**
 * Whether detectValueChanges would report anything for front matter read as plain data (the
 * fast path of lint, which builds no document). Alias keys count as a change: their renames and
 * conflicts are left to the full path.
 */
export function dataNeedsValueChanges(data: Record<string, unknown>, schema: PostingSchema): boolean {
  for (const key of Object.keys(data)) {
    if (schema.aliasToKey.has(key)) return true;
    const field = schema.fieldsByKey.get(key);
    if (!field) continue;
    const value = data[key];
    // Plain or quoted is unknown here: the full path decides whether quotes must be added.
    if (typeof value === "string" && jekyllReadsPlainAsNonText(value, field)) return true;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "string" && (canonicalListItem(item, field) !== item || jekyllReadsPlainAsNonText(item, field))) return true;
      continue;
    }
    const plan = scalarPlan(value, field);
    if (plan && (plan.kind !== "text" || plan.to !== value || plan.ambiguity !== undefined)) return true;
  }
  return false;
}

function toBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === "true" || t === "yes" || t === "on") return true;
  if (t === "false" || t === "no" || t === "off") return false;
  return undefined;
}

/** The canonical enum value for a case variant or declared synonym; undefined if none. */
function matchEnum(value: string, field: FieldSpec): string | undefined {
  if (!field.enum) return undefined;
  return field.synonyms.get(foldForMatch(value));
}

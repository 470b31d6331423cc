// The value rules of normalize, on plain values: which text becomes a boolean or a list, and the
// canonical spelling of text (NFC, no trailing space, the schema's enum spelling, ISO dates).
// canonical.ts applies them to the YAML document; lint and `normalize --check` run them on the
// entries of either reader (detectEntryChanges). No `yaml` import here.
import { rewriteDayFirstDate } from "../read/dates.js";
import type { DateReason, ValueChangeWhy } from "../findings.js";
import { isYaml11BooleanWord, psychReadsPlainAsNonText } from "../read/yaml11.js";
import { coreReadsAsNonText } from "../read/scalars.js";
import { splitCommaList } from "../words/comma-list.js";
import { yesNo } from "../words/yes-no.js";
import { mayBeWhiteSpace } from "../words/white-space.js";
import type { FrontMatterEntry, ValueView } from "../read/read-posting.js";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
export type { ScalarView, ValueView } from "../read/read-posting.js";
import { foldForMatch } from "../schema/schema.js";

export const DATE_FORMATS = new Set(["jekyll-date", "date", "date-time"]);

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|$)/;

/**
 * Whether Jekyll would read this text as a boolean, a number, null or a date if it were unquoted
 * (or YAML 1.2 tools would read it as something other than text: `0612345678`, `1e3`).
 */
export function jekyllReadsPlainAsNonText(text: string, field: FieldSpec | undefined): boolean {
  const isDateField = field?.format !== undefined && DATE_FORMATS.has(field.format);
  return psychReadsPlainAsNonText(text) || coreReadsAsNonText(text) || (!isDateField && DATE_LIKE.test(text));
}

export type ScalarPlan = { kind: "boolean"; to: boolean } | { kind: "list"; items: string[] } | { kind: "text"; to: string; ambiguity?: DateReason };

/**
 * What normalize makes of a scalar value of `field`: a boolean, a list, or (for text) the
 * canonical text and whether its date is ambiguous. Shared by the document rewrite and the
 * simple reader's front matter, so the two cannot drift apart.
 */
export function scalarPlan(value: unknown, field: FieldSpec): ScalarPlan | undefined {
  if (typeof value !== "string") return undefined;
  if (field.types.includes("boolean") && !field.types.includes("string")) {
    const bool = yesNo(value);
    if (bool !== undefined) return { kind: "boolean", to: bool };
  }
  if (field.list) {
    const items = splitCommaList(value);
    // Brackets that do not pair up: where the items end is a guess, so the text stays as it is
    // (validation reports it as text where a list is expected).
    if (items === undefined) return undefined;
    if (items.length > 0) return { kind: "list", items: items.map((s) => canonicalListItem(s, field)) };
  }
  let next = nfc(value);
  // Hot path: no read before the start of empty text (NaN there makes V8 drop this function's optimized code).
  if (next.length > 0 && mayBeWhiteSpace(next.charCodeAt(next.length - 1)) && /\s$/.test(next) && !next.includes("\n")) next = next.trimEnd();
  if (field.enum && !field.list) next = matchEnum(next, field) ?? next;
  let ambiguity: DateReason | undefined;
  if (field.format && DATE_FORMATS.has(field.format)) {
    const rewrite = rewriteDayFirstDate(next);
    if (rewrite?.kind === "iso") next = rewrite.value;
    else if (rewrite) ambiguity = rewrite.why;
  }
  return ambiguity === undefined ? { kind: "text", to: next } : { kind: "text", to: next, ambiguity };
}

/**
 * Text without a code point from U+0300 on is already NFC: every character below is its own
 * normal form, and composition needs a combining mark, the first of which is U+0300. Most values
 * are such text (lint plans every value of every file), and the test costs a fifth of normalize().
 */
const ALREADY_NFC = /^[\u0000-\u02ff]*$/;

export function nfc(text: string): string {
  return ALREADY_NFC.test(text) ? text : text.normalize("NFC");
}

/** The canonical text of one list item. */
export function canonicalListItem(value: string, field: FieldSpec): string {
  const next = nfc(value).trimEnd();
  return matchEnum(next, field) ?? next;
}

/** The canonical enum value for a case variant or declared synonym; undefined if none. */
function matchEnum(value: string, field: FieldSpec): string | undefined {
  if (!field.enum) return undefined;
  if (field.canonicalEnum.has(value)) return value; // the usual case, without Unicode folding
  return field.synonyms.get(foldForMatch(value));
}

// The changes normalize makes to front matter values, decided on plain views of the values so
// that the YAML document (canonical.ts) and lint's simple reader (no document) share one code.

export interface KeyRename {
  from: string;
  to: string;
  offset: number;
}

export interface AliasConflict {
  alias: string;
  key: string;
  aliasOffset: number;
  keyOffset: number;
}

export interface ValueChange {
  key: string;
  from: string;
  to: string;
  why: ValueChangeWhy;
  offset: number;
}

export interface Ambiguity {
  key: string;
  reason: DateReason;
  offset: number;
}

export interface CanonicalChanges {
  renamed: KeyRename[];
  /** Comma-separated text in list fields left as it is: its brackets do not pair up. */
  unsplit: { key: string; offset: number }[];
  /** Alias keys removed because the canonical key holds the same value. */
  duplicateAliasesRemoved: KeyRename[];
  conflicts: AliasConflict[];
  values: ValueChange[];
  ambiguities: Ambiguity[];
  /** Keys were not in the schema's order. */
  reordered: boolean;
}

export function noChanges(): CanonicalChanges {
  return { renamed: [], unsplit: [], duplicateAliasesRemoved: [], conflicts: [], values: [], ambiguities: [], reordered: false };
}

/** A change to make: the value becomes a boolean, a list or other text, or one list item other text. */
export type ValueFix = { kind: "boolean"; to: boolean } | { kind: "list"; items: string[] } | { kind: "text"; to: string } | { kind: "item"; index: number; to: string };

/**
 * Alias keys: renamed to their key, dropped when the key is also there with the same value once
 * both are given the key's type and spelling (`domaine: Design` beside `domaines: [Design]`), or
 * kept and reported as a conflict when the values differ (the user decides). `keys` are the
 * mapping's keys in order, `valueOf(i)` is the plain value of key `i`. Returns the indexes of the
 * keys that stay, each with its key after renaming.
 */
export function planAliases(
  keys: readonly { key: string | undefined; offset: number }[],
  valueOf: (i: number) => unknown,
  schema: PostingSchema,
  changes: CanonicalChanges,
): [number, string | undefined][] {
  const same = (a: number, b: number, field: FieldSpec | undefined) => JSON.stringify(coercedValue(valueOf(a), field)) === JSON.stringify(coercedValue(valueOf(b), field));
  const present = new Map<string, number>();
  keys.forEach(({ key }, i) => {
    if (key !== undefined) present.set(key, i);
  });
  const keep: [number, string | undefined][] = [];
  keys.forEach(({ key: alias, offset }, i) => {
    const canonical = alias === undefined ? undefined : schema.aliasToKey.get(alias);
    if (alias === undefined || canonical === undefined) {
      keep.push([i, alias]);
      return;
    }
    const existing = present.get(canonical);
    if (existing !== undefined) {
      if (same(existing, i, schema.fieldsByKey.get(canonical))) {
        changes.duplicateAliasesRemoved.push({ from: alias, to: canonical, offset });
        return; // same value under both names: the alias line is redundant
      }
      changes.conflicts.push({ alias, key: canonical, aliasOffset: offset, keyOffset: keys[existing]!.offset });
      keep.push([i, alias]); // nothing is dropped: the user decides
      return;
    }
    changes.renamed.push({ from: alias, to: canonical, offset });
    present.set(canonical, i);
    keep.push([i, canonical]);
  });
  return keep;
}

/** A plain value as normalize leaves it in `field`: what two spellings of one key are compared on. */
function coercedValue(value: unknown, field: FieldSpec | undefined): unknown {
  if (!field) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === "string" ? canonicalListItem(item, field) : item));
  const plan = scalarPlan(value, field);
  if (!plan) return value;
  return plan.kind === "boolean" ? plan.to : plan.kind === "list" ? plan.items : plan.to;
}

/** The fixes of a value that needs none: one array shared by every such value (lint plans them all). */
const NO_FIXES: readonly ValueFix[] = Object.freeze([]);

/**
 * Hot path: whether the spelling rules surely leave this text in `field` as it is, as a list item
 * (canonicalListItem) and as scalar text (scalarPlan's NFC, trimming and enum steps; textKeptAsIs
 * adds the rest): already NFC, nothing to trim at its end (a printable ASCII character last) and
 * the enum's own spelling when there is an enum. False asks for the full rules; the quotes a
 * plain value may need (jekyllReadsPlainAsNonText) are not this test's business.
 */
export function spelledAsIs(text: string, field: FieldSpec): boolean {
  // Empty text takes the full rules (as a read before its start, NaN, would say) without that
  // read: it makes V8 drop and recompile the optimized code of this function and its callers.
  return text.length > 0 && !mayBeWhiteSpace(text.charCodeAt(text.length - 1)) && ALREADY_NFC.test(text) && (!field.enum || field.canonicalEnum.has(text));
}

/**
 * Hot path: whether every rule of a scalar (planValue, scalarPlan) surely leaves this text in
 * `field` as it is: spelledAsIs, and the field takes no list rule, no boolean rule for this text
 * (a field that also takes text only turns a YAML 1.1 word into a boolean), nor a day-first
 * date one (rewriteDayFirstDate only reads text with a `/` or `.`).
 */
export function textKeptAsIs(text: string, field: FieldSpec): boolean {
  if (field.list) return false;
  if (field.types.includes("boolean") && (!field.types.includes("string") || isYaml11BooleanWord(text))) return false;
  if (field.format !== undefined && DATE_FORMATS.has(field.format) && DAY_FIRST_SEPARATOR.test(text)) return false;
  return spelledAsIs(text, field);
}

const DAY_FIRST_SEPARATOR = /[/.]/;

/** What normalize does to a value of `field`: the changes it reports go to `changes`, the fixes to make are returned. */
export function planValue(view: ValueView, field: FieldSpec, changes: CanonicalChanges): readonly ValueFix[] {
  if (view === undefined) return NO_FIXES;
  const key = field.key;
  if ("items" in view) {
    let fixes: ValueFix[] | undefined;
    const items = view.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item || typeof item.value !== "string") continue;
      const value = item.value;
      const next = spelledAsIs(value, field) ? value : canonicalListItem(value, field);
      if (next !== value) {
        changes.values.push({ key: `${key}[${i}]`, from: JSON.stringify(value), to: JSON.stringify(next), why: whyChanged(value, next), offset: item.offset });
        (fixes ??= []).push({ kind: "item", index: i, to: next });
      } else if (item.plain && jekyllReadsPlainAsNonText(value, field)) {
        changes.values.push({ key: `${key}[${i}]`, from: value, to: JSON.stringify(value), why: "quoted", offset: item.offset });
      }
    }
    return fixes ?? NO_FIXES;
  }
  const { value, offset } = view;
  // Every rule below is about text: a number, a boolean, null or a date object stays as it is.
  if (typeof value !== "string") return NO_FIXES;
  if (textKeptAsIs(value, field)) {
    if (view.plain && jekyllReadsPlainAsNonText(value, field)) changes.values.push({ key, from: value, to: JSON.stringify(value), why: "quoted", offset });
    return NO_FIXES;
  }
  return planText(view.plain, value, offset, field, changes);
}

/** planValue for text, every rule. */
function planText(plain: boolean, value: string, offset: number, field: FieldSpec, changes: CanonicalChanges): readonly ValueFix[] {
  const key = field.key;
  const record = (from: string, to: string, why: ValueChangeWhy) => changes.values.push({ key, from, to, why, offset });
  // A plain `yes` where a boolean is allowed: Jekyll reads true, so that is what it means.
  if (plain && isYaml11BooleanWord(value) && field.types.includes("boolean")) {
    const to = yesNo(value) === true;
    record(value, String(to), "yaml11-boolean");
    return [{ kind: "boolean", to }];
  }
  if (field.list && splitCommaList(value) === undefined) {
    changes.unsplit.push({ key, offset });
    return NO_FIXES;
  }
  const plan = scalarPlan(value, field);
  if (plan?.kind === "boolean") {
    record(JSON.stringify(value), String(plan.to), "text-boolean");
    return [{ kind: "boolean", to: plan.to }];
  }
  if (plan?.kind === "list") {
    record(JSON.stringify(value), `[${plan.items.join(", ")}]`, "comma-list");
    return [{ kind: "list", items: plan.items }];
  }
  if (plan?.kind === "text") {
    if (plan.ambiguity !== undefined) changes.ambiguities.push({ key, reason: plan.ambiguity, offset });
    if (plan.to !== value) {
      record(JSON.stringify(value), JSON.stringify(plan.to), whyChanged(value, plan.to));
      return [{ kind: "text", to: plan.to }];
    }
    if (plain && jekyllReadsPlainAsNonText(value, field)) {
      // `status: yes`, `equipe: 12:30`, `title: 2021-06-24`: text for the schema, but Jekyll
      // reads a boolean, a number or a date; the quotes normalize adds change what the site sees.
      record(value, JSON.stringify(value), "quoted");
    }
  }
  return NO_FIXES;
}

function whyChanged(from: string, to: string): ValueChangeWhy {
  if (from.trimEnd() === to) return "trailing-space";
  if (from.normalize("NFC") === to) return "nfc";
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) return "iso-date";
  return "schema-spelling";
}

/**
 * The renames, value changes, alias conflicts and ambiguous dates normalize would make to front
 * matter read by either reader (FrontMatterReading.entries()); canonicalizeDocument reports the same.
 */
export function detectEntryChanges(entries: readonly FrontMatterEntry[], schema: PostingSchema): CanonicalChanges {
  const changes = noChanges();
  // Without an alias key, planAliases keeps every key as it is and reports nothing: the usual
  // front matter skips it (and the pairs it makes) in one pass over the keys. At the first alias
  // key, it starts over with planAliases and changes made afresh.
  for (const entry of entries) {
    if (entry.key === undefined) continue;
    if (schema.aliasToKey.has(entry.key)) return detectWithAliases(entries, schema);
    const field = schema.fieldsByKey.get(entry.key);
    if (field) planValue(entry.view, field, changes);
  }
  return changes;
}

function detectWithAliases(entries: readonly FrontMatterEntry[], schema: PostingSchema): CanonicalChanges {
  const changes = noChanges();
  for (const [i, key] of planAliases(entries, (i) => entries[i]!.value, schema, changes)) {
    const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
    if (field) planValue(entries[i]!.view, field, changes);
  }
  return changes;
}

/** A key's place in the canonical order: the schema's keys in its order, then every other key. */
export function schemaRank(schema: PostingSchema): (key: string | undefined) => number {
  let ranks = RANKS.get(schema);
  if (!ranks) RANKS.set(schema, (ranks = new Map(schema.fields.map((f, i) => [f.key, i]))));
  const known = ranks;
  return (key) => (key === undefined ? undefined : known.get(key)) ?? Number.MAX_SAFE_INTEGER;
}

const RANKS = new WeakMap<PostingSchema, Map<string, number>>();

/** Whether keys in this order would be moved by the canonical order (a stable sort by schemaRank). */
export function isReordered(keys: readonly (string | undefined)[], schema: PostingSchema): boolean {
  // Psych merges a `<<` key where it stands (the keys after it win): moving any key around it
  // would change what Jekyll reads, so such a mapping keeps its order.
  if (keys.includes("<<")) return false;
  const rank = schemaRank(schema);
  for (let i = 1; i < keys.length; i++) if (rank(keys[i - 1]) > rank(keys[i])) return true;
  return false;
}

// Per-key statistics over a collection's front matter: what `posting init --infer` decides from.
// Bounded whatever the input: keys, distinct values, list items and nesting depth are capped, so
// a hostile collection (huge keys, thousands of keys, huge lists) costs a bounded amount of memory.
import { SCHEMA_FORMATS } from "../schema/formats.js";
import { splitCommaList } from "../words/comma-list.js";
import { yesNo } from "../words/yes-no.js";

/** Distinct top-level keys tracked; keys past this are counted, not described (lint flags them). */
export const MAX_KEYS = 300;
/** Keys longer than this are not tracked (no posting has a real key that long; lint flags it). */
export const MAX_KEY_LENGTH = 100;
/** Distinct text values remembered per key (an enum has a handful; past this, no enum). */
export const MAX_DISTINCT_VALUES = 200;
/** Text values longer than this are not remembered as distinct values (never an enum value). */
export const MAX_REMEMBERED_LENGTH = 200;
/** List items looked at per value. */
export const MAX_ITEMS_PER_LIST = 100;
/** Nested mappings are described this deep (top level is 1); deeper values count as mappings only. */
export const MAX_DEPTH = 3;
/** Keys tracked per nested mapping. */
export const MAX_CHILD_KEYS = 50;
/** Keys of one posting taken into account (the rest are not tracked for it). */
export const MAX_KEYS_PER_POSTING = 200;

/** The formats a text value is tested for, by the very validators lint uses (schema/formats.ts). */
export const TESTED_FORMATS = ["date", "date-time", "jekyll-date", "email", "url"] as const;
export type TestedFormat = (typeof TESTED_FORMATS)[number];

/** Ids: letters, digits, `.`, `_`, `-`, no spaces (a startup's page name, a slug). */
export const ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
const ID_REGEX = new RegExp(ID_PATTERN);
const WEB_ADDRESS = /^https?:\/\/\S+$/;

export interface ValueStats {
  /** Values that are not null. */
  values: number;
  nulls: number;
  booleans: number;
  trues: number;
  numbers: number;
  integers: number;
  texts: number;
  lists: number;
  mappings: number;
  /** Texts that are a yes/no word (`oui`, `false`): a boolean written as text. */
  yesNoTexts: number;
  /** Texts that split into two items or more at commas (words/comma-list.ts). */
  commaTexts: number;
  multiline: number;
  /** Texts longer than MAX_REMEMBERED_LENGTH. */
  longTexts: number;
  emptyTexts: number;
  /** Texts matching each format. */
  formats: Record<TestedFormat, number>;
  ids: number;
  /** Text value → uses; undefined once there are more than MAX_DISTINCT_VALUES. */
  distinct: Map<string, number> | undefined;
  /** Items of lists, and of comma texts. */
  items: ValueStats | undefined;
  /** Keys of mapping values (depth permitting), with how many mappings hold each. */
  children: Map<string, ChildStats> | undefined;
  /** Mapping keys past MAX_CHILD_KEYS, or mappings deeper than MAX_DEPTH. */
  childrenCut: boolean;
}

export interface ChildStats {
  present: number;
  stats: ValueStats;
}

export function emptyStats(): ValueStats {
  return {
    values: 0,
    nulls: 0,
    booleans: 0,
    trues: 0,
    numbers: 0,
    integers: 0,
    texts: 0,
    lists: 0,
    mappings: 0,
    yesNoTexts: 0,
    commaTexts: 0,
    multiline: 0,
    longTexts: 0,
    emptyTexts: 0,
    formats: { date: 0, "date-time": 0, "jekyll-date": 0, email: 0, url: 0 },
    ids: 0,
    distinct: new Map(),
    items: undefined,
    children: undefined,
    childrenCut: false,
  };
}

type Check = (text: string) => boolean;

function formatCheck(name: string): Check {
  const format = SCHEMA_FORMATS[name] as unknown;
  const validate = typeof format === "object" && format !== null && !(format instanceof RegExp) && "validate" in format ? (format as { validate: unknown }).validate : format;
  if (validate instanceof RegExp) return (text) => validate.test(text);
  if (typeof validate === "function") return (text) => (validate as Check)(text) === true;
  throw new Error(`no validator for the format ${name}`);
}

const CHECKS: Record<TestedFormat, Check> = {
  date: formatCheck("date"),
  "date-time": formatCheck("date-time"),
  "jekyll-date": formatCheck("jekyll-date"),
  email: formatCheck("email"),
  // A web address as lint checks it: the `uri` format and an http(s) scheme.
  url: ((uri: Check) => (text: string) => WEB_ADDRESS.test(text) && uri(text))(formatCheck("uri")),
};

/** Add one value (as the site reads it) to `stats`; `depth` is the value's nesting level (1: top). */
export function addValue(stats: ValueStats, value: unknown, depth: number): void {
  if (value === null || value === undefined) {
    stats.nulls++;
    return;
  }
  stats.values++;
  if (typeof value === "boolean") {
    stats.booleans++;
    if (value) stats.trues++;
  } else if (typeof value === "number" || typeof value === "bigint") {
    stats.numbers++;
    if (typeof value === "bigint" || Number.isInteger(value)) stats.integers++;
  } else if (typeof value === "string") {
    addText(stats, value, depth);
  } else if (Array.isArray(value)) {
    stats.lists++;
    const items = (stats.items ??= emptyStats());
    for (const item of value.slice(0, MAX_ITEMS_PER_LIST)) addValue(items, item, depth + 1);
  } else if (value instanceof Date) {
    addText(stats, value.toISOString(), depth);
  } else if (typeof value === "object") {
    stats.mappings++;
    addMapping(stats, value as Record<string, unknown>, depth);
  }
}

function addText(stats: ValueStats, text: string, depth: number): void {
  stats.texts++;
  if (text.trim() === "") stats.emptyTexts++;
  if (text.includes("\n")) stats.multiline++;
  if (yesNo(text) !== undefined) stats.yesNoTexts++;
  for (const format of TESTED_FORMATS) if (text.length <= MAX_REMEMBERED_LENGTH && CHECKS[format](text)) stats.formats[format]++;
  if (text.length <= MAX_REMEMBERED_LENGTH && ID_REGEX.test(text)) stats.ids++;
  if (text.length > MAX_REMEMBERED_LENGTH) stats.longTexts++;
  else if (stats.distinct) {
    stats.distinct.set(text, (stats.distinct.get(text) ?? 0) + 1);
    if (stats.distinct.size > MAX_DISTINCT_VALUES) stats.distinct = undefined;
  }
  // A top-level text is also a list's items, should the key turn out to be a list (comma text,
  // or one item without a comma).
  if (depth === 1 && !text.includes("\n")) {
    const items = splitCommaList(text);
    if (items && items.length >= 2) stats.commaTexts++;
    if (items && items.length > 0) {
      const itemStats = (stats.items ??= emptyStats());
      for (const item of items.slice(0, MAX_ITEMS_PER_LIST)) addValue(itemStats, item, depth + 1);
    }
  }
}

function addMapping(stats: ValueStats, value: Record<string, unknown>, depth: number): void {
  if (depth >= MAX_DEPTH) {
    stats.childrenCut = true;
    return;
  }
  const children = (stats.children ??= new Map());
  for (const [key, child] of Object.entries(value)) {
    let entry = children.get(key);
    if (!entry) {
      if (children.size >= MAX_CHILD_KEYS || key.length > MAX_KEY_LENGTH) {
        stats.childrenCut = true;
        continue;
      }
      entry = { present: 0, stats: emptyStats() };
      children.set(key, entry);
    }
    entry.present++;
    addValue(entry.stats, child, depth + 1);
  }
}

// The query language of `posting list`: filters (`--where`, `--open`, `--since`, `--stale` …),
// sort keys and the value lookup they share. Parsing validates everything up front and throws a
// UserError naming the flag and what is wrong, so a typo never silently matches nothing.
import { badDateReason, dayOf, isJekyllDate, todayIso } from "../read/dates.js";
import type { DateReason } from "../findings.js";

const WRITE_ISO: DateReason = { kind: "write-iso" };
import { phrasedError, UserError } from "../errors.js";
import { yesNo } from "../words/yes-no.js";
import { splitCommaList } from "../words/comma-list.js";
import { foldForMatch, loadSchema } from "../schema/schema.js";
import type { FieldRole, PostingSchema } from "../schema/schema.js";

/** The schema keys with `x-role: "date"` and `x-role: "open"`, when it marks them. */
export interface PostingRoleKeys {
  date?: string;
  open?: string;
}

/** One posting as `posting list` sees it. */
export interface Posting {
  /** Path as shown to the user. */
  file: string;
  /** Posting date as written: the front matter `date`, else the `YYYY-MM-DD-` prefix of the file name. */
  date: string | undefined;
  dateFrom: "front-matter" | "file-name" | undefined;
  /** Whether the site shows it as open (`open: true`, or `yes`/`on`, which Jekyll reads as true): the key with `x-role: "open"`. */
  open: boolean;
  /** The keys holding the posting's date and open-ness (the schema's `x-role`), which `valueOf` reads as `date` and `open`. */
  roleKeys: PostingRoleKeys;
  /** Front matter exactly as parsed (YAML 1.2; dates stay text). */
  data: Record<string, unknown>;
  /** What filters, sort and columns read: `data` with aliases resolved and YAML 1.1 booleans applied. */
  fields: Record<string, unknown>;
  /** Markdown after the front matter. */
  body: string;
}

export const WHERE_OPERATORS = ["=", "!=", "~", "<", "<=", ">", ">="] as const;
export type WhereOperator = (typeof WHERE_OPERATORS)[number];

export interface WhereClause {
  /** The text given, for messages. */
  source: string;
  key: string;
  op: WhereOperator;
  value: string;
  /** For `<`, `<=`, `>`, `>=`: what the value is compared as. */
  compare?: { kind: "date"; day: string } | { kind: "number"; n: number };
}

/** Filters as typed by a user or a library caller; `buildQuery` validates them. */
export interface ListQueryInput {
  open?: boolean;
  closed?: boolean;
  startup?: readonly string[];
  where?: readonly string[];
  since?: string;
  until?: string;
  search?: string;
  /** Open postings dated more than this many days before `now`. */
  stale?: number;
  /** Comma-separated keys, `-` prefix for descending (also accepts a list). */
  sort?: string | readonly string[];
  limit?: number;
  /** "Today" for `--stale`; injectable so tests do not depend on the clock. */
  now?: Date;
}

export interface SortKey {
  key: string;
  descending: boolean;
}

export interface ListQuery {
  open?: boolean;
  startups: string[];
  where: WhereClause[];
  since?: string;
  until?: string;
  search?: string;
  /** Postings dated on or before this day are stale (when open). */
  staleBefore?: string;
  sort: SortKey[];
  limit?: number;
  /** Keys the schema marks as lists: a comma text there (`techno: React, Vue`) is matched item by item. */
  listKeys: ReadonlySet<string>;
  /** The key `--startup` filters on (`x-role: "startup"`). */
  startupKey?: string;
  /** Keys `--search` looks in besides the body (`x-search`); undefined: every text value. */
  searchKeys?: readonly string[];
}

const DAY_MS = 86_400_000;

/** Without a schema, the roles are the bundled schema's. */
export function buildQuery(input: ListQueryInput = {}, schema?: Pick<PostingSchema, "fields" | "roles" | "source">): ListQuery {
  if (input.open && input.closed) throw new UserError("--open and --closed cannot be used together");
  const { roles, source } = schema ?? loadSchema();
  const needs = (role: FieldRole, flag: string) => {
    const key = roles.keys[role];
    if (key === undefined) throw phrasedError((p) => p.query.noRole(flag, source, role));
    return key;
  };
  if (input.open || input.closed || input.stale !== undefined) needs("open", input.stale !== undefined && !input.open && !input.closed ? "--stale" : input.open ? "--open" : "--closed");
  const query: ListQuery = {
    startups: (input.startup ?? []).map((s) => foldForMatch(s)),
    where: (input.where ?? []).map(parseWhere),
    sort: parseSort(input.sort),
    listKeys: new Set((schema?.fields ?? []).filter((f) => f.list).map((f) => f.key)),
  };
  if (query.startups.length > 0) query.startupKey = needs("startup", "--startup");
  if (roles.search) query.searchKeys = roles.search;
  if (input.open) query.open = true;
  if (input.closed) query.open = false;
  if (input.since !== undefined) query.since = parseDay(input.since, "--since");
  if (input.until !== undefined) query.until = parseDay(input.until, "--until");
  if (query.since && query.until && query.since > query.until) {
    const { since, until } = query;
    throw phrasedError((p) => p.query.sinceAfterUntil(since, until));
  }
  if (input.search !== undefined) query.search = foldForMatch(input.search);
  if (input.stale !== undefined) {
    if (!Number.isInteger(input.stale) || input.stale < 0) throw phrasedError((p) => p.query.notWhole("--stale", String(input.stale), true));
    query.staleBefore = shiftDay(todayIso(input.now ?? new Date()), -input.stale - 1);
  }
  if (input.limit !== undefined) {
    if (!Number.isInteger(input.limit) || input.limit < 0) throw phrasedError((p) => p.query.notWhole("--limit", String(input.limit), false));
    query.limit = input.limit;
  }
  return query;
}

/** `KEY=VALUE`, `KEY!=VALUE`, `KEY~TEXT`, `KEY<VALUE` … as a clause, or a UserError saying why not. */
export function parseWhere(source: string): WhereClause {
  const m = /^([^=!~<>]*)([=!~<>]+)([\s\S]*)$/.exec(source);
  if (!m) throw phrasedError((p) => p.query.whereNoOperator(source));
  const key = m[1]!.trim();
  const op = m[2]!;
  const value = m[3]!;
  if (key === "") throw phrasedError((p) => p.query.whereNoKey(source, op));
  if (!(WHERE_OPERATORS as readonly string[]).includes(op)) {
    throw phrasedError((p) => p.query.whereUnknownOperator(source, op));
  }
  const clause: WhereClause = { source, key, op: op as WhereOperator, value };
  if (op === "<" || op === "<=" || op === ">" || op === ">=") clause.compare = comparable(source, op, value.trim());
  return clause;
}

function comparable(source: string, op: string, value: string): NonNullable<WhereClause["compare"]> {
  if (/^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(value)) {
    if (!isJekyllDate(value)) {
      const why = badDateReason(value) ?? WRITE_ISO;
      throw phrasedError((p) => p.query.whereBadDate(source, value, why));
    }
    return { kind: "date", day: value.slice(0, 10) };
  }
  const n = toNumber(value);
  if (n !== undefined) return { kind: "number", n };
  throw phrasedError((p) => p.query.whereNotComparable(source, op, value));
}

/** Sort keys from `date,-startup` (or a list of such texts). */
export function parseSort(sort: string | readonly string[] | undefined): SortKey[] {
  if (sort === undefined) return [];
  const parts = (typeof sort === "string" ? [sort] : sort).flatMap((s) => s.split(","));
  return parts.map((raw) => {
    const text = raw.trim();
    const descending = text.startsWith("-");
    const key = (descending ? text.slice(1) : text).trim();
    const written = typeof sort === "string" ? sort : sort.join(",");
    if (key === "") throw phrasedError((p) => p.query.sortEmptyKey(written));
    return { key, descending };
  });
}

/** `--fields date,startup,title` as a list of keys. */
export function parseFields(fields: string): string[] {
  const keys = fields.split(",").map((k) => k.trim());
  if (keys.length === 0 || keys.some((k) => k === "")) throw phrasedError((p) => p.query.fieldsEmpty(fields));
  return keys;
}

function parseDay(text: string, flag: string): string {
  const value = text.trim();
  if (!isJekyllDate(value)) {
    const why = badDateReason(value) ?? WRITE_ISO;
    throw phrasedError((p) => p.query.badDate(flag, text, why));
  }
  return value.slice(0, 10);
}

/** The value a key stands for: `file` and the date and open keys (`x-role`) are the posting's own; the rest is front matter. */
export function valueOf(posting: Posting, key: string): unknown {
  if (key === "file") return posting.file;
  if (key === posting.roleKeys.date) return posting.date;
  // As the site reads it: `open: yes` is open, so `--where open=true` finds it.
  if (key === posting.roleKeys.open) return Object.hasOwn(posting.fields, key) ? posting.open : undefined;
  return Object.hasOwn(posting.fields, key) ? posting.fields[key] : undefined;
}

export { dayOf } from "../read/dates.js";

export function matchesQuery(posting: Posting, query: ListQuery): boolean {
  if (query.open !== undefined && posting.open !== query.open) return false;
  if (query.startups.length > 0) {
    const startup = query.startupKey !== undefined ? posting.fields[query.startupKey] : undefined;
    if (typeof startup !== "string" || !query.startups.includes(foldForMatch(startup))) return false;
  }
  if (query.since !== undefined || query.until !== undefined || query.staleBefore !== undefined) {
    const day = dayOf(posting.date);
    if (day === undefined) return false;
    if (query.since !== undefined && day < query.since) return false;
    if (query.until !== undefined && day > query.until) return false;
    if (query.staleBefore !== undefined && (!posting.open || day > query.staleBefore)) return false;
  }
  if (query.search !== undefined && !matchesSearch(posting, query.search, query.searchKeys)) return false;
  return query.where.every((clause) => matchesWhere(posting, clause, query.listKeys));
}

/** The text in the `x-search` keys (every text value when the schema marks none) or the body. */
function matchesSearch(posting: Posting, folded: string, keys: readonly string[] | undefined): boolean {
  const found = (value: unknown): boolean => typeof value === "string" && foldForMatch(value).includes(folded);
  if (keys) {
    for (const key of keys) if (found(posting.fields[key])) return true;
  } else {
    for (const value of Object.values(posting.fields)) if (found(value) || (Array.isArray(value) && value.some(found))) return true;
  }
  return foldForMatch(posting.body).includes(folded);
}

/** `!=` is the negation of `=`: a missing key or a list without the value matches it. */
export function matchesWhere(posting: Posting, clause: WhereClause, listKeys: ReadonlySet<string> = new Set()): boolean {
  const raw = valueOf(posting, clause.key);
  // Comma text in a list field is the list normalize would make of it (text whose brackets do not pair up stays one text).
  const value = typeof raw === "string" && listKeys.has(clause.key) ? (splitCommaList(raw) ?? raw) : raw;
  switch (clause.op) {
    case "=":
      return equalsText(value, clause.value);
    case "!=":
      return !equalsText(value, clause.value);
    case "~": {
      const folded = foldForMatch(clause.value);
      return someElement(value, (v) => {
        const text = scalarText(v);
        return text !== undefined && foldForMatch(text).includes(folded);
      });
    }
    default:
      return someElement(value, (v) => compareScalar(v, clause));
  }
}

function equalsText(value: unknown, expected: string): boolean {
  // `KEY=` asks for postings where the key is missing or empty.
  if (expected === "") return isEmpty(value);
  const expectedDay = /^\d{4}-\d{2}-\d{2}$/.test(expected) ? expected : undefined;
  const expectedNumber = toNumber(expected);
  // How a boolean can be asked for: `open=true`, `open=yes`, `junior=non`… (yes-no.ts).
  const expectedBoolean = yesNo(expected);
  // The same text typed composed (NFC, as keyboards do) or stored decomposed (NFD, as some
  // editors and macOS file names do) is the same text.
  const expectedNfc = expected.normalize("NFC");
  return someElement(value, (v) => {
    if (typeof v === "boolean") return expectedBoolean !== undefined ? v === expectedBoolean : String(v) === expected;
    if (typeof v === "number") return expectedNumber !== undefined ? v === expectedNumber : String(v) === expected;
    const text = scalarText(v);
    if (text === undefined) return false;
    if (text === expected || text.normalize("NFC") === expectedNfc) return true;
    // A day matches a date-time on that day (`date=2021-07-13` finds `2021-07-13T17:01:57Z`).
    return expectedDay !== undefined && dayOf(text) === expectedDay;
  });
}

function compareScalar(value: unknown, clause: WhereClause): boolean {
  const compare = clause.compare;
  if (!compare) return false;
  let order: number;
  if (compare.kind === "date") {
    const day = dayOf(value);
    if (day === undefined) return false;
    order = day < compare.day ? -1 : day > compare.day ? 1 : 0;
  } else {
    const n = typeof value === "number" ? value : typeof value === "string" ? toNumber(value) : undefined;
    if (n === undefined) return false;
    order = Math.sign(n - compare.n);
  }
  switch (clause.op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    default:
      return false;
  }
}

function someElement(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

/** Text of a scalar (strings, numbers, booleans); undefined for missing values, null and objects. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return undefined;
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** `day` shifted by `days` (calendar arithmetic in UTC, so no time-zone or DST drift). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/** Stable sort by the keys; missing values always come last, whatever the direction. */
export function sortPostings(postings: Posting[], keys: readonly SortKey[]): Posting[] {
  if (keys.length === 0) return postings;
  const decorated = postings.map((posting, index) => ({ posting, index, values: keys.map((k) => sortValue(valueOf(posting, k.key))) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === undefined && y === undefined) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = compareSortValues(x, y);
      if (order !== 0) return keys[i]!.descending ? -order : order;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.posting);
}

type SortValue = number | string;

function sortValue(value: unknown): SortValue | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (Array.isArray(value)) return value.map((v) => scalarText(v) ?? JSON.stringify(v)).join("; ");
  return scalarText(value) ?? JSON.stringify(value);
}

function compareSortValues(x: SortValue, y: SortValue): number {
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "number") return -1;
  if (typeof y === "number") return 1;
  // Equal up to case and accents counts as equal, so the next sort key decides.
  return collator.compare(x, y);
}

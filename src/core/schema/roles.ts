// Field roles: what each command needs to know about particular keys, read from the schema's
// annotations so a new field (its list column, search, duplicate identity, `posting new` flag) is
// one edit of the schema. The schema is untrusted data: every annotation is checked here, with
// bounds, and a bad one stops the run with an error naming the schema file and the key.
import { ConfigError } from "../errors.js";

/** Keys a command treats specially: `open` (--open, --closed, --stale), `date` (the posting's date), `startup` (--startup). */
export const FIELD_ROLES = ["open", "date", "startup"] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** A column of the default `posting list` table: a key, and a key shown instead when it is empty. */
export interface ColumnSpec {
  key: string;
  fallback?: string;
}

/** A `posting new` shortcut: `--<flag> <value>` sets `key`; on a boolean, `--<flag>` sets true and `--<off>` false. */
export interface FlagSpec {
  flag: string;
  key: string;
  /** Boolean fields only: the flag that sets false (`--closed`). */
  off?: string;
  boolean: boolean;
}

export interface SchemaRoles {
  /** The key holding each role, when a property is marked with it. */
  keys: Partial<Record<FieldRole, string>>;
  /** The default `posting list` columns (`file` last). */
  columns: ColumnSpec[];
  /** Keys `list --search` looks in (and the body); undefined: every text value. */
  search?: string[];
  /** Keys that make two postings the same (DUPLICATE_POSTING), in the order messages name them; empty: no duplicate check. */
  identity: string[];
  /** The identity keys in the schema's key order: a DUPLICATE_POSTING points at the first one written. */
  identityInKeyOrder: string[];
  /** Per identity key (`identity`'s order): shown bare in messages (a key with a pattern, format or enum: an id, a date), else quoted. */
  identityBare: boolean[];
  flags: FlagSpec[];
}

/** When a schema marks no column: its first keys, then the file. */
export const DEFAULT_COLUMN_COUNT = 5;
const MAX_COLUMNS = 50;
const MAX_IDENTITY = 10;
const MAX_FLAGS = 50;
const MAX_ORDER = 1000;
const FLAG_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_FLAG_LENGTH = 40;

/** `posting new`'s own options: a schema's shortcut cannot take their names. */
export const RESERVED_FLAGS: ReadonlySet<string> = new Set([
  "set", "from-json", "yes", "dry-run", "dir", "force", "lang", "template", "schema", "config", "color", "no-color", "help", "version",
]);

const ROLE_ANNOTATIONS = ["x-role", "x-column", "x-search", "x-identity", "x-flag"] as const;

/**
 * The bundled schema's roles, by key name: what posting did before roles were annotations, so a
 * posting schema copied from an older bundled one (it has `roles` and `open`, and none of the
 * annotations) keeps its `--open`, columns, search, duplicate check and `new` shortcuts. Only keys
 * the schema declares get one.
 */
const CONVENTIONAL_ROLES: Record<string, Record<string, unknown>> = {
  title: { "x-search": true, "x-flag": true },
  roles: { "x-column": { order: 30, fallback: "title" }, "x-search": true, "x-identity": 20, "x-flag": true },
  startup: { "x-role": "startup", "x-column": 20, "x-identity": 10, "x-flag": true },
  open: { "x-role": "open", "x-column": 40, "x-flag": ["open", "closed"] },
  date: { "x-role": "date", "x-column": 10, "x-identity": 30, "x-flag": true },
  contrat: { "x-column": 50 },
};

/** `properties` with the conventional roles when it marks none itself (see CONVENTIONAL_ROLES). */
function withConventionalRoles(properties: Record<string, unknown>): Record<string, unknown> {
  const specs = Object.values(properties).filter((p): p is Record<string, unknown> => typeof p === "object" && p !== null && !Array.isArray(p));
  if (specs.some((p) => ROLE_ANNOTATIONS.some((a) => a in p))) return properties;
  // Only a schema of job postings like the bundled one (its two required keys): another
  // collection's `date` or `open` may mean something else, and gets no role it did not declare.
  if (!Object.hasOwn(properties, "roles") || !Object.hasOwn(properties, "open")) return properties;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(properties)) {
    let roles = Object.hasOwn(CONVENTIONAL_ROLES, key) && typeof spec === "object" && spec !== null && !Array.isArray(spec) ? CONVENTIONAL_ROLES[key] : undefined;
    // The fallback and the two-flag form need what they name: another key, a boolean.
    if (roles && key === "roles" && !Object.hasOwn(properties, "title")) roles = { ...roles, "x-column": 30 };
    if (roles && key === "open" && !isBooleanOnly((spec as Record<string, unknown>).type)) roles = { "x-role": "open", "x-column": 40 };
    out[key] = roles ? { ...(spec as Record<string, unknown>), ...roles } : spec;
  }
  // The duplicate check always needed a startup and roles (the date may come from the file name).
  if (!["startup", "roles"].every((k) => Object.hasOwn(out, k))) {
    for (const key of ["startup", "roles", "date"]) {
      const spec = out[key];
      if (typeof spec === "object" && spec !== null && spec !== properties[key]) {
        const { "x-identity": _identity, ...rest } = spec as Record<string, unknown>;
        out[key] = rest;
      }
    }
  }
  return out;
}

/** `properties` in the schema's order; `source` names the schema in errors. */
export function rolesOf(declaredProperties: Record<string, unknown>, source: string): SchemaRoles {
  const properties = withConventionalRoles(declaredProperties);
  const keys = Object.keys(properties);
  const declared = new Set(keys);
  const bad = (key: string, annotation: string, why: string): never => {
    throw new ConfigError(`the schema ${source}: \`${shownKey(key)}\` has a bad "${annotation}": ${why}; the schema was not used`, source, key);
  };
  const roleKeys: Partial<Record<FieldRole, string>> = {};
  const columns: { key: string; order: number; index: number; fallback?: string }[] = [];
  const identity: { key: string; order: number; index: number; bare: boolean }[] = [];
  const search: string[] = [];
  const flags: FlagSpec[] = [];
  const flagOwner = new Map<string, string>();
  let anySearch = false;

  keys.forEach((key, index) => {
    const spec = properties[key];
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return;
    const p = spec as Record<string, unknown>;
    if ("x-role" in p) {
      const role = p["x-role"];
      if (typeof role !== "string" || !(FIELD_ROLES as readonly string[]).includes(role)) bad(key, "x-role", `expected one of ${FIELD_ROLES.map((r) => `"${r}"`).join(", ")}`);
      const r = role as FieldRole;
      if (roleKeys[r] !== undefined) bad(key, "x-role", `\`${shownKey(roleKeys[r])}\` has the role "${r}" already`);
      roleKeys[r] = key;
    }
    if ("x-column" in p) {
      const value = p["x-column"];
      const object = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      const extra = object ? Object.keys(object).find((k) => k !== "order" && k !== "fallback") : undefined;
      if (extra !== undefined) bad(key, "x-column", `unknown setting "${shownKey(extra)}" (known: order, fallback)`);
      const order = orderOf(object ? (object.order ?? true) : value);
      if (order === undefined) bad(key, "x-column", `expected true, a whole number from 1 to ${MAX_ORDER}, or { "order": …, "fallback": "key" }`);
      const fallback = object?.fallback;
      if (fallback !== undefined && (typeof fallback !== "string" || !declared.has(fallback) || fallback === key)) bad(key, "x-column", `"fallback" must name another key of the schema`);
      columns.push({ key, order: order!, index, ...(typeof fallback === "string" ? { fallback } : {}) });
    }
    if ("x-search" in p) {
      if (typeof p["x-search"] !== "boolean") bad(key, "x-search", "expected true or false");
      anySearch = true;
      if (p["x-search"] === true) search.push(key);
    }
    if ("x-identity" in p) {
      const order = orderOf(p["x-identity"]);
      if (order === undefined) bad(key, "x-identity", `expected true or a whole number from 1 to ${MAX_ORDER} (its place in messages)`);
      const items = typeof p.items === "object" && p.items !== null ? (p.items as Record<string, unknown>) : {};
      const bare = ["pattern", "format", "enum"].some((k) => k in p || k in items);
      identity.push({ key, order: order!, index, bare });
    }
    if ("x-flag" in p) {
      const boolean = isBooleanOnly(p.type);
      const value = p["x-flag"] === true ? key : p["x-flag"];
      const names = typeof value === "string" ? [value] : Array.isArray(value) && boolean && value.length === 2 ? value : undefined;
      if (!names) bad(key, "x-flag", boolean ? 'expected true, a flag name, or two names [on, off] such as ["open", "closed"]' : "expected true or a flag name");
      for (const name of names!) {
        if (typeof name !== "string" || name.length > MAX_FLAG_LENGTH || !FLAG_NAME.test(name)) bad(key, "x-flag", `a flag name is lower-case letters, digits and single dashes, at most ${MAX_FLAG_LENGTH} characters`);
        if (RESERVED_FLAGS.has(name)) bad(key, "x-flag", `--${name} is an option of \`posting new\` already`);
        const owner = flagOwner.get(name);
        if (owner !== undefined) bad(key, "x-flag", `--${name} is the flag of \`${shownKey(owner)}\` already`);
        flagOwner.set(name, key);
      }
      flags.push({ flag: names![0] as string, key, boolean, ...(names!.length === 2 ? { off: names![1] as string } : {}) });
    }
  });

  if (columns.length > MAX_COLUMNS) bad(columns[MAX_COLUMNS]!.key, "x-column", `at most ${MAX_COLUMNS} columns`);
  if (identity.length > MAX_IDENTITY) bad(identity[MAX_IDENTITY]!.key, "x-identity", `at most ${MAX_IDENTITY} keys make a posting's identity`);
  if (flags.length > MAX_FLAGS) bad(flags[MAX_FLAGS]!.key, "x-flag", `at most ${MAX_FLAGS} shortcut flags`);
  const byPlace = <T extends { order: number; index: number }>(list: T[]) => [...list].sort((a, b) => a.order - b.order || a.index - b.index);
  const columnSpecs: ColumnSpec[] =
    columns.length > 0
      ? byPlace(columns).map((c) => (c.fallback !== undefined ? { key: c.key, fallback: c.fallback } : { key: c.key }))
      : keys.filter((k) => k !== "file").slice(0, DEFAULT_COLUMN_COUNT).map((key) => ({ key }));
  const identityByPlace = byPlace(identity);
  // A key named `date` is Jekyll's own date (it overrides the file name's), whatever the schema
  // says: it is the posting's date unless another key declares the role.
  if (roleKeys.date === undefined && declared.has("date")) roleKeys.date = "date";
  const roles: SchemaRoles = {
    keys: roleKeys,
    columns: [...columnSpecs, { key: "file" }],
    identity: identityByPlace.map((i) => i.key),
    identityInKeyOrder: identity.map((i) => i.key),
    identityBare: identityByPlace.map((i) => i.bare),
    flags,
  };
  if (anySearch) roles.search = search;
  return roles;
}

/** `true` (after the numbered ones, in schema order) or a whole number 1–1000. */
function orderOf(value: unknown): number | undefined {
  if (value === true) return MAX_ORDER + 1;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_ORDER) return value;
  return undefined;
}

function isBooleanOnly(type: unknown): boolean {
  return type === "boolean" || (Array.isArray(type) && type.length === 1 && type[0] === "boolean");
}

/** A key as an error names it: cut, since a schema is untrusted (the CLI escapes what it prints). */
function shownKey(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

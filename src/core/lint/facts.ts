// The few facts about one posting that the cross-file checks (collection.ts) need, taken from the
// front matter per-file linting has already parsed: the cross-file pass then never reads a file
// again, and the cache keeps them next to the findings.
import type { Position } from "../findings.js";
import { dayOf } from "../read/dates.js";
import type { LocatedFrontMatter } from "../read/posting.js";
import type { KeyPath } from "../read/yaml.js";
import type { PostingSchema } from "../schema/schema.js";

/** What the config asks of the cross-file pass; facts are only gathered for these. */
export interface FactsWanted {
  /** Keys whose values name other files (config `references`). */
  references: string[];
  /** Whether duplicate postings are looked for (the keys the schema marks `x-identity`). */
  duplicates: boolean;
}

/** A string a reference key holds (the key itself or one item of its list), where it is written. */
export interface ReferenceFact extends Position {
  /** `startup` or `startup/1`. */
  path: string;
  value: string;
}

/** What makes a posting the same as another: the values of the schema's `x-identity` keys. */
export interface IdentityFact extends Position {
  /** The identity keys, in the order messages name them. */
  keys: string[];
  /** Their values; the date's is "" when the front matter has none (the file name gives it). */
  values: string[];
  /** Values shown bare in messages (ids, dates: keys with a pattern, format or enum); the rest is quoted. */
  bare: boolean[];
  /** Index of the posting's date (`x-role: "date"`) among the values, when it is one of them. */
  dateAt?: number;
  /** The key the finding points at. */
  path: string;
}

export interface CrossFileFacts {
  /** Present when every identity key but the date holds non-blank text. */
  duplicate?: IdentityFact;
  references?: ReferenceFact[];
}

/** Whether `value` (read back from a cache file) has the shape of CrossFileFacts. */
export function isCrossFileFacts(value: unknown): value is CrossFileFacts {
  if (typeof value !== "object" || value === null) return false;
  const { duplicate, references } = value as Record<string, unknown>;
  const positioned = (v: unknown, ...keys: string[]): boolean =>
    typeof v === "object" && v !== null && ["line", "column"].every((k) => typeof (v as Record<string, unknown>)[k] === "number") && keys.every((k) => typeof (v as Record<string, unknown>)[k] === "string");
  if (duplicate !== undefined && !isIdentityFact(duplicate, positioned)) return false;
  return references === undefined || (Array.isArray(references) && references.every((r) => positioned(r, "path", "value")));
}

function isIdentityFact(value: unknown, positioned: (v: unknown, ...keys: string[]) => boolean): boolean {
  if (!positioned(value, "path")) return false;
  const { keys, values, bare, dateAt } = value as Record<string, unknown>;
  const texts = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
  return (
    texts(keys) && texts(values) && Array.isArray(bare) && bare.every((b) => typeof b === "boolean") &&
    keys.length === values.length && bare.length === keys.length &&
    (dateAt === undefined || (typeof dateAt === "number" && Number.isInteger(dateAt) && dateAt >= 0 && dateAt < keys.length))
  );
}

export function wantsFacts(wanted: FactsWanted | undefined): wanted is FactsWanted {
  return wanted !== undefined && (wanted.references.length > 0 || wanted.duplicates);
}

/** The facts of front matter `data`; `positionOf` gives a value's file position. */
function factsOf(data: Record<string, unknown>, wanted: FactsWanted, positionOf: (path: KeyPath) => Position, schema: PostingSchema): CrossFileFacts {
  const facts: CrossFileFacts = {};
  if (wanted.duplicates && schema.roles.identity.length > 0) {
    const duplicate = identityOf(data, schema, positionOf);
    if (duplicate) facts.duplicate = duplicate;
  }
  for (const key of wanted.references) {
    const value = data[key];
    const items: [string, KeyPath][] =
      typeof value === "string"
        ? [[value, [key]]]
        : Array.isArray(value)
          ? value.flatMap((v, i): [string, KeyPath][] => (typeof v === "string" ? [[v, [key, i]]] : []))
          : [];
    for (const [text, path] of items) {
      if (text.trim() === "") continue; // an empty value is the schema's business
      const at = positionOf(path);
      (facts.references ??= []).push({ path: path.join("/"), value: text, line: at.line, column: at.column });
    }
  }
  return facts;
}

/** Facts from front matter read by either YAML reader, with the positions it gives. */
export function factsOfFrontMatter(frontMatter: LocatedFrontMatter, wanted: FactsWanted, schema: PostingSchema): CrossFileFacts | undefined {
  if (!frontMatter.data) return undefined;
  return factsOf(frontMatter.data, wanted, (path) => frontMatter.locate(path), schema);
}

/** The identity of a posting, or undefined when one of its keys (the date aside) holds no text. */
function identityOf(data: Record<string, unknown>, schema: PostingSchema, positionOf: (path: KeyPath) => Position): IdentityFact | undefined {
  const { identity, identityInKeyOrder, identityBare, keys: roleKeys } = schema.roles;
  const values: string[] = [];
  let dateAt: number | undefined;
  for (const key of identity) {
    const value = data[key];
    if (key === roleKeys.date) {
      dateAt = values.length;
      values.push(dayOf(value) ?? "");
    } else if (typeof value === "string" && value.trim() !== "") values.push(value);
    else return undefined;
  }
  // The first identity key of the schema's order that is written (the date may be the file name's).
  const path = identityInKeyOrder.find((k) => Object.hasOwn(data, k)) ?? identity[0]!;
  const at = positionOf([path]);
  // The keys and their display are the schema's, shared by every posting of it.
  return { keys: identity, values, bare: identityBare, ...(dateAt !== undefined ? { dateAt } : {}), path, line: at.line, column: at.column };
}


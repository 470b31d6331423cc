// `posting list` core: read postings (including invalid ones, as far as their front matter can be
// read), filter, sort and limit them. Returns data; the command and the reporters do the printing.
import { basename } from "node:path";
import { isJekyllDate } from "../read/dates.js";
import { discoverTargets } from "../read/discover.js";
import type { Finding, FindingCode } from "../findings.js";
import { NO_DATA_CODES } from "../findings.js";
import { readTargetSync } from "../lint/lint.js";
import type { ListQuery, ListQueryInput, Posting, PostingRoleKeys } from "./list-query.js";
import { buildQuery, isEmpty, matchesQuery, sortPostings, valueOf } from "./list-query.js";
import { readFrontMatter, readPostingText } from "../read/posting.js";
import { parseSimpleYaml } from "../read/simple-yaml.js";
import type { LocatedFrontMatter, ParseOptions, ParsedPosting } from "../read/posting.js";
import { siteView } from "../read/site-view.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";

/** A file that was found but whose front matter could not be read; never silently dropped. */
export interface UnreadablePosting {
  file: string;
  code: FindingCode;
  line: number;
  column: number;
  reason: string;
}

export interface ReadPostingsResult {
  postings: Posting[];
  unreadable: UnreadablePosting[];
}

export interface ReadPostingsOptions extends ParseOptions {
  cwd: string;
  /** Used to resolve key aliases (`titles` → `title`); without it keys are taken as written. */
  schema?: PostingSchema;
}

const BLOCKING = NO_DATA_CODES;

/** Read every posting under the inputs (files, folders, globs), in discovery order. */
export async function readPostings(inputs: readonly string[], options: ReadPostingsOptions): Promise<ReadPostingsResult> {
  const targets = await discoverTargets(inputs, options.cwd);
  // Blocking reads, one file at a time: several times faster than fs.promises for many small files.
  const read = targets.map((target): Posting | UnreadablePosting => {
    const bytes = readTargetSync(target);
    if ("findings" in bytes) return unreadableFrom(target.display, bytes.findings);
    return readForList(target.display, bytes.bytes, options);
  });
  const result: ReadPostingsResult = { postings: [], unreadable: [] };
  for (const item of read) {
    if ("reason" in item) result.unreadable.push(item);
    else result.postings.push(item);
  }
  return result;
}

/**
 * List needs the data, not positions: simple front matter is read by the fast parser (the same
 * data as `yaml`, checked by test/simple-yaml.test.ts), the rest by the full one.
 */
function readForList(file: string, bytes: Uint8Array, options: ReadPostingsOptions): Posting | UnreadablePosting {
  const { parsed, yaml } = readPostingText(file, bytes, options);
  if (yaml && !parsed.findings.some((f) => BLOCKING.has(f.code))) {
    const simple = parseSimpleYaml(yaml.source);
    if (simple) return postingFrom(parsed, options.schema, simple);
    readFrontMatter(parsed, yaml);
  }
  return postingFrom(parsed, options.schema);
}

/** A parsed file as a Posting, or the reason its front matter cannot be shown. */
export function postingFrom(parsed: ParsedPosting, schema?: PostingSchema, frontMatter: Pick<LocatedFrontMatter, "data" | "yaml11Readings"> | undefined = parsed.frontMatter): Posting | UnreadablePosting {
  if (!frontMatter?.data) return unreadableFrom(parsed.file, parsed.findings);
  // What Jekyll reads (`0612345678` stays text, `0123` is 83), for the data shown and the fields filtered.
  const data = siteView(frontMatter);
  const fields = withAliasesResolved(data, schema);
  const roleKeys = roleKeysOf(schema);
  const written = roleKeys.date !== undefined ? fields[roleKeys.date] : undefined;
  const fromFrontMatter = typeof written === "string" && isJekyllDate(written) ? written : undefined;
  const fromName = dateFromFileName(parsed.file);
  return {
    file: parsed.file,
    date: fromFrontMatter ?? fromName,
    dateFrom: fromFrontMatter ? "front-matter" : fromName ? "file-name" : undefined,
    open: roleKeys.open !== undefined && fields[roleKeys.open] === true,
    roleKeys,
    data,
    fields,
    body: parsed.body,
  };
}

const roleKeysBySchema = new WeakMap<PostingSchema, PostingRoleKeys>();

/** The date and open keys of the schema (`x-role`), one object per schema; the bundled schema's without one. */
function roleKeysOf(schema: PostingSchema = loadSchema()): PostingRoleKeys {
  let keys = roleKeysBySchema.get(schema);
  if (!keys) {
    const { date, open } = schema.roles.keys;
    keys = { ...(date !== undefined ? { date } : {}), ...(open !== undefined ? { open } : {}) };
    roleKeysBySchema.set(schema, keys);
  }
  return keys;
}

function unreadableFrom(file: string, findings: readonly Finding[]): UnreadablePosting {
  const why =
    findings.find((f) => BLOCKING.has(f.code)) ?? findings.find((f) => f.severity === "error");
  if (!why) return { file, code: "FRONT_MATTER_MISSING", line: 1, column: 1, reason: "the front matter could not be read" };
  return { file, code: why.code, line: why.line, column: why.column, reason: why.message };
}

/** Aliases resolved to their key, when the key itself is absent. */
function withAliasesResolved(data: Record<string, unknown>, schema: PostingSchema | undefined): Record<string, unknown> {
  const aliases = schema ? Object.keys(data).filter((k) => schema.aliasToKey.has(k)) : [];
  if (aliases.length === 0) return data;
  const fields: Record<string, unknown> = { ...data };
  for (const alias of aliases) {
    const key = schema!.aliasToKey.get(alias)!;
    if (!Object.hasOwn(data, key)) fields[key] = fields[alias];
  }
  return fields;
}

/** `2026-11-20` from `2026-11-20-developpeur.md`, as Jekyll dates collection files. */
export function dateFromFileName(file: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})-/.exec(basename(file));
  return m && isJekyllDate(m[1]!) ? m[1] : undefined;
}

export interface ListOptions extends ReadPostingsOptions, ListQueryInput {}

export interface ListResult {
  /** The postings that match, sorted and limited. */
  postings: Posting[];
  /** How many matched before `limit`. */
  matched: number;
  /** How many postings were read (before filtering). */
  total: number;
  unreadable: UnreadablePosting[];
  query: ListQuery;
}

/** List postings the way `posting list` does. Throws a UserError for an invalid filter. */
export async function listPostings(inputs: readonly string[], options: ListOptions): Promise<ListResult> {
  const query = buildQuery(options, options.schema);
  const read = await readPostings(inputs, options);
  return { ...selectPostings(read.postings, query), total: read.postings.length, unreadable: read.unreadable, query };
}

/** Filter, sort and limit postings already read. */
export function selectPostings(postings: readonly Posting[], query: ListQuery): { postings: Posting[]; matched: number } {
  const matching = sortPostings(
    postings.filter((p) => matchesQuery(p, query)),
    query.sort,
  );
  const limited = query.limit !== undefined ? matching.slice(0, query.limit) : matching;
  return { postings: limited, matched: matching.length };
}

/** A column of the listing: a key, and a key shown instead when the first is empty. */
export interface ListColumn {
  key: string;
  fallback?: string;
  /** The posting's date (`x-role: "date"`): the table shows its day. */
  day?: boolean;
}

/**
 * The columns asked for (`--fields`), else the schema's (`x-column`; without any, its first keys),
 * `file` last. Without a schema, the bundled one's: date, startup, roles (or the title), open, contrat, file.
 */
export function columnsFor(fields: readonly string[] | undefined, schema: PostingSchema = loadSchema()): ListColumn[] {
  const dateKey = schema.roles.keys.date;
  const columns: ListColumn[] = fields ? fields.map((key) => ({ key })) : schema.roles.columns.map((c) => ({ ...c }));
  for (const c of columns) if (c.key === dateKey) c.day = true;
  return columns;
}

/** The value a column shows for a posting (undefined when missing). */
export function columnValue(posting: Posting, column: ListColumn): unknown {
  const value = valueOf(posting, column.key);
  if (column.fallback !== undefined && isEmpty(value)) return valueOf(posting, column.fallback);
  return value;
}

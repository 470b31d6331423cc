// `posting list` core: read postings (including invalid ones, as far as their front matter can be
// read), filter, sort and limit them. Returns data; the command and the reporters do the printing.
import { dateFromFileName, isJekyllDate } from "../read/dates.js";
import { discoverTargets } from "../files/targets.js";
import type { Discovery } from "../files/discovery.js";
import { runFiles } from "../files/run-files.js";
import type { FileTask } from "../files/task.js";
import { withSchema } from "../files/task.js";
import type { Finding, FindingCode } from "../findings.js";
import { NO_DATA_CODES } from "../findings.js";
import type { ListQuery, ListQueryInput, Posting, PostingRoleKeys } from "./list-query.js";
import { buildQuery, isEmpty, matchesQuery, sortPostings, valueOf } from "./list-query.js";
import { readPosting } from "../read/read-posting.js";
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
  /** The finding that says why, as data (worded by the command: reporters/list.ts unreadableReason). */
  why?: Finding;
}

export interface ReadPostingsResult {
  postings: Posting[];
  unreadable: UnreadablePosting[];
}

export interface ReadPostingsOptions extends ParseOptions {
  cwd: string;
  /** Used to resolve key aliases (`titles` → `title`); without it keys are taken as written. */
  schema?: PostingSchema;
  /** What folder walks take: the config's extensions, ignore globs and .gitignore files (files/discovery.ts). */
  discovery?: Discovery;
}

const BLOCKING = NO_DATA_CODES;

/**
 * `posting list` as a task of runFiles: a Posting (plain data: it crosses threads) or why the
 * file cannot be listed. Not cached: an entry would hold the whole front matter and body (a
 * cache as large as the collection), JSON would not give back what YAML reads (`.nan`, `-0`,
 * `.inf`), and parsing the entry costs about what reading the front matter does.
 */
export const listTask: FileTask<Posting | UnreadablePosting, ListTaskOptions> = {
  name: "list",
  run: (file, bytes, schema, options) => readForList(file, bytes, withSchema(options, schema) as ListTaskOptions & ReadPostingsOptions), // readForList reads no `cwd`
  fromReadProblem: unreadableFrom,
};

/** What the list task is told (plain data: it is sent to workers). */
type ListTaskOptions = Omit<ReadPostingsOptions, "cwd" | "schema"> & {
  /** Keep each posting's body as "" (it is read only for `--search`): a listing holds front matters, not collections. */
  noBody?: true;
};

/** Read every posting under the inputs (files, folders, globs), in discovery order. */
export async function readPostings(inputs: readonly string[], options: ReadPostingsOptions & { env?: Record<string, string | undefined> }): Promise<ReadPostingsResult> {
  const result: ReadPostingsResult = { postings: [], unreadable: [] };
  await eachPosting(inputs, options, (posting) => result.postings.push(posting), (u) => result.unreadable.push(u));
  return result;
}

/** The postings that match `query` (unsorted), how many were read, and what could not be. */
export interface SelectedPostingsRead {
  postings: Posting[];
  total: number;
  unreadable: UnreadablePosting[];
  /** Of the keys asked about (`keys`), those some posting read has. */
  keysSeen: Set<string>;
}

/**
 * readPostings for `posting list`: only the postings `query` keeps are held, without their body
 * (read for `--search` only), so memory grows with what is shown, not with the collection.
 */
export async function readSelectedPostings(
  inputs: readonly string[],
  options: ReadPostingsOptions & { env?: Record<string, string | undefined> },
  query: ListQuery,
  keys: Iterable<string> = [],
  /** Each matching posting, in order, as soon as it is read; then none is kept (`postings` stays empty). */
  onSelected?: (posting: Posting) => void,
): Promise<SelectedPostingsRead> {
  const result: SelectedPostingsRead = { postings: [], total: 0, unreadable: [], keysSeen: new Set() };
  const unseen = new Set(keys);
  const needsBody = query.search !== undefined;
  await eachPosting(
    inputs,
    options,
    (posting) => {
      result.total++;
      for (const key of unseen) {
        if (!Object.hasOwn(posting.fields, key)) continue;
        unseen.delete(key);
        result.keysSeen.add(key);
      }
      if (!matchesQuery(posting, query)) return;
      if (needsBody) posting.body = "";
      if (onSelected) onSelected(posting);
      else result.postings.push(posting);
    },
    (u) => result.unreadable.push(u),
    !needsBody,
  );
  return result;
}

async function eachPosting(inputs: readonly string[], options: ReadPostingsOptions & { env?: Record<string, string | undefined> }, onPosting: (posting: Posting) => void, onUnreadable: (u: UnreadablePosting) => void, noBody = false): Promise<void> {
  const targets = await discoverTargets(inputs, options.cwd, { ...options.discovery });
  const schema = options.schema;
  await runFiles(targets, listTask, {
    options: {
      ...(options.legacyEncoding !== undefined ? { legacyEncoding: options.legacyEncoding } : {}),
      ...(options.fromEncoding !== undefined ? { fromEncoding: options.fromEncoding } : {}),
      ...(noBody ? { noBody: true as const } : {}),
    },
    schemaFor: () => schema,
    ...(options.env ? { env: options.env } : {}),
    onResult: (item) => {
      if ("code" in item) onUnreadable(item);
      else onPosting(item);
    },
  });
}

/** A file's posting for the list, or why it cannot be listed. */
function readForList(file: string, bytes: Uint8Array, options: ListTaskOptions & ReadPostingsOptions): Posting | UnreadablePosting {
  const { parsed, frontMatter } = readPosting(file, bytes, options);
  if (!frontMatter || parsed.findings.some((f) => BLOCKING.has(f.code))) return unreadableFrom(file, parsed.findings);
  const posting = postingFrom(parsed, options.schema, frontMatter);
  if (options.noBody && !("code" in posting)) posting.body = "";
  return posting;
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
  if (!why) return { file, code: "FRONT_MATTER_MISSING", line: 1, column: 1 };
  return { file, code: why.code, line: why.line, column: why.column, why };
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
  return sortAndLimit(
    postings.filter((p) => matchesQuery(p, query)),
    query,
  );
}

/** Sort and limit postings that match the query already (readSelectedPostings). */
export function sortAndLimit(matched: Posting[], query: ListQuery): { postings: Posting[]; matched: number } {
  const matching = sortPostings(matched, query.sort);
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

// The library API: the same core the CLI is built on. Nothing here prints or exits.
// The core's findings are data (code, place, args); every function here returns them worded in
// English (message, hint), as the API always has. wordFinding words a raw one in any catalog.
export type { LintFilesOptions } from "./core/lint/lint.js";
export type { FrontMatter } from "./core/read/posting.js";
export { readPosting } from "./core/read/read-posting.js";
export type { FrontMatterReading, PostingReading, ReadOptions } from "./core/read/read-posting.js";
export { loadSchema, compileSchema, BUNDLED_SCHEMA_PATH } from "./core/schema/schema.js";
export type { PostingSchema, FieldSpec, SchemaRoles, ColumnSpec, FlagSpec, FieldRole } from "./core/schema/schema.js";
export { loadConfig, CONFIG_FILE_NAME } from "./core/project/config.js";
export type { ResolvedConfig } from "./core/project/config.js";
export { decodeBytes } from "./core/read/encoding.js";
export { FINDING_CODES } from "./core/findings.js";
export type { WordedFinding as Finding, Finding as RawFinding, FindingCode, FindingDetails, Severity } from "./core/findings.js";
export { wordFinding, wordFindings, CATALOGS } from "./core/messages/word.js";
export type { Catalog, CodeWording, Worded } from "./core/messages/word.js";
export { UserError, ConfigError } from "./core/errors.js";
export { REPORTERS, getReporter } from "./reporters/index.js";
export { selectPostings, columnsFor } from "./core/list/list.js";
export type { ListOptions, ListColumn } from "./core/list/list.js";
export { buildQuery, parseWhere, parseSort, matchesQuery, sortPostings } from "./core/list/list-query.js";
export type { Posting, ListQuery, ListQueryInput, WhereClause, SortKey } from "./core/list/list-query.js";
export { LIST_FORMATS, getListReporter } from "./reporters/list.js";
export type { ListReport, ListReporter, ListReporterOptions } from "./reporters/list.js";
export { run } from "./cli.js";

import { loadConfig, unknownEncodingMessage } from "./core/project/config.js";
import { isKnownEncoding } from "./core/read/encoding.js";
import { UserError } from "./core/errors.js";
import type { Finding, WordedFinding } from "./core/findings.js";
import * as collection from "./core/lint/collection.js";
import type { CollectionCheckOptions } from "./core/lint/collection.js";
import * as lintCore from "./core/lint/lint.js";
import * as report from "./core/report.js";
import type { LintFilesOptions, LintOptions } from "./core/lint/lint.js";
import * as listCore from "./core/list/list.js";
import type { ListOptions, ReadPostingsOptions, UnreadablePosting as RawUnreadable } from "./core/list/list.js";
import { wordFindings } from "./core/messages/word.js";
import * as normalizeCore from "./core/normalize/normalize.js";
import type { NormalizeOptions, NormalizeStyle } from "./core/normalize/normalize.js";
import { normalizePaths } from "./core/normalize/normalize-files.js";
import { postingsDiscoveryOf } from "./core/files/discovery.js";
import * as project from "./core/lint/project.js";
import type { LintProjectOptions } from "./core/lint/project.js";
import * as posting from "./core/read/posting.js";
import type { ParseOptions } from "./core/read/posting.js";
import { loadSchema } from "./core/schema/schema.js";
import type { PostingSchema } from "./core/schema/schema.js";
import { unreadableReason } from "./reporters/list.js";
import * as editFiles from "./core/edit/edit-files.js";
import type { ListQueryInput } from "./core/list/list-query.js";

export type { LintProjectOptions } from "./core/lint/project.js";
export type { NormalizeChanges, NormalizeStyle } from "./core/normalize/normalize.js";

// Worded forms of the core's results (their findings with message and hint, in English).
type Worded<T extends { findings: readonly Finding[] }> = Omit<T, "findings"> & { findings: WordedFinding[] };
export type FileResult = lintCore.FileResult<WordedFinding>;
export type LintReport = lintCore.LintReport<WordedFinding>;
export type ParsedPosting = Worded<posting.ParsedPosting>;
export type NormalizeResult = normalizeCore.NormalizeResult extends infer R ? (R extends normalizeCore.NormalizeResult ? Worded<R> : never) : never;
/** A file `list` could not read, with the reason in words. */
export interface UnreadablePosting extends Omit<RawUnreadable, "why"> {
  reason: string;
}
export interface ReadPostingsResult extends Omit<listCore.ReadPostingsResult, "unreadable"> {
  unreadable: UnreadablePosting[];
}
export interface ListResult extends Omit<listCore.ListResult, "unreadable"> {
  unreadable: UnreadablePosting[];
}

function worded<T extends { findings: readonly (Finding | WordedFinding)[] }>(result: T): Omit<T, "findings"> & { findings: WordedFinding[] } {
  return { ...result, findings: wordFindings(result.findings) };
}

function wordedNormalize(result: normalizeCore.NormalizeResult): NormalizeResult {
  return { ...result, findings: wordFindings(result.findings) };
}

function wordedReport(run: lintCore.LintReport<Finding | WordedFinding>): LintReport {
  return { ...run, results: run.results.map(worded) };
}

function withReasons<T extends { unreadable: RawUnreadable[] }>(result: T): Omit<T, "unreadable"> & { unreadable: UnreadablePosting[] } {
  return { ...result, unreadable: result.unreadable.map((u) => ({ file: u.file, code: u.code, line: u.line, column: u.column, reason: unreadableReason(u) })) };
}

/** Lint one file's bytes against a schema (no cross-file checks). */
export function lintBytes(file: string, input: Uint8Array | string, schema: PostingSchema, options: LintOptions = {}): WordedFinding[] {
  return wordFindings(lintCore.lintBytes(file, input, schema, options));
}

/** Lint files and folders against one schema (no config, no cross-file checks). */
export async function lintPaths(inputs: readonly string[], options: LintFilesOptions): Promise<LintReport> {
  return wordedReport(await lintCore.lintPaths(inputs, options));
}

/** Totals over results (raw or worded findings). */
export function summarize(results: lintCore.FileResult<Finding | WordedFinding>[]): LintReport {
  return wordedReport(report.summarize(results));
}

/** Parse a posting: its text, front matter and the findings met on the way. */
export function parsePosting(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedPosting {
  return worded(posting.parsePosting(file, bytes, options));
}

/** Lint the way `posting lint` does, with a resolved config (see `lint` for the usual entry). */
export async function lintProject(inputs: readonly string[], options: LintProjectOptions): Promise<LintReport> {
  return wordedReport(await project.lintProject(inputs, options));
}

/** Add the cross-file findings (duplicate postings, references) to per-file results. */
export async function checkCollections(results: readonly lintCore.FileResult<Finding | WordedFinding>[], options: CollectionCheckOptions): Promise<FileResult[]> {
  // The checks read codes and positions only: worded findings pass through them as they are.
  return (await collection.checkCollections(results as readonly lintCore.FileResult[], options)).map(worded);
}

/** Normalize one file's bytes (nothing is written). */
export function normalizeBytes(file: string, input: Uint8Array, options: NormalizeOptions): NormalizeResult {
  return wordedNormalize(normalizeCore.normalizeBytes(file, input, options));
}

/** Read every posting under the inputs, in discovery order, with the files that could not be read. */
export async function readPostings(inputs: readonly string[], options: ReadPostingsOptions): Promise<ReadPostingsResult> {
  return withReasons(await listCore.readPostings(inputs, options));
}

/** List postings the way `posting list` does. Throws a UserError for an invalid filter. */
export async function listPostings(inputs: readonly string[], options: ListOptions): Promise<ListResult> {
  return withReasons(await listCore.listPostings(inputs, options));
}
export type { ConfigFlags, ResolvedCollection, ResolvedReference } from "./core/project/config.js";
export { fileNameProblem } from "./core/files/file-name.js";

export interface ApiOptions {
  /** Folder the paths are relative to and the config is searched from. Default: process.cwd(). */
  cwd?: string;
  /** Config file, instead of the posting.config.json found from `cwd` up. */
  config?: string;
  /** Posting JSON Schema, instead of the config's (or the bundled one). */
  schema?: string;
  /** Legacy encoding assumed for files that are not UTF-8. Default: the config's, else windows-1252. */
  encoding?: string;
}

/**
 * Lint paths the way `posting lint` does: config from `cwd` up, each collection's schema, then the
 * cross-file checks. With no paths, the config's content folders. Never prints, never exits.
 */
export async function lint(paths: readonly string[] = [], options: ApiOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(cwd, { schema: options.schema, config: options.config, encoding: options.encoding });
  return wordedReport(await project.lintProject(inputsOf(paths, config.content, "lint"), { cwd, config }));
}

export interface NormalizeApiOptions extends ApiOptions {
  /** Rewrite the files that change, atomically. Default: false (nothing is written). */
  write?: boolean;
  /** Read files that are not UTF-8 as this encoding. */
  fromEncoding?: string;
  /** "minimal" (default: the config's `normalize.style`, else minimal) or "canonical" (`--canonical`). */
  style?: NormalizeStyle;
}

/**
 * Normalize paths the way `posting normalize` does: one result per file, `changed` (with the new
 * bytes in `output` and a summary in `changes`), `unchanged` or `refused` (with findings saying
 * why). Files are rewritten only with `write: true`.
 */
export async function normalize(paths: readonly string[] = [], options: NormalizeApiOptions = {}): Promise<NormalizeResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(cwd, { schema: options.schema, config: options.config, encoding: options.encoding });
  if (options.fromEncoding && !isKnownEncoding(options.fromEncoding)) throw new UserError(unknownEncodingMessage(options.fromEncoding));
  const results = await normalizePaths(inputsOf(paths, config.content, "normalize"), {
    discovery: postingsDiscoveryOf(config, cwd),
    cwd,
    schema: loadSchema(config.schemaPath),
    legacyEncoding: config.encoding,
    ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}),
    style: options.style ?? config.normalizeStyle,
    write: options.write === true,
  });
  return results.map(wordedNormalize);
}

function inputsOf(paths: readonly string[], content: readonly string[], verb: string): string[] {
  if (paths.length > 0) return [...paths];
  if (content.length > 0) return [...content];
  throw new UserError(`no postings to ${verb}: pass files or folders, or set "content" in posting.config.json`);
}

// `posting new` without the prompts: answers to a posting, file names that stay in their folder.
export { scaffold, slugify, postingFileName, safeJoin, renderBody, writeNewFile, FileExistsError } from "./core/scaffold/scaffold.js";
export type { ScaffoldResult, Lang } from "./core/scaffold/scaffold.js";
export { parseText as parseAnswer } from "./core/scaffold/answers.js";
export type { Prompter } from "./prompter.js";

export type { EditRequest, KeyChange } from "./core/edit/edit-files.js";
export { closeSpecOf } from "./core/schema/close.js";
export type { CloseSpec } from "./core/schema/close.js";

/** One file's result of `set` or `close`: changed (with the text before and after), unchanged or refused, findings worded. */
export type EditResult = editFiles.EditResult extends infer R ? (R extends editFiles.EditResult ? Worded<R> : never) : never;

export interface EditApiOptions {
  cwd?: string;
  schema?: string;
  config?: string;
  encoding?: string;
  /** The filters of `posting list` (`{ stale: 30 }`, `{ startup: ["x"] }` …). */
  filters?: Omit<ListQueryInput, "sort" | "limit">;
  /** Rewrite the files that change (atomically). Default: nothing is written. */
  write?: boolean;
}

function wordedEdit(result: editFiles.EditResult): EditResult {
  return { ...result, findings: wordFindings(result.findings) } as EditResult;
}

/** `posting set`: `set(["content/_jobs"], { values: { open: false } or ["open=false"], unset: ["salaire"], filters, write })`. */
export async function set(paths: readonly string[] = [], options: EditApiOptions & editFiles.SetInput = {}): Promise<EditResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(cwd, { schema: options.schema, config: options.config, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const request = editFiles.parseSetRequest(options, schema);
  const results = await editFiles.setPaths(inputsOf(paths, config.content, "set"), request, { cwd, discovery: postingsDiscoveryOf(config, cwd), schema, legacyEncoding: config.encoding, filters: options.filters ?? {}, write: options.write === true });
  return results.map(wordedEdit);
}

/** `posting close`: the schema's closing values on the selected postings (paths, filters, or `all: true`). */
export async function close(paths: readonly string[] = [], options: EditApiOptions & { all?: boolean; now?: Date } = {}): Promise<EditResult[]> {
  if (paths.length === 0 && !editFiles.hasFilter(options.filters ?? {}) && !options.all) throw new UserError("close needs paths, filters, or all: true");
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(cwd, { schema: options.schema, config: options.config, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const results = await editFiles.closePaths(inputsOf(paths, config.content, "close"), { cwd, discovery: postingsDiscoveryOf(config, cwd), schema, legacyEncoding: config.encoding, filters: options.filters ?? {}, write: options.write === true, ...(options.now ? { now: options.now } : {}) });
  return results.map(wordedEdit);
}

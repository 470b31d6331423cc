// The library API: the same core the CLI is built on. Nothing here prints or exits.
export { lintBytes, lintPaths, summarize } from "./core/lint/lint.js";
export type { FileResult, LintReport, LintFilesOptions } from "./core/lint/lint.js";
export { parsePosting } from "./core/read/posting.js";
export type { ParsedPosting, FrontMatter } from "./core/read/posting.js";
export { loadSchema, compileSchema, BUNDLED_SCHEMA_PATH } from "./core/schema/schema.js";
export type { PostingSchema, FieldSpec, SchemaRoles, ColumnSpec, FlagSpec, FieldRole } from "./core/schema/schema.js";
export { loadConfig, CONFIG_FILE_NAME } from "./core/project/config.js";
export type { ResolvedConfig } from "./core/project/config.js";
export { decodeBytes } from "./core/read/encoding.js";
export { FINDING_CODES } from "./core/findings.js";
export type { Finding, FindingCode, Severity } from "./core/findings.js";
export { UserError, ConfigError } from "./core/errors.js";
export { REPORTERS, getReporter } from "./reporters/index.js";
export { listPostings, readPostings, selectPostings, columnsFor } from "./core/list/list.js";
export type { ListOptions, ListResult, ListColumn, ReadPostingsResult, UnreadablePosting } from "./core/list/list.js";
export { buildQuery, parseWhere, parseSort, matchesQuery, sortPostings } from "./core/list/list-query.js";
export type { Posting, ListQuery, ListQueryInput, WhereClause, SortKey } from "./core/list/list-query.js";
export { LIST_FORMATS, getListReporter } from "./reporters/list.js";
export type { ListReport, ListReporter, ListReporterOptions } from "./reporters/list.js";
export { run } from "./cli.js";

import { loadConfig, unknownEncodingMessage } from "./core/project/config.js";
import { isKnownEncoding } from "./core/read/encoding.js";
import { UserError } from "./core/errors.js";
import type { LintReport } from "./core/lint/lint.js";
import type { NormalizeResult } from "./core/normalize/normalize.js";
import { normalizePaths } from "./core/normalize/normalize-files.js";
import { lintProject } from "./core/project/project.js";
import { loadSchema } from "./core/schema/schema.js";

export { lintProject } from "./core/project/project.js";
export type { LintProjectOptions } from "./core/project/project.js";
export { checkCollections } from "./core/lint/collection.js";
export { normalizeBytes } from "./core/normalize/normalize.js";
export type { NormalizeResult, NormalizeChanges } from "./core/normalize/normalize.js";
export type { ConfigFlags, ResolvedCollection, ResolvedReference } from "./core/project/config.js";
export { fileNameProblem } from "./core/lint/file-name.js";

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
  return lintProject(inputsOf(paths, config.content, "lint"), { cwd, config });
}

export interface NormalizeApiOptions extends ApiOptions {
  /** Rewrite the files that change, atomically. Default: false (nothing is written). */
  write?: boolean;
  /** Read files that are not UTF-8 as this encoding. */
  fromEncoding?: string;
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
  return normalizePaths(inputsOf(paths, config.content, "normalize"), {
    cwd,
    schema: loadSchema(config.schemaPath),
    legacyEncoding: config.encoding,
    ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}),
    write: options.write === true,
  });
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

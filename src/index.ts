// The library API: the same core the CLI is built on. Nothing here prints or exits.
export { lintBytes, lintPaths, summarize } from "./core/lint.js";
export type { FileResult, LintReport, LintFilesOptions } from "./core/lint.js";
export { parsePosting } from "./core/posting.js";
export type { ParsedPosting, FrontMatter } from "./core/posting.js";
export { loadSchema, compileSchema, BUNDLED_SCHEMA_PATH } from "./core/schema.js";
export type { PostingSchema, FieldSpec } from "./core/schema.js";
export { loadConfig, CONFIG_FILE_NAME } from "./core/config.js";
export type { ResolvedConfig } from "./core/config.js";
export { decodeBytes } from "./core/encoding.js";
export { FINDING_CODES } from "./core/findings.js";
export type { Finding, FindingCode, Severity } from "./core/findings.js";
export { UserError, ConfigError } from "./core/errors.js";
export { REPORTERS, getReporter } from "./reporters/index.js";
export { listPostings, readPostings, selectPostings, columnsFor, DEFAULT_LIST_COLUMNS } from "./core/list.js";
export type { ListOptions, ListResult, ListColumn, ReadPostingsResult, UnreadablePosting } from "./core/list.js";
export { buildQuery, parseWhere, parseSort, matchesQuery, sortPostings } from "./core/list-query.js";
export type { Posting, ListQuery, ListQueryInput, WhereClause, SortKey } from "./core/list-query.js";
export { LIST_FORMATS, getListReporter } from "./reporters/list.js";
export type { ListReport, ListReporter, ListReporterOptions } from "./reporters/list.js";
export { run } from "./cli.js";

import { lintPaths } from "./core/lint.js";
import { loadConfig } from "./core/config.js";
import { loadSchema } from "./core/schema.js";
import type { LintReport } from "./core/lint.js";

/** Lint paths the way `posting lint` does (config and schema resolved from `cwd`). */
export async function lint(paths: readonly string[], options: { cwd?: string; schema?: string; config?: string } = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(cwd, { schema: options.schema, config: options.config });
  const inputs = paths.length > 0 ? paths : config.content;
  return lintPaths(inputs, { cwd, schema: loadSchema(config.schemaPath), legacyEncoding: config.encoding });
}

// `posting new` without the prompts: answers to a posting, file names that stay in their folder.
export { scaffold, slugify, postingFileName, safeJoin, renderBody, writeNewFile, FileExistsError } from "./core/scaffold.js";
export type { ScaffoldResult, Lang } from "./core/scaffold.js";
export { parseText as parseAnswer } from "./core/answers.js";
export type { Prompter } from "./prompter.js";

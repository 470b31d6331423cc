// `posting list`: read postings, filter, sort, and print them as a table, JSON, NDJSON or CSV.
// Files whose front matter cannot be read go to stderr (and into the summary); `--strict` makes
// them fail the run.
import { loadConfig } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { buildQuery, parseFields } from "../core/list/list-query.js";
import type { ListQuery, Posting } from "../core/list/list-query.js";
import { columnsFor, readPostings, selectPostings } from "../core/list/list.js";
import type { UnreadablePosting } from "../core/list/list.js";
import { commandCatalog, discoveryFor, resolveInputs } from "./inputs.js";
import type { FilterFlags } from "./edit-report.js";
import { escapeInline, escapeKey } from "../core/sanitize.js";
import { loadSchema } from "../core/schema/schema.js";
import type { PostingSchema } from "../core/schema/schema.js";
import { suggestKey } from "../core/schema/validate.js";
import type { CliIO } from "../io.js";
import { useColor } from "../io.js";
import type { Catalog } from "../core/messages/word.js";
import type { Phrases } from "../core/messages/phrases.js";
import { getListReporter, unreadableReason } from "../reporters/list.js";
import { ReportWriter } from "./report-writer.js";
import { noPostingsError } from "../core/files/targets.js";
import { EXIT } from "../core/exit-codes.js";

export interface ListCommandOptions extends FilterFlags {
  /** `--lang fr|en`. */
  lang?: string;
  format: string;
  /** `--allow-empty`: paths that hold no posting are not an error. */
  allowEmpty?: boolean;
  fields?: string;
  sort?: string;
  limit?: number;
  count?: boolean;
  strict?: boolean;
  schema?: string;
  config?: string;
  encoding?: string;
  color?: boolean;
  /** `--excel`: CSV for a spreadsheet set to French (BOM, `;`); implies --format csv. */
  excel?: boolean;
}

/** Table width when stdout is not a terminal (a pipe, a file, a test). */
export const DEFAULT_TABLE_WIDTH = 100;

export async function listCommand(paths: string[], options: ListCommandOptions, io: CliIO, now: Date = new Date()): Promise<number> {
  // Everything the user typed is checked before any file is read.
  if (options.excel && options.format !== "csv" && options.format !== "table") throw phrasedError((p) => p.listExcelFormat(options.format));
  const format = options.excel ? "csv" : options.format;
  const reporter = getListReporter(format);
  const fields = options.fields !== undefined ? parseFields(options.fields) : undefined;
  if (paths.includes("-")) throw phrasedError((p) => p.listNotStdin);
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const catalog = commandCatalog(options.lang, config, io);
  const columns = columnsFor(fields, schema);
  const query = buildQuery({ ...options, now }, schema);
  const inputs = resolveInputs(paths, config);
  if (!inputs) throw phrasedError((p) => p.noInput("list"));

  const read = await readPostings(inputs, { cwd: io.cwd, discovery: discoveryFor(config, io, "listed", catalog.phrases), schema, legacyEncoding: config.encoding, env: io.env });
  if (read.postings.length === 0 && read.unreadable.length === 0 && !options.allowEmpty) throw noPostingsError(inputs);
  const selected = selectPostings(read.postings, query);
  for (const u of read.unreadable) io.stderr.write(`${unreadableLine(u, catalog)}\n`);
  for (const note of unknownKeyNotes(query, options.fields !== undefined ? columns.map((c) => c.key) : [], read.postings, schema, catalog.phrases)) io.stderr.write(`${note}\n`);

  if (options.count) {
    const count = selected.postings.length;
    io.stdout.write(format === "json" || format === "ndjson" ? `${JSON.stringify({ count })}\n` : `${count}\n`);
  } else {
    const report = { ...selected, total: read.postings.length, unreadable: read.unreadable, columns, columnsChosen: options.fields !== undefined, hasOpenKey: schema.roles.keys.open !== undefined };
    const width = io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : DEFAULT_TABLE_WIDTH;
    const writer = new ReportWriter(io.stdout, false);
    for (const piece of reporter(report, { color: useColor(io.stdout, io.env, options.color), width, phrases: catalog.phrases, ...(options.excel ? { excel: true } : {}) })) writer.write(piece);
    writer.finish("", "");
  }

  if (read.unreadable.length > 0 && options.strict) {
    io.stderr.write(`posting: ${catalog.phrases.unreadableCount(read.unreadable.length)}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

function unreadableLine(u: UnreadablePosting, catalog: Catalog): string {
  return `posting: ${escapeInline(u.file, "list-notes")}:${u.line}:${u.column}: ${catalog.phrases.couldNotRead(escapeInline(unreadableReason(u, catalog), "list-notes"))} [${u.code}]`;
}

/**
 * A key in --where, --sort or --fields that no posting has and the schema does not declare is
 * most likely a typo: it would quietly match nothing, so say so (and suggest the closest key).
 */
function unknownKeyNotes(query: ListQuery, fieldKeys: readonly string[], postings: readonly Posting[], schema: PostingSchema, phrases: Phrases): string[] {
  const asked = new Set([...query.where.map((w) => w.key), ...query.sort.map((s) => s.key), ...fieldKeys]);
  const notes: string[] = [];
  for (const key of asked) {
    if (key === "file" || schema.fieldsByKey.has(key)) continue;
    if (postings.some((p) => Object.hasOwn(p.fields, key))) continue;
    const suggestion = suggestKey(key, schema);
    notes.push(`posting: ${phrases.noSuchKey(escapeInline(escapeKey(key), "list-notes"), suggestion)}`);
  }
  return notes;
}

// `posting list`: read postings, filter, sort, and print them as a table, JSON, NDJSON or CSV.
// Files whose front matter cannot be read go to stderr (and into the summary); `--strict` makes
// them fail the run.
import { loadConfig } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { buildQuery, parseFields } from "../core/list/list-query.js";
import type { ListQuery, Posting } from "../core/list/list-query.js";
import { columnsFor, readSelectedPostings, sortAndLimit } from "../core/list/list.js";
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
import type { ListReport, ListReporter, ListReporterOptions } from "../reporters/list-types.js";
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

  const fieldKeys = options.fields !== undefined ? columns.map((c) => c.key) : [];
  const reporterOptions = { color: useColor(io.stdout, io.env, options.color), width: io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : DEFAULT_TABLE_WIDTH, phrases: catalog.phrases, ...(options.excel ? { excel: true } : {}) };
  const base = { columns, columnsChosen: options.fields !== undefined, hasOpenKey: schema.roles.keys.open !== undefined };
  // In input order, unlimited, a format that needs no widths: written as read, nothing held (a count holds none either).
  const writer = new ReportWriter(io.stdout, false);
  let matched = 0;
  const stream = !options.count && query.sort.length === 0 && query.limit === undefined && STREAMED.has(format) ? new StreamedReport(reporter, base, reporterOptions, writer) : undefined;
  const onSelected = options.count ? () => void matched++ : stream && ((posting: Posting) => stream.push(posting));
  const read = await readSelectedPostings(inputs, { cwd: io.cwd, discovery: discoveryFor(config, io, "listed", catalog.phrases), schema, legacyEncoding: config.encoding, env: io.env }, query, askedKeys(query, fieldKeys), onSelected);
  if (read.total === 0 && read.unreadable.length === 0 && !options.allowEmpty) throw noPostingsError(inputs);
  const selected = sortAndLimit(read.postings, query);
  for (const u of read.unreadable) io.stderr.write(`${unreadableLine(u, catalog)}\n`);
  for (const note of unknownKeyNotes(query, fieldKeys, read.keysSeen, schema, catalog.phrases)) io.stderr.write(`${note}\n`);

  if (options.count) {
    const count = query.limit !== undefined ? Math.min(matched, query.limit) : matched;
    io.stdout.write(format === "json" || format === "ndjson" ? `${JSON.stringify({ count })}\n` : `${count}\n`);
  } else if (stream) {
    stream.end();
    writer.finish("", "");
  } else {
    const report = { ...selected, total: read.total, unreadable: read.unreadable, ...base };
    for (const piece of reporter(report, reporterOptions)) writer.write(piece);
    writer.finish("", "");
  }

  if (read.unreadable.length > 0 && options.strict) {
    io.stderr.write(`posting: ${catalog.phrases.unreadableCount(read.unreadable.length)}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/** The formats that print one piece per posting, in the order given, with nothing computed over all of them. */
const STREAMED = new Set(["json", "ndjson", "csv"]);

/**
 * A listing printed while the postings are read: the reporter (a generator) pulls each posting as
 * it is pushed, and its pieces are written at once, so no posting is held. Until the first posting
 * it is not started: with none, end() runs it on an empty list, as a listing of nothing prints.
 * The streamed formats read only the postings and the columns of the report (not its totals).
 */
class StreamedReport {
  private readonly queue: Posting[] = [];
  private pieces: Iterator<string> | undefined;
  private ended = false;

  constructor(
    private readonly reporter: ListReporter,
    private readonly base: Pick<ListReport, "columns" | "columnsChosen" | "hasOpenKey">,
    private readonly options: ListReporterOptions,
    private readonly writer: ReportWriter,
  ) {}

  push(posting: Posting): void {
    this.queue.push(posting);
    this.pieces ??= this.start([posting]);
    // Only while a posting waits: the reporter never asks for one that has not come yet.
    while (this.queue.length > 0) {
      const piece = this.pieces.next();
      if (piece.done) return;
      this.writer.write(piece.value);
    }
  }

  end(): void {
    this.ended = true;
    const pieces = this.pieces ?? this.start([]);
    for (let piece = pieces.next(); !piece.done; piece = pieces.next()) this.writer.write(piece.value);
  }

  private start(first: Posting[]): Iterator<string> {
    const queue = this.queue;
    const isEnded = () => this.ended;
    // A list of the right emptiness whose iteration takes the postings as they are pushed.
    const postings = Object.defineProperty([...first], Symbol.iterator, {
      value: function* (): Generator<Posting> {
        for (;;) {
          const next = queue.shift();
          if (next !== undefined) yield next;
          else if (isEnded()) return;
          else throw new Error("posting list: the report asked for a posting not read yet");
        }
      },
    });
    const report: ListReport = { postings, matched: 0, total: 0, unreadable: [], ...this.base };
    return this.reporter(report, this.options)[Symbol.iterator]();
  }
}

function unreadableLine(u: UnreadablePosting, catalog: Catalog): string {
  return `posting: ${escapeInline(u.file, "list-notes")}:${u.line}:${u.column}: ${catalog.phrases.couldNotRead(escapeInline(unreadableReason(u, catalog), "list-notes"))} [${u.code}]`;
}

/** The keys named in --where, --sort and --fields. */
function askedKeys(query: ListQuery, fieldKeys: readonly string[]): Set<string> {
  return new Set([...query.where.map((w) => w.key), ...query.sort.map((s) => s.key), ...fieldKeys]);
}

/**
 * A key in --where, --sort or --fields that no posting has and the schema does not declare is
 * most likely a typo: it would quietly match nothing, so say so (and suggest the closest key).
 */
function unknownKeyNotes(query: ListQuery, fieldKeys: readonly string[], keysSeen: ReadonlySet<string>, schema: PostingSchema, phrases: Phrases): string[] {
  const notes: string[] = [];
  for (const key of askedKeys(query, fieldKeys)) {
    if (key === "file" || schema.fieldsByKey.has(key)) continue;
    if (keysSeen.has(key)) continue;
    const suggestion = suggestKey(key, schema);
    notes.push(`posting: ${phrases.noSuchKey(escapeInline(escapeKey(key), "list-notes"), suggestion)}`);
  }
  return notes;
}

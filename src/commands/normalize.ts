// `posting normalize`: show (default), check (--check) or apply (--write) the canonical form.
import { createTwoFilesPatch } from "diff";
import { loadConfig } from "../core/project/config.js";
import { isKnownEncoding } from "../core/read/encoding.js";
import { phrasedError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { summarize } from "../core/report.js";
import { commandCatalog, discoveryFor, openCache, resolveInputs } from "./inputs.js";
import type { ResolvedConfig } from "../core/project/config.js";
import { describeChanges, describeRepairsByLine, normalizeBytes } from "../core/normalize/normalize.js";
import { checkPaths, normalizePaths } from "../core/normalize/normalize-files.js";
import type { NormalizeCheckResult } from "../core/normalize/normalize-files.js";
import type { NormalizeResult } from "../core/normalize/normalize.js";
import { escapeControl, escapeInline } from "../core/sanitize.js";
import { loadSchema } from "../core/schema/schema.js";
import type { CliIO } from "../io.js";
import { readAll, useColor } from "../io.js";
import type { Catalog } from "../core/messages/types.js";
import { stylish } from "../reporters/stylish.js";
import { STDIN_DEFAULT_NAME } from "./lint.js";
import { noPostingsError } from "../core/files/targets.js";
import { EXIT } from "../core/exit-codes.js";

export interface NormalizeCommandOptions {
  /** `--lang fr|en`. */
  lang?: string;
  /** `--allow-empty`: paths that hold no posting are not an error. */
  allowEmpty?: boolean;
  check?: boolean;
  write?: boolean;
  schema?: string;
  config?: string;
  encoding?: string;
  fromEncoding?: string;
  stdinFilename?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  /** Today's full style as well: schema key order, one quoting style, block lists. */
  canonical?: boolean;
}

export async function normalizeCommand(paths: string[], options: NormalizeCommandOptions, io: CliIO, version = ""): Promise<number> {
  if (options.check && options.write) throw phrasedError((p) => p.checkAndWrite);
  if ((options.cache || options.cacheLocation !== undefined) && !options.check) throw phrasedError((p) => p.cacheNeedsCheck);
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const catalog = commandCatalog(options.lang, config, io);
  const fromEncoding = options.fromEncoding;
  if (fromEncoding && !isKnownEncoding(fromEncoding)) throw phrasedError((p) => p.config.unknownEncoding(fromEncoding));
  const style = options.canonical ? "canonical" : config.normalizeStyle;
  const normalizeOptions = { schema, legacyEncoding: config.encoding, style, ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}) };

  if (paths.length === 1 && paths[0] === "-") {
    const name = options.stdinFilename ?? STDIN_DEFAULT_NAME;
    const input = await readAll(io.stdin);
    const result = normalizeBytes(name, input, normalizeOptions);
    // --check on standard input: nothing on standard output, exit 1 when it would change.
    if (options.check) {
      reportFindings([{ file: name, findings: result.findings }], options, io, catalog);
      return result.status === "changed" || result.status === "refused" || result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    }
    // A filter must give back exactly what it was given when it changes nothing (an editor's
    // format-on-save would otherwise replace a legacy-encoded file with decoded, lossy text).
    io.stdout.write(result.status === "changed" ? result.output : input);
    reportFindings([{ file: name, findings: result.findings }], options, io, catalog);
    return result.status === "refused" || result.findings.length > 0 ? EXIT.findings : EXIT.clean;
  }
  if (paths.includes("-")) throw phrasedError((p) => p.stdinAlone);

  const inputs = resolveInputs(paths, config);
  if (!inputs) throw phrasedError((p) => p.noInput("normalize"));
  // --check needs only each file's verdict: it can run on worker threads (checkPaths).
  const results: readonly (NormalizeResult | NormalizeCheckResult)[] = options.check
    ? await checkPaths(inputs, { ...normalizeOptions, cwd: io.cwd, discovery: discoveryFor(config, io, "checked", catalog.phrases), env: io.env, ...(options.cache ? { cache: await openCheckCache(options, config, io, version, catalog) } : {}) })
    : await normalizePaths(inputs, { ...normalizeOptions, cwd: io.cwd, discovery: discoveryFor(config, io, "normalized", catalog.phrases), write: options.write === true });
  if (results.length === 0 && !options.allowEmpty) throw noPostingsError(inputs);

  const changed = results.filter((r) => r.status === "changed");
  for (const r of changed) {
    const file = escapeInline(r.file, "normalize");
    if (options.check) {
      io.stdout.write(`${file}\n`);
      continue;
    }
    if (!("changes" in r)) continue;
    if (options.write) {
      io.stdout.write(`${catalog.phrases.fixedFile(file, describeChanges(r.changes, catalog).map((c) => escapeInline(c, "normalize")).join("; "))}\n`);
      for (const line of describeRepairsByLine(r.changes.mojibake, catalog)) io.stdout.write(`  ${escapeInline(line, "normalize")}\n`);
    }
    else io.stdout.write(diffOf(r, catalog));
  }
  reportFindings(results, options, io, catalog);

  const refused = results.filter((r) => r.status === "refused").length;
  const unchanged = results.length - changed.length - refused;
  io.stderr.write(`${catalog.phrases.normalizeSummary({ files: results.length, changed: changed.length, unchanged, refused, write: options.write === true, canonical: style === "canonical" })}\n`);
  const needsHuman = results.some((r) => r.status === "refused" || r.findings.length > 0);
  if (options.check && changed.length > 0) return EXIT.findings;
  return needsHuman ? EXIT.findings : EXIT.clean;
}

function diffOf(result: Extract<NormalizeResult, { status: "changed" }>, catalog: Catalog): string {
  const header = escapeInline(describeChanges(result.changes, catalog).join("; "), "diff");
  // The file name is one line of the header: a line break in it must not start a line of its own.
  const file = escapeInline(result.file, "diff");
  const sep = file.startsWith("/") ? "" : "/";
  const patch = createTwoFilesPatch(`a${sep}${file}`, `b${sep}${file}`, result.before, result.after, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with a "====" line (and an "Index:" line naming the file); keep the familiar ---/+++ header.
  return `# ${header}\n${escapeControl(patch.replace(/^(?:Index: .*\n)?=+\n/, ""), "diff")}`;
}

function reportFindings(results: readonly { file: string; findings: Finding[] }[], options: NormalizeCommandOptions, io: CliIO, catalog: Catalog): void {
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (withFindings.length === 0) return;
  const report = summarize(withFindings.map((r) => ({ file: r.file, findings: r.findings })));
  io.stderr.write(stylish(report, { color: useColor(io.stderr, io.env, options.color), catalog }));
}

async function openCheckCache(options: NormalizeCommandOptions, config: ResolvedConfig, io: CliIO, version: string, catalog: Catalog) {
  const cache = await openCache(options.cacheLocation, config, io, version);
  if (cache.warning) io.stderr.write(`posting: ${catalog.phrases.warning} ${escapeInline(cache.warning)}\n`);
  return cache;
}

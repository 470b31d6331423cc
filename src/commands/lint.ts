// `posting lint`: validate postings and report findings; exit 1 when any error is found.
import { loadConfig } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { enPhrases } from "../core/messages/phrases-en.js";
import { escapeInline } from "../core/sanitize.js";
import type { FileResult } from "../core/lint/lint.js";
import { openCache, resolveInputs } from "./inputs.js";
import { countBySeverity } from "../core/findings.js";
import { catalogFor, resolveLang } from "../core/messages/lang.js";
import { lintProjectPrinted } from "../core/lint/project.js";
import type { Printer } from "../core/lint/lint-cache.js";
import type { LintProjectOptions } from "../core/lint/project.js";
import { displayPath } from "../core/files/targets.js";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { CliIO } from "../io.js";
import { readAll, useColor } from "../io.js";
import { getReporterParts } from "../reporters/index.js";
import { addToTotals, blockAfter, countsOf, EMPTY_TOTALS } from "../reporters/parts.js";
import { ReportWriter } from "./report-writer.js";
import { EXIT } from "../core/exit-codes.js";

export interface LintCommandOptions {
  format: string;
  quiet?: boolean;
  maxWarnings?: number;
  schema?: string;
  config?: string;
  stdinFilename?: string;
  color?: boolean;
  encoding?: string;
  cache?: boolean;
  cacheLocation?: string;
  /** Lint what is staged (the index), not the working copy. */
  staged?: boolean;
  /** Lint only the files changed since this ref (true: the merge base with the default branch). */
  changed?: string | true;
  /** `--ignore-pattern` (repeatable). */
  ignorePattern?: string[];
  allowEmpty?: boolean;
  /** `--lang fr|en`: the language of the messages. */
  lang?: string;
}

export const STDIN_DEFAULT_NAME = "<stdin>";

export async function lintCommand(paths: string[], options: LintCommandOptions, io: CliIO, version: string): Promise<number> {
  const parts = getReporterParts(options.format);
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  // `--changed content/_jobs`: commander reads the folder as the optional ref; as git does, a
  // word that is not a revision but a path is a path.
  if (typeof options.changed === "string") {
    const { isCommit } = await import("../core/project/git.js");
    if (!isCommit(io.cwd, options.changed) && existsSync(resolve(io.cwd, options.changed))) {
      paths = [options.changed, ...paths];
      options = { ...options, changed: true };
    }
  }
  const inputs = resolveInputs(paths, config);
  if (!inputs) throw phrasedError((p) => p.noInput("lint"));

  const fileInputs = inputs.filter((p) => p !== "-");
  if ((options.staged || options.changed !== undefined) && fileInputs.length !== inputs.length) throw phrasedError((p) => p.gitNotStdin(options.staged ? "--staged" : "--changed"));
  if (options.staged && options.changed !== undefined) throw phrasedError((p) => p.stagedAndChanged);
  const stdin = fileInputs.length !== inputs.length ? { name: options.stdinFilename ?? STDIN_DEFAULT_NAME, bytes: await readAll(io.stdin) } : undefined;
  const selection = options.staged || options.changed !== undefined ? await gitSelection(fileInputs, options, io.cwd) : {};
  const cache = options.cache ? { cache: await openLintCache(options.cacheLocation, config, io, version) } : {};
  const lang = resolveLang({ flag: options.lang, config: config.lang, env: io.env, fallback: "en" });
  const catalog = catalogFor(lang);
  const { phrases } = catalog;
  if (cache.cache?.warning) io.stderr.write(`posting: ${phrases.warning} ${escapeInline(cache.cache.warning)}\n`);
  const reporterOptions = { color: useColor(io.stdout, io.env, options.color), version, catalog };
  const quiet = options.quiet === true;
  // Each file's block and counts, as the cache keeps them for the next run to print again.
  const printer: Printer = {
    key: `${options.format}:${reporterOptions.color ? "color" : "plain"}:${lang}${quiet ? ":quiet" : ""}`,
    color: reporterOptions.color,
    print: (result) => {
      const kept = quiet ? onlyErrors(result) : result;
      const { errors, warnings, fixable, findings } = countsOf(kept);
      // Fields named rather than spread: see countsOf. Without -q every warning is shown.
      const allWarnings = quiet ? countBySeverity(result.findings).warnings : warnings;
      return { block: parts.file(kept, reporterOptions), errors, warnings, fixable, findings, allWarnings };
    },
  };

  // Each file's block is written as soon as its findings are final (cross-file ones included);
  // nothing of a file is kept but the totals.
  const writer = new ReportWriter(io.stdout, parts.totalsFirst);
  let shown = EMPTY_TOTALS;
  let warningCount = 0;
  try {
    if (!parts.totalsFirst) writer.write(parts.header(EMPTY_TOTALS, reporterOptions));
    const discovery = {
      ...(options.ignorePattern ? { ignorePatterns: options.ignorePattern } : {}),
      ...(options.allowEmpty ? { allowEmpty: true } : {}),
      onIgnored: (file: string) => io.stderr.write(`posting: ${phrases.warning} ${phrases.ignored(escapeInline(file), "linted", true)}\n`),
    };
    await lintProjectPrinted(fileInputs, { cwd: io.cwd, config, ...(stdin ? { stdin } : {}), ...cache, ...selection, ...discovery }, printer, (printed) => {
      warningCount += printed.allWarnings;
      writer.write(blockAfter(parts, printed.block, shown));
      shown = addToTotals(shown, printed);
    });
  } catch (error) {
    writer.close();
    throw error;
  }
  const overLimit = options.maxWarnings !== undefined && warningCount > options.maxWarnings;
  // -q hides the warnings, but when they fail the run the summary counts them (not "no problems").
  const totals = options.quiet && overLimit ? { ...shown, warningCount } : shown;
  writer.finish(parts.totalsFirst ? parts.header(totals, reporterOptions) : "", parts.footer(totals, reporterOptions));

  if (shown.errorCount > 0) return EXIT.findings;
  if (overLimit) {
    io.stderr.write(`posting: ${phrases.tooManyWarnings(warningCount, options.quiet === true, options.maxWarnings ?? 0)}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/**
 * --staged: the staged postings, as the index holds them, reported under their working-copy
 * paths; --changed: the files changed since the ref. Either way the rest of the collection (the
 * working copy) is linted too, unreported, so the cross-file checks (duplicates, file names) see it.
 */
async function gitSelection(inputs: string[], options: LintCommandOptions, cwd: string): Promise<Pick<LintProjectOptions, "only" | "given">> {
  const { changedFiles, stagedBytes, stagedFiles } = await import("../core/project/git.js");
  const shown = (file: string) => displayPath(resolve(cwd, file), cwd);
  if (options.staged) {
    const given = stagedFiles(cwd, inputs).map((file) => ({ name: shown(file), bytes: stagedBytes(cwd, file) }));
    return { only: new Set(given.map((g) => g.name)), given };
  }
  const ref = options.changed === true ? undefined : options.changed;
  return { only: new Set(changedFiles(cwd, ref, inputs).map(shown)) };
}

async function openLintCache(...args: Parameters<typeof openCache>) {
  const { LintCache } = await import("../core/lint/lint-cache.js");
  return LintCache.of(await openCache(...args));
}

function onlyErrors(result: FileResult): FileResult {
  return { file: result.file, findings: result.findings.filter((f) => f.severity === "error") };
}

export function noInputMessage(command: string): string {
  return enPhrases.noInput(command);
}

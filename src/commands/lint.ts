// `posting lint`: validate postings and report findings; exit 1 when any error is found.
import { loadConfig } from "../core/project/config.js";
import { UserError } from "../core/errors.js";
import { escapeInline } from "../core/sanitize.js";
import type { FileResult } from "../core/lint/lint.js";
import { openCache, resolveInputs } from "./inputs.js";
import { countBySeverity } from "../core/findings.js";
import { en } from "../core/messages/word.js";
import { lintProjectEach } from "../core/lint/project.js";
import type { CliIO } from "../io.js";
import { readAll, useColor } from "../io.js";
import { getReporterParts } from "../reporters/index.js";
import { addToTotals, EMPTY_TOTALS } from "../reporters/parts.js";
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
  /** `--ignore-pattern` (repeatable). */
  ignorePattern?: string[];
  allowEmpty?: boolean;
}

export const STDIN_DEFAULT_NAME = "<stdin>";

export async function lintCommand(paths: string[], options: LintCommandOptions, io: CliIO, version: string): Promise<number> {
  const parts = getReporterParts(options.format);
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const inputs = resolveInputs(paths, config);
  if (!inputs) throw new UserError(noInputMessage("lint"));

  const fileInputs = inputs.filter((p) => p !== "-");
  const stdin = fileInputs.length !== inputs.length ? { name: options.stdinFilename ?? STDIN_DEFAULT_NAME, bytes: await readAll(io.stdin) } : undefined;
  const cache = options.cache ? { cache: await openLintCache(options.cacheLocation, config, io, version) } : {};
  if (cache.cache?.warning) io.stderr.write(`posting: warning: ${escapeInline(cache.cache.warning)}\n`);
  const reporterOptions = { color: useColor(io.stdout, io.env, options.color), version, catalog: en };

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
      onIgnored: (file: string) => io.stderr.write(`posting: warning: ${escapeInline(file)} is ignored (config "ignore" or --ignore-pattern); not linted\n`),
    };
    await lintProjectEach(fileInputs, { cwd: io.cwd, config, ...(stdin ? { stdin } : {}), ...cache, ...discovery }, (result) => {
      warningCount += countBySeverity(result.findings).warnings;
      const kept = options.quiet ? onlyErrors(result) : result;
      writer.write(parts.file(kept, shown, reporterOptions));
      shown = addToTotals(shown, kept);
    });
  } catch (error) {
    writer.close();
    throw error;
  }
  writer.finish(parts.totalsFirst ? parts.header(shown, reporterOptions) : "", parts.footer(shown, reporterOptions));

  if (shown.errorCount > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    io.stderr.write(`posting: ${warningCount} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

async function openLintCache(...args: Parameters<typeof openCache>) {
  const { LintCache } = await import("../core/lint/lint-cache.js");
  return LintCache.of(await openCache(...args));
}

function onlyErrors(result: FileResult): FileResult {
  return { file: result.file, findings: result.findings.filter((f) => f.severity === "error") };
}

export function noInputMessage(command: string): string {
  return `no postings to ${command}: pass files or folders (for example \`posting ${command} content/_jobs\`), or create a posting.config.json with "content": ["content/_jobs"]`;
}

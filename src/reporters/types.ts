import type { Finding, WordedFinding } from "../core/findings.js";
import type { FileFindings as CoreFileResult, LintReport as CoreLintReport } from "../core/report.js";
import type { Catalog } from "../core/messages/word.js";

/** Reporters word raw findings (the core's) with the catalog; worded ones (the library API's) pass as they are. */
type FileResult = CoreFileResult<Finding | WordedFinding>;
type LintReport = CoreLintReport<Finding | WordedFinding>;

export interface ReporterOptions {
  /** Emit ANSI colours (only when the stream is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** Tool version, for formats that record it (SARIF, JSON). */
  version?: string;
  /** The words of the findings. Default: English. */
  catalog?: Catalog;
}

/** A reporter is pure: the same report and options always give the same text. */
export type Reporter = (report: LintReport, options: ReporterOptions) => string;

/** Running totals over the files reported so far (or all of them, for a header or footer). */
export interface ReportTotals {
  fileCount: number;
  errorCount: number;
  warningCount: number;
  /** Files with at least one error. */
  failedFileCount: number;
  fixableCount: number;
  findingCount: number;
}

/**
 * A reporter in three pure parts, so a command can write each file's block as soon as it is
 * final: the whole text is header(totals) + blockAfter(file(r1), totals before r1) + … +
 * footer(totals) (parts.ts). A block depends on its file and the options alone, the files before
 * it choosing only the separator put in front of it: so the `--cache` run prints the blocks it stored.
 */
export interface ReporterParts {
  /** The header needs the totals over all files (json, junit): the file blocks are held back. */
  totalsFirst: boolean;
  /** `totals` are those of the whole run when totalsFirst, else the empty totals. */
  header(totals: ReportTotals, options: ReporterOptions): string;
  /** One file's block, as if no file came before it. */
  file(result: FileResult, options: ReporterOptions): string;
  /** What a non-empty block needs in front of it, given the totals of the files before it (a comma between JSON elements); nothing when absent. */
  separator?(before: ReportTotals): string;
  footer(totals: ReportTotals, options: ReporterOptions): string;
}

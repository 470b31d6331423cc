// Reporters built from parts (types.ts ReporterParts): the whole-report function and the
// streaming command use the same parts, so both give the same bytes.
import type { Finding, WordedFinding } from "../core/findings.js";
import { countBySeverity } from "../core/findings.js";
import type { FileFindings as FileResult } from "../core/report.js";
import type { Reporter, ReporterParts, ReportTotals } from "./types.js";

export const EMPTY_TOTALS: ReportTotals = { fileCount: 0, errorCount: 0, warningCount: 0, failedFileCount: 0, fixableCount: 0, findingCount: 0 };

/** What one file's block adds to the totals. */
export interface BlockCounts {
  errors: number;
  warnings: number;
  fixable: number;
  findings: number;
}

export function countsOf(result: FileResult<Finding | WordedFinding>): BlockCounts {
  // Fields named, not `{ ...countBySeverity(), findings }`: on Node 20 an object spread followed
  // by more keys costs microseconds (a slow clone and map transition), once per file.
  const { errors, warnings, fixable } = countBySeverity(result.findings);
  return { errors, warnings, fixable, findings: result.findings.length };
}

/** `totals` with one more file. */
export function addToTotals(totals: ReportTotals, { errors, warnings, fixable, findings }: BlockCounts): ReportTotals {
  return {
    fileCount: totals.fileCount + 1,
    errorCount: totals.errorCount + errors,
    warningCount: totals.warningCount + warnings,
    failedFileCount: totals.failedFileCount + (errors > 0 ? 1 : 0),
    fixableCount: totals.fixableCount + fixable,
    findingCount: totals.findingCount + findings,
  };
}

/** The whole-report reporter of `parts`. */
export function reporterOf(parts: ReporterParts): Reporter {
  return (report, options) => {
    let totals = EMPTY_TOTALS;
    const blocks: string[] = [];
    for (const result of report.results) {
      blocks.push(blockAfter(parts, parts.file(result, options), totals));
      totals = addToTotals(totals, countsOf(result));
    }
    return `${parts.header(parts.totalsFirst ? totals : EMPTY_TOTALS, options)}${blocks.join("")}${parts.footer(totals, options)}`;
  };
}

/** A file's block as written after the files `before` it: with the separator its reporter puts between blocks. */
export function blockAfter(parts: ReporterParts, block: string, before: ReportTotals): string {
  return block === "" || !parts.separator ? block : `${parts.separator(before)}${block}`;
}

/** Lines, each ended by a newline. */
export function linesOf(lines: readonly string[]): string {
  let text = "";
  for (const line of lines) text += `${line}\n`;
  return text;
}

/** JSON text placed `depth` spaces in (every line but the first gets them after its newline). */
export function indented(json: string, depth: number): string {
  const pad = " ".repeat(depth);
  return `${pad}${json.replace(/\n/g, `\n${pad}`)}`;
}

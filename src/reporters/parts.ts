// Reporters built from parts (types.ts ReporterParts): the whole-report function and the
// streaming command use the same parts, so both give the same bytes.
import type { Finding, WordedFinding } from "../core/findings.js";
import { countBySeverity } from "../core/findings.js";
import type { FileFindings as FileResult } from "../core/report.js";
import type { Reporter, ReporterParts, ReportTotals } from "./types.js";

export const EMPTY_TOTALS: ReportTotals = { fileCount: 0, errorCount: 0, warningCount: 0, failedFileCount: 0, fixableCount: 0, findingCount: 0 };

/** `totals` with one more file. */
export function addToTotals(totals: ReportTotals, result: FileResult<Finding | WordedFinding>): ReportTotals {
  const { errors, warnings, fixable } = countBySeverity(result.findings);
  return {
    fileCount: totals.fileCount + 1,
    errorCount: totals.errorCount + errors,
    warningCount: totals.warningCount + warnings,
    failedFileCount: totals.failedFileCount + (errors > 0 ? 1 : 0),
    fixableCount: totals.fixableCount + fixable,
    findingCount: totals.findingCount + result.findings.length,
  };
}

/** The whole-report reporter of `parts`. */
export function reporterOf(parts: ReporterParts): Reporter {
  return (report, options) => {
    let totals = EMPTY_TOTALS;
    const blocks: string[] = [];
    for (const result of report.results) {
      blocks.push(parts.file(result, totals, options));
      totals = addToTotals(totals, result);
    }
    return `${parts.header(parts.totalsFirst ? totals : EMPTY_TOTALS, options)}${blocks.join("")}${parts.footer(totals, options)}`;
  };
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

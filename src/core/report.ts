// A run's findings, file by file, and their totals: what lint and normalize hand to the reporters.
import type { Finding, Severity } from "./findings.js";
import { countBySeverity } from "./findings.js";

/** One file's findings: raw (args) in the core; the library API hands them out worded. */
export interface FileFindings<F = Finding> {
  file: string;
  findings: F[];
}

export interface LintReport<F = Finding> {
  results: FileFindings<F>[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

export function summarize<F extends { severity: Severity }>(results: FileFindings<F>[]): LintReport<F> {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    const { errors, warnings } = countBySeverity(r.findings);
    errorCount += errors;
    warningCount += warnings;
  }
  return { results, errorCount, warningCount, fileCount: results.length };
}

// A run's findings, file by file, and their totals: what lint and normalize hand to the reporters.
import type { Finding } from "./findings.js";
import { countBySeverity } from "./findings.js";

export interface FileFindings {
  file: string;
  findings: Finding[];
}

export interface LintReport {
  results: FileFindings[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

export function summarize(results: FileFindings[]): LintReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    const { errors, warnings } = countBySeverity(r.findings);
    errorCount += errors;
    warningCount += warnings;
  }
  return { results, errorCount, warningCount, fileCount: results.length };
}

// Machine output with a stable, documented shape (README: "JSON output").
import type { Reporter } from "./types.js";

export const JSON_REPORT_VERSION = 1;

export const json: Reporter = (report) =>
  `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      fileCount: report.fileCount,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      files: report.results.map((r) => ({ file: r.file, findings: r.findings })),
    },
    null,
    2,
  )}\n`;

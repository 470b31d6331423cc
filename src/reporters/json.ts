// Machine output with a stable, documented shape (README: "JSON output").
import { wordFindings } from "../core/messages/word.js";
import { escapeJsonText } from "../core/sanitize.js";
import { indented, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const JSON_REPORT_VERSION = 1;

/** JSON.stringify, indented, with terminal-unsafe characters escaped; ends with a newline. */
export function stringifySafely(value: unknown, caller = "json"): string {
  return `${escapeJsonText(JSON.stringify(value, null, 2), caller)}\n`;
}


// The document is { version, counts, files: [ … ] }: the header is its text up to the files'
// opening bracket, each file an element of that array (indented as JSON.stringify would).
export const jsonParts: ReporterParts = {
  totalsFirst: true,
  header: (totals) => {
    const head = JSON.stringify({ version: JSON_REPORT_VERSION, fileCount: totals.fileCount, errorCount: totals.errorCount, warningCount: totals.warningCount, files: [] }, null, 2);
    return escapeJsonText(head.slice(0, head.lastIndexOf("]")), "json");
  },
  file: (result, options) => `\n${indented(escapeJsonText(JSON.stringify({ file: result.file, findings: wordFindings(result.findings, options.catalog) }, null, 2), "json"), 4)}`,
  separator: (before) => (before.fileCount > 0 ? "," : ""),
  footer: (totals) => (totals.fileCount === 0 ? "]\n}\n" : "\n  ]\n}\n"),
};

export const json: Reporter = reporterOf(jsonParts);

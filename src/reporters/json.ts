// Machine output with a stable, documented shape (README: "JSON output").
import { indented, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const JSON_REPORT_VERSION = 1;

// JSON.stringify escapes C0 controls but not DEL, C1 controls (U+009B is a CSI on some terminals)
// or bidi overrides; \u escapes keep the same parsed value and make the output safe to print.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, indented, with the characters above escaped; ends with a newline. */
export function stringifySafely(value: unknown): string {
  return `${safe(JSON.stringify(value, null, 2))}\n`;
}

/** JSON text with the characters above escaped. */
function safe(text: string): string {
  return text.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// The document is { version, counts, files: [ … ] }: the header is its text up to the files'
// opening bracket, each file an element of that array (indented as JSON.stringify would).
export const jsonParts: ReporterParts = {
  totalsFirst: true,
  header: (totals) => {
    const head = JSON.stringify({ version: JSON_REPORT_VERSION, fileCount: totals.fileCount, errorCount: totals.errorCount, warningCount: totals.warningCount, files: [] }, null, 2);
    return safe(head.slice(0, head.lastIndexOf("]")));
  },
  file: (result, before) => `${before.fileCount > 0 ? "," : ""}\n${indented(safe(JSON.stringify({ file: result.file, findings: result.findings }, null, 2)), 4)}`,
  footer: (totals) => (totals.fileCount === 0 ? "]\n}\n" : "\n  ]\n}\n"),
};

export const json: Reporter = reporterOf(jsonParts);

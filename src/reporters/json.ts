// Machine output with a stable, documented shape (README: "JSON output").
import type { Reporter } from "./types.js";

export const JSON_REPORT_VERSION = 1;

// JSON.stringify escapes C0 controls but not DEL, C1 controls (U+009B is a CSI on some terminals)
// or bidi overrides; \u escapes keep the same parsed value and make the output safe to print.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, indented, with the characters above escaped; ends with a newline. */
export function stringifySafely(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

export const json: Reporter = (report) =>
  stringifySafely({
    version: JSON_REPORT_VERSION,
    fileCount: report.fileCount,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    files: report.results.map((r) => ({ file: r.file, findings: r.findings })),
  });

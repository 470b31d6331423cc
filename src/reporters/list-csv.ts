// CSV per RFC 4180 (CRLF, quotes doubled, fields with `,` `"` or line breaks quoted), UTF-8.
// `--excel`: what a spreadsheet set to French opens as columns of accented text, a UTF-8 byte
// order mark first and `;` between fields (`,` is the decimal separator there).
// Cells are untrusted: control characters other than tab and line breaks are made visible, and a
// cell a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading single quote.
import { columnValue } from "../core/list/list.js";
import { escapeControl, escapeKey } from "../core/sanitize.js";
import { cellText } from "./list-cells.js";
import type { ListReporter } from "./list-types.js";

export const listCsv: ListReporter = function* (report, options) {
  const separator = options.excel ? ";" : ",";
  yield `${options.excel ? "\uFEFF" : ""}${csvRow(report.columns.map((c) => escapeControl(escapeKey(c.key), "list-csv")), separator)}`;
  for (const p of report.postings) yield csvRow(report.columns.map((c) => csvCell(columnValue(p, c))), separator);
};

function csvRow(cells: readonly string[], separator: "," | ";"): string {
  return `${cells.map((cell) => csvField(cell, separator)).join(separator)}\r\n`;
}

/** The cell text of a value, guarded against formula injection. Plain numbers stay numbers. */
export function csvCell(value: unknown): string {
  const text = escapeControl(cellText(value), "list-csv");
  if (typeof value === "number") return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(text: string, separator: "," | ";" = ","): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

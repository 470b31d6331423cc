// Machine output: a JSON array, or one JSON object per line (NDJSON). Each record is
// `{ file, date, open, data }` with the front matter as parsed, or just the chosen `--fields`.
import type { Posting } from "../core/list/list-query.js";
import { columnValue } from "../core/list/list.js";
import type { ListReport, ListReporter } from "./list-types.js";
import { escapeJsonText } from "../core/sanitize.js";

/** What JSON.stringify(records, null, 2) prints, one record at a time. */
export const listJson: ListReporter = function* (report) {
  if (report.postings.length === 0) {
    yield "[]\n";
    return;
  }
  let separator = "[\n";
  for (const record of records(report)) {
    // Inside the array each record is indented one level: JSON has no raw newline but its own.
    yield `${separator}  ${escapeJsonText(JSON.stringify(record, null, 2), "list-json").replace(/\n/g, "\n  ")}`;
    separator = ",\n";
  }
  yield "\n]\n";
};

export const listNdjson: ListReporter = function* (report) {
  for (const record of records(report)) yield `${escapeJsonText(JSON.stringify(record), "list-json")}\n`;
};

function* records(report: ListReport): Generator<Record<string, unknown>> {
  for (const p of report.postings) yield report.columnsChosen ? chosenFields(p, report) : fullRecord(p);
}

function fullRecord(p: Posting): Record<string, unknown> {
  // Without an open key in the schema (`x-role: "open"`) whether it is open is unknown, not false.
  return { file: p.file, date: p.date ?? null, open: p.roleKeys.open === undefined ? null : p.open, data: p.data };
}

function chosenFields(p: Posting, report: ListReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of report.columns) out[column.key] = columnValue(p, column) ?? null;
  return out;
}

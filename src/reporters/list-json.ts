// Machine output: a JSON array, or one JSON object per line (NDJSON). Each record is
// `{ file, date, open, data }` with the front matter as parsed, or just the chosen `--fields`.
import type { Posting } from "../core/list/list-query.js";
import { columnValue } from "../core/list/list.js";
import type { ListReport, ListReporter } from "./list-types.js";

export const listJson: ListReporter = (report) => `${safeJson(JSON.stringify(records(report), null, 2))}\n`;

export const listNdjson: ListReporter = (report) => records(report).map((r) => `${safeJson(JSON.stringify(r))}\n`).join("");

function records(report: ListReport): Record<string, unknown>[] {
  return report.postings.map((p) => (report.columnsChosen ? chosenFields(p, report) : fullRecord(p)));
}

function fullRecord(p: Posting): Record<string, unknown> {
  return { file: p.file, date: p.date ?? null, open: p.open, data: p.data };
}

function chosenFields(p: Posting, report: ListReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of report.columns) out[column.key] = columnValue(p, column) ?? null;
  return out;
}

// JSON.stringify leaves C1 controls, bidi overrides and line separators raw; as \u escapes they
// parse back to the same strings but cannot act on a terminal the output is printed to.
function safeJson(text: string): string {
  return text.replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

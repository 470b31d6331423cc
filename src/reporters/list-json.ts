// Machine output: a JSON array, or one JSON object per line (NDJSON). Each record is
// `{ file, date, open, data }` with the front matter as parsed, or just the chosen `--fields`.
import type { Posting } from "../core/list/list-query.js";
import { columnValue } from "../core/list/list.js";
import type { ListReport, ListReporter } from "./list-types.js";
import { escapeJsonText } from "../core/sanitize.js";

export const listJson: ListReporter = (report) => `${escapeJsonText(JSON.stringify(records(report), null, 2))}\n`;

export const listNdjson: ListReporter = (report) => records(report).map((r) => `${escapeJsonText(JSON.stringify(r))}\n`).join("");

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

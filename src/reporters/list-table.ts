// The human listing: a borderless table that fits the terminal, then a summary line.
// Every cell is untrusted text: control characters are made visible (escapeInline) before
// cli-table3 sees them, so a posting cannot move the cursor, recolour or retitle the terminal.
import { painter } from "./paint.js";
import Table from "cli-table3";
import { escapeInline, escapeKey } from "../core/sanitize.js";
import { columnValue } from "../core/list/list.js";
import { displayWidth, tableCellText } from "./list-cells.js";
import type { ListReport, ListReporter } from "./list-types.js";
import type { Phrases } from "../core/messages/phrases.js";
import { enPhrases } from "../core/messages/phrases-en.js";

const GAP = 2;
const MIN_COLUMN = 4;
const CHUNK = 50;
const BORDERLESS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "",
  bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "",
  middle: " ".repeat(GAP),
};

export const listTable: ListReporter = (report, options) => {
  const c = painter(options.color);
  const lines: string[] = [];
  if (report.postings.length > 0) {
    const head = report.columns.map((col) => escapeInline(escapeKey(col.key), "list-table"));
    const rows = report.postings.map((p) => report.columns.map((col) => escapeInline(tableCellText(col, columnValue(p, col)), "list-table")));
    const widths = fitWidths(naturalWidths(head, rows), options.width);
    const table = (first: boolean) =>
      new Table({
        ...(first ? { head: head.map((h) => c.bold(h)) } : {}),
        chars: BORDERLESS,
        colWidths: widths,
        wordWrap: false,
        style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
      });
    // A path is told apart by its end: shorten `file` cells on the left.
    const fileColumn = report.columns.findIndex((col) => col.key === "file");
    if (fileColumn !== -1) for (const row of rows) row[fileColumn] = keepEnd(row[fileColumn]!, widths[fileColumn]!);
    // cli-table3's layout grows faster than linearly with rows; with fixed widths and no borders,
    // tables of CHUNK rows printed one after the other read as one table.
    const chunks: string[][][] = [[widths.map((w) => c.dim("─".repeat(w))), ...rows.slice(0, CHUNK - 1)]];
    for (let i = CHUNK - 1; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
    chunks.forEach((chunk, i) => {
      const t = table(i === 0);
      t.push(...chunk);
      lines.push(...t.toString().split("\n").map((line) => line.trimEnd()));
    });
    lines.push("");
  }
  lines.push(summaryLine(report, options.phrases));
  return [`${lines.join("\n")}\n`];
};

/** "3 postings, 2 open (of 12 read); 1 file could not be read". */
export function summaryLine(report: Pick<ListReport, "postings" | "matched" | "total" | "unreadable" | "hasOpenKey">, phrases: Phrases = enPhrases): string {
  const n = report.postings.length;
  // A schema with no open key (`x-role: "open"`) has no open count to give.
  const noOpenKey = report.hasOpenKey === false || (n > 0 && report.postings.every((p) => p.roleKeys.open === undefined));
  const open = noOpenKey ? undefined : report.postings.filter((p) => p.open).length;
  return phrases.listSummary({ shown: n, open, matched: report.matched, total: report.total, unreadable: report.unreadable.length });
}

function keepEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let kept = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + kept) <= width - 1; i--) kept = chars[i] + kept;
  return `…${kept}`;
}

function naturalWidths(head: readonly string[], rows: readonly string[][]): number[] {
  // reduce, not Math.max(...rows): spreading 100,000+ rows overflows the stack.
  return head.map((h, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? "")), displayWidth(h)));
}

/** Shrink the widest columns one step at a time until the table fits `total` columns. */
export function fitWidths(natural: readonly number[], total: number): number[] {
  const widths = natural.map((w) => Math.max(1, w));
  const available = total - GAP * (widths.length - 1);
  let sum = widths.reduce((a, b) => a + b, 0);
  while (sum > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > MIN_COLUMN && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest === -1) break; // every column at its minimum: let the terminal wrap
    // Jump straight to the next-widest column's width (or just enough), not one column at a time.
    const next = Math.max(MIN_COLUMN, ...widths.filter((_, i) => i !== widest && widths[i]! < widths[widest]!));
    const cut = Math.max(1, Math.min(widths[widest]! - next, sum - available));
    widths[widest] = widths[widest]! - cut;
    sum -= cut;
  }
  return widths;
}

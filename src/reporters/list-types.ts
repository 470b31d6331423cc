// What the `posting list` formats receive: the listed postings and how they were chosen.
import type { Phrases } from "../core/messages/phrases.js";
import type { ListColumn, ListResult } from "../core/list/list.js";

export interface ListReport extends Pick<ListResult, "postings" | "matched" | "total" | "unreadable"> {
  columns: ListColumn[];
  /** True when the user chose the columns (`--fields`); JSON then carries just those. */
  columnsChosen: boolean;
  /** False when the schema marks no key as the open one (`x-role: "open"`): no open count then. */
  hasOpenKey?: boolean;
}

export interface ListReporterOptions {
  color: boolean;
  /** Terminal width the table must fit. */
  width: number;
  /** The words of the summary line (default: English). */
  phrases?: Phrases;
  /** CSV for a spreadsheet set to French (`--excel`): a UTF-8 byte order mark and `;` between fields. */
  excel?: boolean;
}

/**
 * Pure: the same report and options always give the same text, in pieces to write one after the
 * other (JSON, NDJSON and CSV give one per posting, so 100,000 postings never make one string).
 */
export type ListReporter = (report: ListReport, options: ListReporterOptions) => Iterable<string>;

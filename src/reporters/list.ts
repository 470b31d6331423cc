// The registry of `posting list` formats.
import { UserError } from "../core/errors.js";
import type { UnreadablePosting } from "../core/list/list.js";
import type { Catalog } from "../core/messages/word.js";
import { en, wordFinding } from "../core/messages/word.js";
import { listCsv } from "./list-csv.js";
import { listJson, listNdjson } from "./list-json.js";
import { listTable } from "./list-table.js";
import type { ListReporter } from "./list-types.js";

export const LIST_FORMATS = { table: listTable, json: listJson, ndjson: listNdjson, csv: listCsv } satisfies Record<string, ListReporter>;

export type ListFormatName = keyof typeof LIST_FORMATS;

export function getListReporter(name: string): ListReporter {
  if (Object.hasOwn(LIST_FORMATS, name)) return LIST_FORMATS[name as ListFormatName];
  throw new UserError(`unknown format "${name}" (choose one of: ${Object.keys(LIST_FORMATS).join(", ")})`);
}

/** Why `posting list` could not read a file, in words. */
export function unreadableReason(u: UnreadablePosting, catalog?: Catalog): string {
  return u.why ? wordFinding(u.why, catalog).message : (catalog ?? en).phrases.frontMatterUnread;
}

export { summaryLine } from "./list-table.js";
export type { ListReport, ListReporter, ListReporterOptions } from "./list-types.js";

// The registry of `posting list` formats.
import { UserError } from "../core/errors.js";
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

export { summaryLine } from "./list-table.js";
export type { ListReport, ListReporter, ListReporterOptions } from "./list-types.js";

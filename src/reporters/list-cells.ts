// Turning front matter values into cell text, shared by the table and CSV formats.
import { dayOf, scalarText } from "../core/list/list-query.js";

export const LIST_SEPARATOR = "; ";

/** Text of a value: lists joined with "; ", objects as compact JSON, missing values empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => (v === null || v === undefined ? "" : (scalarText(v) ?? JSON.stringify(v)))).join(LIST_SEPARATOR);
  return scalarText(value) ?? JSON.stringify(value);
}

/** The table shows the day of the posting's date-time: the time of publication is noise in a listing. */
export function tableCellText(column: { day?: boolean }, value: unknown): string {
  if (column.day) return dayOf(value) ?? cellText(value);
  return cellText(value);
}

// Made on first use and kept: a `\p{…}` class costs its Unicode table when made, and a bundler
// that writes the literal as `new RegExp(…)` (esbuild, unless told otherwise: scripts/build.mjs)
// would make it again for every character inside the loop.
let zeroWidth: RegExp | undefined;

/** Columns a string takes in a terminal, near enough to lay a table out (combining marks take none, CJK two). */
export function displayWidth(text: string): number {
  let width = 0;
  zeroWidth ??= /\p{M}|\u200b|\u200d|\ufeff/u;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (zeroWidth.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

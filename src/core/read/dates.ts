// Dates are validated as text, as written: no Date objects, so no time-zone shift can creep in.
import { basename } from "node:path";
import type { DateReason } from "../findings.js";
import { en } from "../messages/en.js";

const JEKYLL_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[ \t]*(?:[Zz]|[+-]\d{2}(?::?\d{2})?))?)?$/;

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** `YYYY-MM-DD`, optionally followed by a time and zone, the way Jekyll writes dates. */
export function isJekyllDate(text: string): boolean {
  const m = JEKYLL_DATE.exec(text);
  if (!m) return false;
  if (!isRealCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 60)) return false;
  }
  return true;
}

/** Day part (`YYYY-MM-DD`) of a Jekyll date text, else undefined. */
export function dayOf(value: unknown): string | undefined {
  return typeof value === "string" && isJekyllDate(value) ? value.slice(0, 10) : undefined;
}

/**
 * `2026-11-20` from `2026-11-20-developpeur.md` (a path or a name), as Jekyll dates collection
 * files; undefined when the name does not start with `YYYY-MM-DD-` or that is no real date.
 */
export function dateFromFileName(file: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})-/.exec(basename(file));
  return m && isJekyllDate(m[1]!) ? m[1] : undefined;
}

/** Why a date-like text is not a valid date, when it is close to one, in English. */
export function explainBadDate(text: string): string | undefined {
  const why = badDateReason(text);
  return why && en.words.dateReason(why);
}

/** Why a date-like text is not a valid date, when it is close to one, as data (the catalogs word it). */
export function badDateReason(text: string): DateReason | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m && !isRealCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { kind: "unreal", text: m[0] };
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(text)) return { kind: "write-iso" };
  return undefined;
}

/** `reason`: in English; `why`: the same as data. */
export type DateRewrite = { kind: "iso"; value: string } | { kind: "ambiguous"; reason: string; why: DateReason } | { kind: "invalid"; reason: string; why: DateReason };

/**
 * A day-first date (`24/06/2021`, `24.06.2021`, as French postings write them) to ISO, only
 * when the reading is certain: when both numbers could be a month, the date is ambiguous.
 */
export function rewriteDayFirstDate(text: string): DateRewrite | undefined {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  const pad = (n: number) => String(n).padStart(2, "0");
  const dayFirst = isRealCalendarDate(year, b, a);
  const monthFirst = isRealCalendarDate(year, a, b);
  if (dayFirst && monthFirst && a !== b) {
    const why: DateReason = { kind: "ambiguous", text, dayFirst: `${year}-${pad(b)}-${pad(a)}`, monthFirst: `${year}-${pad(a)}-${pad(b)}` };
    return { kind: "ambiguous", reason: en.words.dateReason(why), why };
  }
  if (dayFirst) return { kind: "iso", value: `${year}-${pad(b)}-${pad(a)}` };
  if (monthFirst) return { kind: "iso", value: `${year}-${pad(a)}-${pad(b)}` };
  const why: DateReason = { kind: "unreal", text };
  return { kind: "invalid", reason: en.words.dateReason(why), why };
}

/** Today's date as YYYY-MM-DD in the local time zone (what a recruiter means by "today"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

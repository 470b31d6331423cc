// A date as a person types it (a prompt, `posting new --date`, `--set date=…`, `--from-json`), the
// one rule: ISO `YYYY-MM-DD` (or a Jekyll date-time) as written; in French, `JJ/MM/AAAA` (also
// with `.` or `-`) is day first, as French people write dates, so `05/06/2026` is 2026-06-05. In
// English the same text reads month first as often as day first, so it is refused with the reason
// rather than guessed. Dates in files are another matter (normalize's DATE_AMBIGUOUS, dates.ts).
import { isJekyllDate, isRealCalendarDate } from "../read/dates.js";
import type { Lang } from "../messages/lang.js";

export type TypedDate =
  /** The date to keep, ISO. */
  | { kind: "date"; value: string }
  /** Looks like a date but is none (`31/02/2026`, `2026-02-30`): `iso` is how it reads. */
  | { kind: "unreal"; iso: string }
  /** `05/06/2026` in English: day and month cannot be told apart. */
  | { kind: "day-month-order" }
  /** Not written as a date at all. */
  | { kind: "not-a-date" };

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

const pad = (n: number) => String(n).padStart(2, "0");

/** How `text` (trimmed already) reads as a date in `lang`. */
export function readTypedDate(text: string, lang: Lang): TypedDate {
  if (isJekyllDate(text)) return { kind: "date", value: text };
  const iso = ISO_DAY.exec(text);
  if (iso) return isRealCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? { kind: "not-a-date" } : { kind: "unreal", iso: iso[0] };
  const m = DAY_FIRST.exec(text);
  if (!m) return { kind: "not-a-date" };
  if (lang !== "fr") return { kind: "day-month-order" };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isRealCalendarDate(year, month, day) ? { kind: "date", value } : { kind: "unreal", iso: value };
}

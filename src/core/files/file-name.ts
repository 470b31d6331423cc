// File name patterns such as YYYY-MM-DD-slug.md: Jekyll takes a posting's date and URL from its
// file name, so a name with spaces, accents or an impossible date breaks links silently.
import { isRealCalendarDate } from "../read/dates.js";
import type { FileNameReason } from "../findings.js";
import { en } from "../messages/en.js";
import { slugWords } from "../words/slug.js";

// A value that becomes one path segment (config `references`, lint's check and `posting new`'s):
// nothing that could climb out of the folder or name another one.
export const SAFE_SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/;

const TOKENS = /YYYY|MM|DD|slug/g;
const TOKEN_REGEX: Record<string, string> = {
  YYYY: "(?<year>\\d{4})",
  MM: "(?<month>\\d{2})",
  DD: "(?<day>\\d{2})",
  slug: "[A-Za-z0-9][A-Za-z0-9_-]*",
};

const compiled = new Map<string, RegExp>();

/** The regular expression a pattern stands for (anchored; each token at most once as a group). */
export function fileNameRegex(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    const seen = new Set<string>();
    let source = "";
    let last = 0;
    for (const m of pattern.matchAll(TOKENS)) {
      source += escapeRegex(pattern.slice(last, m.index));
      // A repeated date token matches the same way but without a second named group.
      source += seen.has(m[0]) ? TOKEN_REGEX[m[0]]!.replace(/\?<\w+>/, "?:") : TOKEN_REGEX[m[0]]!;
      seen.add(m[0]);
      last = m.index + m[0].length;
    }
    source += escapeRegex(pattern.slice(last));
    regex = new RegExp(`^${source}$`);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Why `name` does not follow `pattern`, in English (the library API); undefined when it does. */
export function fileNameProblem(name: string, pattern: string): string | undefined {
  const reason = fileNameReason(name, pattern);
  return reason && en.words.fileName(reason, pattern);
}

/** Why `name` does not follow `pattern`, as data (FILE_NAME_PATTERN); undefined when it does. */
export function fileNameReason(name: string, pattern: string): FileNameReason | undefined {
  if (/\s/.test(name)) return { kind: "spaces" };
  const nonAscii = [...new Set(name.match(/[^\x20-\x7E]/gu) ?? [])];
  if (nonAscii.length > 0) return { kind: "non-ascii", chars: nonAscii.slice(0, 3).join(" ") };
  const m = fileNameRegex(pattern).exec(name);
  if (!m) return { kind: "shape" };
  const { year, month, day } = m.groups ?? {};
  if (year && month && day && !isRealCalendarDate(Number(year), Number(month), Number(day))) return { kind: "unreal-date", date: `${year}-${month}-${day}` };
  return undefined;
}

/**
 * A name close to `name` that follows `pattern` ("2026-05-11 Chargé de projet.md" →
 * "2026-05-11-charge-de-projet.md"), or undefined when there is no obvious one.
 */
export function suggestFileName(name: string, pattern: string): string | undefined {
  const extension = /\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? "";
  const ascii = slugWords(name.slice(0, name.length - extension.length))
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const candidate = `${ascii}${extension.toLowerCase()}`;
  return candidate !== name && fileNameReason(candidate, pattern) === undefined ? candidate : undefined;
}

/** The YYYY-MM-DD date a file name carries under `pattern`, if any (a real date only, as dateFromFileName). */
export function dateInFileName(name: string, pattern: string): string | undefined {
  const groups = fileNameRegex(pattern).exec(name)?.groups;
  if (!groups?.year || !groups.month || !groups.day || !isRealCalendarDate(Number(groups.year), Number(groups.month), Number(groups.day))) return undefined;
  return `${groups.year}-${groups.month}-${groups.day}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

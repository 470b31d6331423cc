// The thresholds `posting init --infer` decides with, named once. A rule is inferred only when
// the data follows it nearly everywhere; what breaks it is left for lint to report.

/** A rule holds when at least this share of the values follow it (the rest are flagged). */
export const DOMINANT_SHARE = 0.95;
/** …or when all values but one follow it and at least this many do ("a value used once that breaks a pattern followed by all the others"). */
export const OUTLIER_MIN_OTHERS = 4;
/** No rule from fewer values than this: three postings agreeing is a pattern, two is chance. */
export const MIN_SUPPORT = 3;

/** An enum needs at most this many values… */
export const ENUM_MAX_VALUES = 8;
/** …each used at least this many times (a value used once is an outlier, not an enum value)… */
export const ENUM_MIN_USES = 2;
/** …by at least this many postings for each value on average (a handful of values, each used several times). */
export const ENUM_MIN_USES_PER_VALUE = 3;
/** …and short text only: longer text is prose, not a choice. */
export const ENUM_MAX_LENGTH = 40;

/**
 * Rules that hold one by one may add up: together they may flag at most this share of the files
 * (the rest of lint's 15%-of-files tolerance is left for misspelt keys and broken files); past it,
 * the rule flagging the most files is relaxed (infer.ts, relaxOne).
 */
export const ERROR_BUDGET = 0.1;

/** A field is a list when at least this share of its values are YAML lists (the rest: comma text or one item). */
export const LIST_SHARE = 0.3;
/** …and at least this many values are lists. */
export const LIST_MIN_LISTS = 2;

/** A rarer key is an old spelling of a frequent one at most this many edits away (case, accents, spaces and `-` `_` `.` not counted)… */
export const ALIAS_MAX_EDITS = 2;
/** …and at most this share of the frequent key's length (a short key never matches a long one). */
export const ALIAS_MAX_EDIT_SHARE = 1 / 3;
/** A near-spelling of a key used in at most this many postings, which cannot be an old spelling (it sits next to the key), is a misspelling: left out of the schema. */
export const MISSPELT_MAX_USES = 2;
/** A rare enum value this close to a frequent one (edits, case and accents not counted) is a misspelling of it: a synonym normalize fixes. */
export const SYNONYM_MAX_EDITS = 2;

/** A key is asked by `posting new` (x-prompt optional) when at least this share of postings have it. */
export const PROMPT_SHARE = 0.1;
/** An id pattern is inferred only with at least this many distinct values (fewer: an enum or chance). */
export const ID_MIN_DISTINCT = 5;

/** Whether `matching` of `total` values make a rule (see DOMINANT_SHARE, OUTLIER_MIN_OTHERS, MIN_SUPPORT). */
export function holds(matching: number, total: number): boolean {
  if (total === 0 || matching < MIN_SUPPORT) return false;
  if (matching / total >= DOMINANT_SHARE) return true;
  return total - matching === 1 && matching >= OUTLIER_MIN_OTHERS;
}

/** "48 of 50 (96%)"; with a noun, "48 of 50 postings (96%)". */
export function share(count: number, total: number, noun = ""): string {
  return `${count} of ${total}${noun ? ` ${noun}` : ""} (${total === 0 ? 0 : Math.round((count / total) * 100)}%)`;
}

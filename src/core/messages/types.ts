// The type of a message catalog: one per language (en.ts, then fr.ts), all of this one type, so
// a language that misses a code does not compile (and test/messages.test.ts checks each).
import type { Phrases } from "./phrases.js";
import type { DateReason, FileNameReason, FindingCode, FindingDetails, FixNotes, FsProblem, ValueChangeWhy } from "../findings.js";

/** What a catalog says about one finding. */
export interface Worded {
  message: string;
  /** What to do about it, in words. */
  hint?: string | undefined;
}

/** One code's words: its summary (SARIF rules, the README's table) and its message from its args. */
export interface CodeWording<A> {
  summary: string;
  word: (args: A) => Worded;
}

export interface Catalog {
  /** BCP 47 tag of the language, e.g. "en". */
  lang: string;
  /** One entry per code, typed by that code's args. */
  codes: { [C in FindingCode]: CodeWording<FindingDetails[C]> };
  /** The hint once lint learned more about the finding (FixNotes, set by core/lint/normalizable.ts). */
  notes: (hint: string | undefined, notes: FixNotes) => string | undefined;
  /** Reasons that are also worded outside findings (errors, normalize's report). */
  words: CatalogWords;
  /** Everything else posting says: summaries, notes, usage errors, help (phrases.ts). */
  phrases: Phrases;
}

export interface CatalogWords {
  /** A file system error: "permission denied". */
  fsProblem: (problem: FsProblem) => string;
  /** Why a date cannot be read: "05/06/2021 could be … or …". */
  dateReason: (reason: DateReason) => string;
  /** Why normalize rewrites a value: "trailing white space removed". */
  valueChangeWhy: (why: ValueChangeWhy) => string;
  /** Why a file name does not follow `pattern`. */
  fileName: (reason: FileNameReason, pattern: string) => string;
}

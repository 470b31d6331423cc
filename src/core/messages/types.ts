// The type of a message catalog: one per language (en.ts, then fr.ts), all of this one type, so
// a language that misses a code does not compile (and test/messages.test.ts checks each).
import type { FindingCode, FindingDetails, FixNotes } from "../findings.js";

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
}

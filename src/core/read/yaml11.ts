// How Jekyll reads a plain (unquoted) scalar: Ruby's Psych resolves it with YAML 1.1 rules, where
// the `yaml` package here reads YAML 1.2 (core schema). One function answers for every reader,
// finding and normalize rule. A port of Psych 4's ScalarScanner#tokenize (psych/scalar_scanner.rb),
// checked against Psych itself by test/psych.test.ts.
import { isRealCalendarDate } from "./dates.js";
import { coreValue } from "./scalars.js";

export type PsychKind = "null" | "boolean" | "integer" | "float" | "text" | "date" | "symbol";

export interface PsychValue {
  kind: PsychKind;
  /** The value Jekyll sees; dates and symbols stay the text written (posting validates dates as text). */
  value: string | number | boolean | null;
}

/** Psych's reading of a plain scalar where it differs from the YAML 1.2 core reading. */
export interface Yaml11Value {
  /** `merge`: a plain `<<` key, which Psych reads as a merge of the mapping it names. */
  kind: "null" | "boolean" | "integer" | "float" | "text" | "merge";
  value: string | number | boolean | null;
}

// Only these first characters can make Psych read something other than text: digits, signs and
// dots (numbers, dates), `:` (symbols, base 60) and the first letters of null/yes/no/true/false/on/off.
// (A character test, not a regular expression: it runs on every plain scalar of every file.)
function mayBeNonText(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x3a) return true; // 0-9 :
  switch (c | 0x20) {
    case 0x6e: // n
    case 0x79: // y
    case 0x74: // t
    case 0x66: // f
    case 0x6f: // o
      return true;
  }
  return c === 0x2d || c === 0x2b || c === 0x2e || c === 0x7e; // - + . ~
}
/** Words both schemas read alike (true, false, null), the most common plain values of all. */
const READ_ALIKE_WORDS = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);
// Psych's "surely a string" test (Ruby's [[:alpha:]] is Unicode letters, \s ASCII spaces). Made
// on first use (a Unicode class costs a fraction of a millisecond to create): only a plain
// scalar starting with `+` asks it.
let psychWordy: RegExp | undefined;
const psychWordyPattern = (): RegExp => (psychWordy ??= /^[^\d.:-]?[\p{Alphabetic}_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=]+/u);
const PSYCH_WORD = /^(?:null|yes|no|true|false|on|off)$/i;
const PSYCH_TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const PSYCH_DATE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const PSYCH_SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const PSYCH_SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const PSYCH_FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const PSYCH_INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

/** Plain `yes`/`no`/`on`/`off` (any case): text in YAML 1.2, booleans for Jekyll (YAML11_BOOLEAN). */
export function isYaml11BooleanWord(text: string): boolean {
  return text.length <= 3 && /^(?:yes|no|on|off)$/i.test(text);
}

/** What Psych makes of a plain scalar written `text` (the scalar's value after line folding). */
export function psychPlainValue(text: string): PsychValue {
  if (text === "") return { kind: "null", value: null };
  if (!mayBeNonText(text)) return { kind: "text", value: text };
  // Psych's wordy test, short-cut: past mayBeNonText, a letter or `~` first always matches it, a digit,
  // `.`, `:` or `-` never does; only `+` needs the (slow, Unicode) test.
  const first = text[0]!;
  const wordy = first === "+" ? psychWordyPattern().test(text) : first === "~" || (first > "9" && first !== ":");
  if (wordy || text.includes("\n")) {
    if (text.length > 5 || /^[^ytonf~]/i.test(text)) return { kind: "text", value: text };
    if (text === "~" || /^null$/i.test(text)) return { kind: "null", value: null };
    if (/^(?:yes|true|on)$/i.test(text)) return { kind: "boolean", value: true };
    if (/^(?:no|false|off)$/i.test(text)) return { kind: "boolean", value: false };
    return { kind: "text", value: text };
  }
  if (PSYCH_TIME.test(text)) return { kind: "date", value: text };
  const date = PSYCH_DATE.exec(text);
  if (date) return { kind: isRealCalendarDate(Number(date[1]), Number(date[2]), Number(date[3])) ? "date" : "text", value: text };
  if (/^\+?\.inf$/i.test(text)) return { kind: "float", value: Infinity };
  if (/^-\.inf$/i.test(text)) return { kind: "float", value: -Infinity };
  if (/^\.nan$/i.test(text)) return { kind: "float", value: NaN };
  if (/^:./.test(text)) return { kind: "symbol", value: text };
  if (PSYCH_SEXAGESIMAL_INT.test(text)) return { kind: "integer", value: base60(text, rubyToI) };
  if (PSYCH_SEXAGESIMAL_FLOAT.test(text)) return { kind: "float", value: base60(text, rubyToF) };
  if (PSYCH_FLOAT.test(text)) {
    if (/^[-+]?\.$/.test(text)) return { kind: "text", value: text };
    return { kind: "float", value: Number(text.replace(/[,_]|\.(?=[Ee]|$)/g, "")) };
  }
  if (PSYCH_INTEGER.test(text)) return { kind: "integer", value: rubyInteger(text.replace(/[,_]/g, "")) };
  return { kind: "text", value: text };
}

/**
 * Psych's reading of a plain scalar when it is not what YAML 1.2 reads (`0123` is 83, `45,000`
 * is 45000, `9:00` is 32400, `tRUE` is true, `0612345678` is text); undefined when both agree.
 * Dates are text on both sides here (posting validates them as written), and so are symbols,
 * which Jekyll's safe loading refuses or keeps as text.
 */
export function yaml11Reading(text: string): Yaml11Value | undefined {
  if (surelyTextBoth(text) || READ_ALIKE_WORDS.has(text)) return undefined;
  const psych = psychPlainValue(text);
  if (psych.kind === "date" || psych.kind === "symbol") return undefined;
  // YAML 1.2 reads as non-text only numbers (a sign, dot or digit first) and words Psych reads so too.
  if (psych.kind === "text" && !/^[-+.0-9]/.test(text)) return undefined;
  const core = coreValue(text);
  if (sameValue(core, psych.value)) return undefined;
  return { kind: psych.kind as Yaml11Value["kind"], value: psych.value };
}

/**
 * The hot path, a few character tests: text both readers read as text (or as the same date). Past
 * mayBeNonText, a word (a letter first) is non-text for Psych only when it is one of its seven
 * words, and `dddd-…` is a date or text for both.
 */
function surelyTextBoth(text: string): boolean {
  if (text === "") return false;
  if (!mayBeNonText(text)) return true;
  const first = text.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a) return text.length > 5 || !PSYCH_WORD.test(text);
  // (The length test first: a charCodeAt past the end makes V8 recompile this hot function.)
  return text.length > 4 && text.charCodeAt(4) === 0x2d && /^\d{4}-/.test(text);
}

/** Whether Jekyll reads this text, written plain, as something other than text or a date. */
export function psychReadsPlainAsNonText(text: string): boolean {
  if (surelyTextBoth(text)) return false;
  const kind = psychPlainValue(text).kind;
  return kind !== "text" && kind !== "date";
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

// Ruby's Integer() on the text left once `,` and `_` are removed: 0b, 0x and a leading 0 (octal).
function rubyInteger(text: string): number {
  const sign = text[0] === "-" ? -1 : 1;
  const digits = text.replace(/^[-+]/, "");
  if (/^0b/i.test(digits)) return sign * Number.parseInt(digits.slice(2), 2);
  if (/^0x/i.test(digits)) return sign * Number.parseInt(digits.slice(2), 16);
  if (/^0[0-7]+$/.test(digits)) return sign * Number.parseInt(digits.slice(1), 8);
  return sign * Number.parseInt(digits, 10);
}

// Ruby's String#to_i: leading digits, single underscores between them.
function rubyToI(text: string): number {
  const m = /^[-+]?\d+(?:_\d+)*/.exec(text);
  return m ? Number.parseInt(m[0].replace(/_/g, ""), 10) : 0;
}

// Ruby's String#to_f, as far as base 60 parts go.
function rubyToF(text: string): number {
  return Number.parseFloat(text.replace(/(?<=\d)_(?=\d)/g, ""));
}

// Psych 4 weighs the parts of `a:b[:c]` as 60^2, 60^1, 60^0 from the left (so `9:00` is 32400).
function base60(text: string, part: (n: string) => number): number {
  let total = 0;
  text.split(":").forEach((n, e) => {
    total += part(n) * 60 ** Math.abs(e - 2);
  });
  return total;
}

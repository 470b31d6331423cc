// The YAML 1.2 core schema's tests for plain scalars (the `yaml` package's null, bool, int,
// intOct, intHex, floatNaN, floatExp and float tests, as parseYaml configures it), typed once:
// the simple reader (simple-yaml.ts), the YAML 1.1 comparison (yaml11.ts) and the printers
// (canonical-simple.ts, value-rules.ts) all ask these. How Psych (YAML 1.1, Jekyll) reads a plain
// scalar is the other table, in yaml11.ts.

export const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
export const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
export const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;
export const CORE_INT = /^[-+]?[0-9]+$/;
export const CORE_INT_OCT = /^0o[0-7]+$/;
export const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
export const CORE_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
export const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;
/** Decimal floats, with or without an exponent (plain integers match too: CORE_INT is tried first). */
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

const inner = (regex: RegExp) => regex.source.slice(1, -1);
const anyOf = (...tests: RegExp[]) => new RegExp(`^(?:${tests.map(inner).join("|")})$`);

/** `true` or `false` in any of the spellings the core schema takes. */
export const CORE_BOOL = anyOf(CORE_TRUE, CORE_FALSE);
/** Every number form, in one test (the hot path of the simple reader). */
export const CORE_NUMBER = anyOf(CORE_INT, CORE_INT_OCT, CORE_INT_HEX, CORE_INF, CORE_NAN, CORE_FLOAT);
const CORE_NON_TEXT = anyOf(CORE_NULL, CORE_TRUE, CORE_FALSE, CORE_INT, CORE_INT_OCT, CORE_INT_HEX, CORE_INF, CORE_NAN, CORE_FLOAT);

/** Whether the YAML 1.2 core schema reads this text, written plain, as null, a boolean or a number. */
export function coreReadsAsNonText(text: string): boolean {
  // Every form CORE_NON_TEXT takes starts as coreMayReadAsNonText says: most text skips the test.
  return coreMayReadAsNonText(text) && CORE_NON_TEXT.test(text);
}

/** What the YAML 1.2 core schema makes of a plain scalar written `text`. */
export function coreValue(text: string): string | number | boolean | null {
  if (text === "" || CORE_NULL.test(text)) return null;
  if (CORE_TRUE.test(text)) return true;
  if (CORE_FALSE.test(text)) return false;
  if (CORE_INT.test(text)) return Number.parseInt(text, 10);
  if (CORE_INT_OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (CORE_INT_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (CORE_INF.test(text)) return text[0] === "-" ? -Infinity : Infinity;
  if (CORE_NAN.test(text)) return NaN;
  if (CORE_FLOAT.test(text)) return Number.parseFloat(text);
  return text;
}

/**
 * Whether the core schema could read a plain scalar written `text` as null, a boolean or a number:
 * only when it starts as one of them does (`~`, `n`, `t`, `f` in either case, a digit, a sign, a dot).
 * The simple reader's shortcut past CORE_NULL, CORE_BOOL and CORE_NUMBER for most texts.
 */
export function coreMayReadAsNonText(text: string): boolean {
  const c = text.charCodeAt(0);
  if (Number.isNaN(c) || (c >= 0x30 && c <= 0x39)) return true; // "" is null
  switch (c | 0x20) {
    case 0x6e: // n
    case 0x74: // t
    case 0x66: // f
      return true;
  }
  return c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e; // ~ + - .
}

/**
 * The numbers the simple reader reads itself, whose value parseInt/parseFloat and Number agree
 * on: plain decimals, and digits after a leading zero (`0612345678`, `0755`: Psych reads them as
 * text or octal, a YAML 1.1 reading the reader reports as yaml does).
 */
export const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$|^0[0-9]{1,14}$/;
/** How the canonical printer writes a boolean and a number it keeps as written. */
export const CANONICAL_BOOLEAN = /^(?:true|false)$/;
export const CANONICAL_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

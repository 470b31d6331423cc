// Whole numbers written as each language groups their digits (`20,000`, `20 000`), by hand: the
// first toLocaleString() of a run loads ICU's locale data, ~25 ms, for the one finding that needs it.
import { NNBSP } from "./typography.js";

/** The locales the catalogs write numbers in, and the separator between their groups of three digits. */
const THOUSANDS_SEPARATORS = { "en-US": ",", "fr-FR": NNBSP } as const;

/** `n.toLocaleString(locale)`, for a whole number, without asking ICU. */
export function wholeNumber(n: number, locale: keyof typeof THOUSANDS_SEPARATORS): string {
  // Anything else (a fraction, a sign, an exponent) is ICU's to write.
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString(locale);
  const digits = String(n);
  const separator = THOUSANDS_SEPARATORS[locale];
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

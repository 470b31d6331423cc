// French typography, one convention (Imprimerie nationale, Lexique des règles typographiques):
// a no-break space U+00A0 before `:` and inside guillemets « », a narrow no-break space U+202F
// before `;`, `!` and `?`. The `fr` tag applies it to the catalog's own text only: the values put
// into the text (keys, values, file names, codes) are left as they are, so `9:00` or a URL from
// a file never gets a space; a sign glued to the next word (`!!set`, `:name`) is code, not punctuation (one before a closing
// bracket, a comma or a full stop is punctuation: `(vouliez-vous dire « x » ?)`). Write the catalog's French with plain spaces (`attendu : …`, `« mot »`).
// The output escaper (sanitize.ts) leaves both spaces alone: they are not in its set.

export const NBSP = "\u00a0";
export const NNBSP = "\u202f";

/** French spacing in one piece of the catalog's own text. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ :(?=[\s).,\]»]|$)/g, `${NBSP}:`)
    .replace(/ ([;!?])(?=[\s).,\]»]|$)/g, `${NNBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);
}

// A template's literal parts are one frozen array per place in the code, the same at every
// call: spaced once, not with four regexes for every message worded.
const spacedParts = new WeakMap<TemplateStringsArray, readonly string[]>();

function spacedPartsOf(strings: TemplateStringsArray): readonly string[] {
  let parts = spacedParts.get(strings);
  if (!parts) {
    parts = strings.map(frenchSpacing);
    spacedParts.set(strings, parts);
  }
  return parts;
}

/** Template tag: French spacing in the literal parts, the interpolated values untouched. */
export function fr(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  const parts = spacedPartsOf(strings);
  let out = parts[0] ?? "";
  for (let i = 0; i < values.length; i++) out += String(values[i]) + (parts[i + 1] ?? "");
  return out;
}

/** A word or value quoted the French way: « text ». */
export function q(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

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

/** Template tag: French spacing in the literal parts, the interpolated values untouched. */
export function fr(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let out = frenchSpacing(strings[0] ?? "");
  for (let i = 0; i < values.length; i++) out += String(values[i]) + frenchSpacing(strings[i + 1] ?? "");
  return out;
}

/** A word or value quoted the French way: « text ». */
export function q(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

// Text to the ASCII of a file name, one rule for every command: `posting new` names its files with
// slugify, lint suggests a file name with slugWords, so `Cœur de métier` is `coeur-de-metier` and
// `Chargé·e de projet` is `charge-de-projet` in both.

export const SLUG_MAX_LENGTH = 60;
export const FALLBACK_SLUG = "posting";

// Letters NFD does not decompose into a base letter plus accents.
const TRANSLITERATIONS: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

// Device names Windows refuses as a file's base name, whatever the extension.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

// Made once, on first use: a `\p{…}` class costs its Unicode table when made (and a bundler that
// writes the literal as `new RegExp(…)` would make it at every call: scripts/build.mjs).
let combiningMarks: RegExp | undefined;

/** Lower case, with letters transliterated (`œ` → `oe`, `ß` → `ss`) and accents dropped; other characters kept. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßøđðłþı]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize("NFD")
    .replace((combiningMarks ??= /\p{M}/gu), "");
}

// Inclusive writing puts the feminine (or plural) ending after the word: `développeur·se`,
// `chargé·e·s`, `chargé.e`, `acteur(rice)`, `un-e`. A slug keeps the word and drops the ending,
// so names read `developpeur-front-end`, not `un-e-developpeur-se-front-end`. Only these endings,
// and only right after a letter: `Node.js`, `Socket.io`, `e-commerce` and `front-end` are words.
const ENDINGS = "e|es|se|ses|euse|euses|rice|rices|trice|trices|ice|ices|ère|ères|ere|eres|ne|nes|le|les|te|tes|fe|ve|s|x";
const DOT_ENDINGS = "e|es|se|ses|euse|euses|rice|rices|trice|trices|ère|ères";
// Built on first use: compiling it (Unicode classes, case-insensitive) costs a millisecond that a
// lint whose file names are right never needs.
let inclusiveSuffix: RegExp | undefined;
const inclusiveSuffixPattern = (): RegExp => (inclusiveSuffix ??= new RegExp(
  [
    // Middle dots (· • ⋅ ‧ ∙), repeated for the plural (`chargé·e·s`).
    `(?<=\\p{L})(?:[\u00B7\u2022\u22C5\u2027\u2219](?:${ENDINGS}))+(?![\\p{L}\\p{N}])`,
    // A dot, with the shorter list (`chargé.e`, `directeur.rice`), not `Node.js`.
    `(?<=\\p{L})(?:\\.(?:${DOT_ENDINGS}))+(?![\\p{L}\\p{N}])`,
    // Parentheses (`chargé(e)`, `poste(s)`).
    `(?<=\\p{L})\\((?:${ENDINGS})\\)`,
    // A hyphen, only as a word's last part before a space or the end (`un-e développeur-se`);
    // a hyphen followed by more of the word (`e-commerce`, `front-end`) is kept.
    `(?<=\\p{L})-(?:e|es|se|ses)(?=$|[\\s,;:!?)/])`,
  ].join("|"),
  "giu",
));

/** `text` with the suffixes of inclusive writing dropped (`Chargé·e` → `Chargé`, `un-e` → `un`). */
export function dropInclusiveSuffixes(text: string): string {
  return text.replace(inclusiveSuffixPattern(), "");
}

/** The words of a name, ready to be joined by `-`: inclusive suffixes dropped, then folded to ASCII. */
export function slugWords(text: string): string {
  return foldToAscii(dropInclusiveSuffixes(text));
}

/**
 * A file-name-safe slug: lower-case ASCII letters, digits and single `-`, accents transliterated,
 * inclusive-writing suffixes dropped,
 * at most SLUG_MAX_LENGTH characters, never empty, never `.`/`..`, never a Windows device name.
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  let slug = slugWords(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    // Cut at a word boundary when one is not too far back, so names do not end mid-word.
    const lastDash = cut.lastIndexOf("-");
    slug = (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
  }
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-${FALLBACK_SLUG}`;
  return slug;
}

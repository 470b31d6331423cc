// Text to the ASCII of a file name, one rule for every command: `posting new` names its files with
// slugify, lint suggests a file name with foldToAscii, so `Cœur de métier` is `coeur-de-metier`
// in both.

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

/** Lower case, with letters transliterated (`œ` → `oe`, `ß` → `ss`) and accents dropped; other characters kept. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßøđðłþı]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/**
 * A file-name-safe slug: lower-case ASCII letters, digits and single `-`, accents transliterated,
 * at most SLUG_MAX_LENGTH characters, never empty, never `.`/`..`, never a Windows device name.
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  let slug = foldToAscii(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    // Cut at a word boundary when one is not too far back, so names do not end mid-word.
    const lastDash = cut.lastIndexOf("-");
    slug = (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
  }
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-${FALLBACK_SLUG}`;
  return slug;
}

// French typography for what `posting new` writes in French (Imprimerie nationale, as the French
// catalog): a no-break space (U+00A0) before `:` and inside guillemets, a narrow one (U+202F)
// before `; ! ?`. Only spaces already there are changed (`https://`, `10:30` stay), and only the
// command's own words go through it, never a typed value.
// (Local to `posting new` until it uses the message catalogs' helper.)
import type { Lang } from "../messages/lang.js";

const NBSP = "\u00A0";
const NARROW_NBSP = "\u202F";

/** `text` with French spacing in French; as it is in English. */
export function typeset(text: string, lang: Lang): string {
  if (lang !== "fr") return text;
  return text
    .replace(/ +([:»])/g, `${NBSP}$1`)
    .replace(/ +([;?!])/g, `${NARROW_NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`);
}

/** `label : value` in French (no-break space), `label: value` in English. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === "fr" ? `${typeset(label, lang)}${NBSP}: ${value}` : `${label}: ${value}`;
}

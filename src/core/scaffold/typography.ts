// French typography for what `posting new` writes in French: a no-break space before `: ; ? !`
// and inside guillemets. Only spaces already there are changed (`https://`, `10:30` stay), and
// only the command's own words go through it, never a typed value.
// (Local to `posting new` until the message catalogs carry one for every command.)
import type { Lang } from "../messages/lang.js";

const NBSP = "\u00A0";

/** `text` with French spacing in French; as it is in English. */
export function typeset(text: string, lang: Lang): string {
  if (lang !== "fr") return text;
  return text.replace(/ +([:;?!»])/g, `${NBSP}$1`).replace(/« +/g, `«${NBSP}`);
}

/** `label : value` in French (no-break space), `label: value` in English. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === "fr" ? `${typeset(label, lang)}${NBSP}: ${value}` : `${label}: ${value}`;
}

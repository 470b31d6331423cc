// French typography for what `posting new` writes in French: the catalogs' convention
// (core/messages/typography.ts), applied to the command's own words only, never to a typed value.
import type { Lang } from "../messages/lang.js";
import { frenchSpacing, NBSP } from "../messages/typography.js";

/** `text` with French spacing in French; as it is in English. */
export function typeset(text: string, lang: Lang): string {
  return lang === "fr" ? frenchSpacing(text) : text;
}

/** `label : value` in French (no-break space), `label: value` in English. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === "fr" ? `${typeset(label, lang)}${NBSP}: ${value}` : `${label}: ${value}`;
}

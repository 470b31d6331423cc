// Comma-separated text as a list, the one rule for every command: `posting normalize` turns such
// text into a list in list fields, `posting new` reads typed answers with it, and `posting list
// --where` reads comma text in a list field with it. Only commas
// outside brackets and parentheses separate items (`Stack X (A, B) + Y` is one item); text
// whose brackets do not pair up is not split at all, since where the items end is then a guess.
const OPENING: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSING = new Set(Object.values(OPENING));

/** The trimmed, non-empty items of `text`; undefined when it has commas and brackets that do not pair up. */
export function splitCommaList(text: string): string[] | undefined {
  if (!text.includes(",")) return text.trim() === "" ? [] : [text.trim()];
  const items: string[] = [];
  const open: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const closing = OPENING[c];
    if (closing !== undefined) open.push(closing);
    else if (CLOSING.has(c)) {
      if (open.pop() !== c) return undefined;
    } else if (c === "," && open.length === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (open.length > 0) return undefined;
  items.push(text.slice(start));
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

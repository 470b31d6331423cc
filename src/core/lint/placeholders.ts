// TEMPLATE_PLACEHOLDER: a template's instructions left in a posting, so an unfinished posting is not
// published. The bundled templates (templates/posting.*.md) hold two kinds, and a site's own
// template (config "template") is written the same way:
//   - a line that is one text in brackets, after an optional list marker and `Label :`
//     (`[Présentez la structure : …]`, `- Lieu : [ville, télétravail possible ?]`);
//   - the instruction comment (`<!-- Remplacez chaque texte entre crochets… -->`, `<!-- Replace… -->`).
// A link (`[texte](url)`, `[texte][ref]`), a footnote (`[^1]: …`) and a task (`- [ ] …`) are
// not placeholders: something follows their brackets. Nor are a shortcut reference link whose
// label is defined in the body (`[Lire la suite]` with `[Lire la suite]: https://…`) and a GitHub
// alert marker (`[!NOTE]`). The body is scanned only when it holds a
// `[` or a `<!--` at all (one indexOf each), and only the lines with one are looked at.
import type { Finding } from "../findings.js";
import { finding } from "../messages.js";

/** What a placeholder finding shows of the line, at most (the text is the recruiter's to find). */
const EXCERPT_LENGTH = 60;

// What may come before the `[`: indentation, a list marker and `Label :`/`Label:`, nothing else.
const BEFORE_BRACKET = /^[ \t]{0,3}(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:[^[\]]{1,60}:[ \t]*)?$/;
// The text in brackets has three letters in a row (not `[1]`, `[x]`, `[EN]`). Made on first use:
// a `\p{…}` class costs its Unicode table when made, and most postings have no bracketed line.
let words: RegExp | undefined;
const threeLetters = (text: string): boolean => (words ??= /\p{L}{3}/u).test(text);
const INSTRUCTION_COMMENT = /^([ \t]{0,3})<!--[ \t]*(?:Remplacez|Replace)\b/u;
const FENCE = /^[ \t]{0,3}(?:```|~~~)/;
// A link reference definition (CommonMark): `[label]: destination`.
const DEFINITION = /^[ \t]{0,3}\[([^\]]{1,999})\]:/;
const ALERT = /^![A-Z]+$/;

export interface Placeholder {
  /** 1-based, in the body. */
  line: number;
  column: number;
  kind: "instruction" | "comment";
  /** The start of the placeholder's text. */
  text: string;
  /** The `## heading` above it, if any. */
  section?: string;
}

/** Cheap pre-test: can the body hold a placeholder at all? */
export function mayHoldPlaceholder(body: string): boolean {
  return body.includes("[") || body.includes("<!--");
}

/** The placeholders of a posting's body (LF line endings), in order. */
export function findPlaceholders(body: string): Placeholder[] {
  const found: Placeholder[] = [];
  if (!mayHoldPlaceholder(body)) return found;
  const defined = body.includes("]:") ? definedLabels(body) : undefined;
  let section: string | undefined;
  let fenced = false;
  let lineNo = 0;
  for (let start = 0; start <= body.length; ) {
    const end = body.indexOf("\n", start);
    const line = body.slice(start, end === -1 ? body.length : end);
    lineNo++;
    start = end === -1 ? body.length + 1 : end + 1;
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    if (line.startsWith("#")) {
      const heading = /^#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
      if (heading) section = heading[1];
      continue;
    }
    const hasBracket = line.includes("[");
    if (!hasBracket && !line.includes("<!--")) continue;
    const at = (column: number, kind: Placeholder["kind"], text: string) =>
      found.push({ line: lineNo, column, kind, text: excerpt(text), ...(section !== undefined ? { section } : {}) });
    const comment = INSTRUCTION_COMMENT.exec(line);
    if (comment) {
      at(comment[1]!.length + 1, "comment", line.slice(comment[1]!.length).replace(/^<!--\s*/, "").replace(/\s*-->\s*$/, ""));
      continue;
    }
    if (!hasBracket) continue;
    const bracket = bracketLine(line);
    if (bracket && !ALERT.test(bracket.text) && !defined?.has(labelKey(bracket.text))) at(bracket.column, "instruction", bracket.text);
  }
  return found;
}

/** The labels of the body's link reference definitions, matched as CommonMark does (case and spacing aside). */
function definedLabels(body: string): Set<string> {
  const labels = new Set<string>();
  for (const line of body.split("\n")) {
    const m = DEFINITION.exec(line);
    if (m) labels.add(labelKey(m[1]!));
  }
  return labels;
}

function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A line that is one `[text]` after what BEFORE_BRACKET allows: the text and the column of `[`. */
function bracketLine(line: string): { column: number; text: string } | undefined {
  const end = line.trimEnd();
  if (!end.endsWith("]")) return undefined;
  const open = end.lastIndexOf("[");
  if (open === -1) return undefined;
  const text = end.slice(open + 1, -1);
  if (text.includes("]") || !threeLetters(text) || !BEFORE_BRACKET.test(line.slice(0, open))) return undefined;
  return { column: open + 1, text };
}

/** TEMPLATE_PLACEHOLDER findings for a body that starts on file line `bodyLine`. */
export function placeholderFindings(file: string, body: string, bodyLine: number): Finding[] {
  return findPlaceholders(body).map((p) => finding("TEMPLATE_PLACEHOLDER", { file, line: bodyLine + p.line - 1, column: p.column }, { kind: p.kind, text: p.text }));
}

/** The sections (`## headings`) that still hold a placeholder, in order, each once. */
export function sectionsToFill(body: string): string[] {
  return [...new Set(findPlaceholders(body).flatMap((p) => (p.section !== undefined ? [p.section] : [])))];
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= EXCERPT_LENGTH) return trimmed;
  // Cut in UTF-16 units, never between the two halves of a character beyond U+FFFF (an emoji).
  const cut = trimmed.slice(0, EXCERPT_LENGTH - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

// TEMPLATE_PLACEHOLDER: a template's instructions left in a posting, so an unfinished posting is not
// published. The bundled templates (templates/posting.*.md) hold two kinds, and a site's own
// template (config "template") is written the same way:
//   - a line that is one text in brackets, after an optional list marker and `Label :`
//     (`[Présentez la structure : …]`, `- Lieu : [ville, télétravail possible ?]`);
//   - the instruction comment (`<!-- Remplacez chaque texte entre crochets… -->`, `<!-- Replace… -->`).
// A link (`[texte](url)`, `[texte][ref]`), a footnote (`[^1]: …`) and a task (`- [ ] …`) are
// not placeholders: something follows their brackets. The body is scanned only when it holds a
// `[` or a `<!--` at all (one indexOf each), and only the lines with one are looked at.
import type { Finding } from "../findings.js";
import { finding } from "../messages.js";

/** What a placeholder finding shows of the line, at most (the text is the recruiter's to find). */
const EXCERPT_LENGTH = 60;

// Optional indentation, list marker and `Label :`/`Label:`, then `[text]` and nothing else.
// The text has three letters in a row (not `[1]`, `[x]`) and no brackets inside.
const BRACKET_LINE = /^([ \t]{0,3}(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:[^[\]\n]{1,60}?[ \t\u00A0\u202F]?:[ \t]*)?)\[([^[\]\n]*\p{L}{3}[^[\]\n]*)\][ \t]*$/u;
const INSTRUCTION_COMMENT = /^([ \t]{0,3})<!--[ \t]*(?:Remplacez|Replace)\b/u;
const FENCE = /^[ \t]{0,3}(?:```|~~~)/;

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
    const bracket = BRACKET_LINE.exec(line);
    if (bracket && !/^[ \t]*[-*+][ \t]+\[[ xX]\]/.test(line)) at(bracket[1]!.length + 1, "instruction", bracket[2]!);
  }
  return found;
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
  const chars = [...text.trim()];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH - 1).join("")}…` : chars.join("");
}

// Splits a posting into front matter and body the way Jekyll does (an opening `---` on line 1, a
// closing `---` or `...` line), without ever evaluating anything and without letting an unclosed
// block swallow the body.
import { mayBeWhiteSpace } from "../words/white-space.js";

export type SplitResult =
  | {
      kind: "ok";
      /** YAML text between the delimiters (LF line endings, no trailing newline added). */
      yaml: string;
      /** File line (1-based) of the first YAML line: the line after the opening `---`. */
      yamlStartLine: number;
      /** File line of the closing delimiter. */
      closeLine: number;
      /** Everything after the closing delimiter line, exactly as it was. */
      body: string;
      /** Offset in the text where the body starts. */
      bodyOffset: number;
    }
  | { kind: "missing" }
  | { kind: "not-at-top"; startLine: number }
  | { kind: "unterminated" }
  /** Never closed, but a line starts with `---` and has text glued after it (`---trailing`). */
  | { kind: "closing-text"; line: number; text: string }
  | { kind: "language"; language: string };

const OPEN = /^---[ \t]*$/;
export const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const LANGUAGE_OPEN = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;
// A closing `---` with text after it, which Jekyll does not take as the end of the block.
export const CLOSE_WITH_TEXT = /^---(?!-)[ \t]*(\S.*)$/;
const KEY_LINE = /^["']?[A-Za-z_][\w -]*["']?[ \t]*:(?:[ \t]|$)/;
const MARKDOWN_HEADING = /^#{2,6}[ \t]+\S/;
// Indented, a comment, a list item, a complex key, a delimiter, or anything with a colon (a key).
const YAML_LIKE_LINE = /^(?:[ \t]|#|-(?:[ \t]|$)|\?(?:[ \t]|$)|\.\.\.)|:/;
/** How far down we look for a misplaced front matter block. */
const NOT_AT_TOP_SEARCH_LINES = 40;

/** `text` must use LF line endings (see toLf). */
export function splitFrontMatter(text: string): SplitResult {
  const firstEnd = lineEnd(text, 0);
  const first = text.slice(0, firstEnd);
  if (!OPEN.test(first)) return withoutOpening(text, first);

  let offset = firstEnd + 1;
  let line = 2;
  let afterBlank = false;
  let flow = 0;
  // The first `---text` line, kept as its match and line: the result is made only when the block
  // turns out unterminated (hot path: a rare object made in this loop would make V8 recompile it).
  let glued: RegExpExecArray | null = null;
  let gluedLine = 0;
  const unterminated = (): SplitResult => (glued ? { kind: "closing-text", line: gluedLine, text: glued[1]! } : { kind: "unterminated" });
  while (offset <= text.length) {
    const end = lineEnd(text, offset);
    const current = text.slice(offset, end);
    // Only a line that starts with `-` or `.` can be a delimiter: the others skip both tests.
    const mayDelimit = mayStartDelimiter(text.charCodeAt(offset));
    if (!glued && mayDelimit) {
      glued = CLOSE_WITH_TEXT.exec(current);
      gluedLine = line;
    }
    if (mayDelimit && CLOSE.test(current)) {
      const yaml = firstEnd + 1 <= offset ? text.slice(firstEnd + 1, Math.max(firstEnd + 1, offset - 1)) : "";
      const bodyOffset = Math.min(end + 1, text.length);
      return { kind: "ok", yaml, yamlStartLine: 2, closeLine: line, body: text.slice(bodyOffset), bodyOffset };
    }
    // Without this, a missing closing `---` makes the body (up to a `---` rule further down) read as YAML.
    // Inside a flow collection left open on a line above (`k: {a: 1,`), any line is YAML.
    if (afterBlank && flow === 0 && looksLikeMarkdown(current)) return unterminated();
    afterBlank = mayBeWhiteSpace(text.charCodeAt(offset)) && current.trim() === "";
    flow = flowDepthAfter(current, flow);
    if (end >= text.length) break;
    offset = end + 1;
    line++;
  }
  return unterminated();
}

/**
 * A text whose first line is not `---`. Its own function (hot path): a rare result built inside
 * splitFrontMatter would make V8 recompile it the first time a file needs it, where one call
 * site for all of them has seen a call before that.
 */
function withoutOpening(text: string, first: string): SplitResult {
  const language = LANGUAGE_OPEN.exec(first);
  if (language) return { kind: "language", language: language[1]! };
  const misplaced = findMisplacedBlock(text);
  return misplaced ? { kind: "not-at-top", startLine: misplaced } : { kind: "missing" };
}

/**
 * After a blank line, a Markdown heading (`## …`) or a line of prose (no colon, not indented, not a
 * list item or comment) cannot belong to a front matter mapping: the body has started.
 */
function looksLikeMarkdown(line: string): boolean {
  if (MARKDOWN_HEADING.test(line)) return true;
  return line.trim() !== "" && !YAML_LIKE_LINE.test(line);
}

// Where a flow collection may open at depth 0: as the value of `key: `, or as a `- ` item.
const FLOW_START = /^[ \t]*(?:-[ \t]+)*(?:[^ \t#'"[{][^#]*?:[ \t]+)?(?=[[{])/;

/**
 * Brackets of flow collections still open after `line`, given `depth` open before it; quoted
 * text and comments skipped. At depth 0 only a collection opening a value counts, so brackets in
 * plain text (`title: a [b`) change nothing.
 */
function flowDepthAfter(line: string, depth: number): number {
  let i = 0;
  if (depth === 0) {
    if (!line.includes("[") && !line.includes("{")) return 0;
    // The usual flow list, closed on its line (`domaines: [a, b]`).
    const last = line.trimEnd().at(-1);
    if (last === "]" || last === "}") return 0;
    const start = FLOW_START.exec(line);
    if (!start) return 0;
    i = start[0].length;
  }
  let quote: string | undefined;
  for (; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    // A quote opens quoted text only where a scalar starts (`l'école` is plain text).
    if ((ch === '"' || ch === "'") && /[[{,: \t]/.test(line[i - 1] ?? " ")) quote = ch;
    else if (ch === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) break;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return 0;
    }
  }
  return depth;
}

/** Whether a line whose first character is `c` (NaN for an empty line) can be `---` or `...` (CLOSE, CLOSE_WITH_TEXT). */
export function mayStartDelimiter(c: number): boolean {
  return c === 0x2d || c === 0x2e;
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i === -1 ? text.length : i;
}

/** A `---` line followed by `key:` lines and a closing `---`, a little way down the file. */
function findMisplacedBlock(text: string): number | undefined {
  const lines = text.split("\n", NOT_AT_TOP_SEARCH_LINES + 1);
  for (let i = 1; i < lines.length - 2; i++) {
    if (!OPEN.test(lines[i]!) || !KEY_LINE.test(lines[i + 1]!)) continue;
    for (let j = i + 2; j < lines.length; j++) {
      if (CLOSE.test(lines[j]!)) return i + 1;
    }
  }
  return undefined;
}

/**
 * CRLF to LF; returns how many were converted (line numbers are unchanged). A text with CRs and
 * no LF at all has old Mac line endings: each CR is a line break (`cr` counts them).
 */
export function toLf(text: string): { text: string; crlf: number; cr?: number } {
  if (!text.includes("\r\n")) {
    if (!text.includes("\r") || text.includes("\n")) return { text, crlf: 0 };
    let cr = 0;
    const out = text.replace(/\r/g, () => {
      cr++;
      return "\n";
    });
    return { text: out, crlf: 0, cr };
  }
  let crlf = 0;
  const out = text.replace(/\r\n/g, () => {
    crlf++;
    return "\n";
  });
  return { text: out, crlf };
}

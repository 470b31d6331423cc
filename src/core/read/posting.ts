// From bytes to a parsed posting: decoding, front matter split and YAML, each stage reporting
// findings with file positions. Lint, normalize and list all start here.
import type { Document, LineCounter } from "yaml";
import { decodeBytes } from "./encoding.js";
import type { DecodeOptions, DecodeResult } from "./encoding.js";
import type { Finding, FrontMatterShape, Position } from "../findings.js";
import { splitFrontMatter, toLf } from "./frontmatter.js";
import { mayBeWhiteSpace } from "../words/white-space.js";
import { finding } from "../messages.js";
import type { FindingDetails } from "../messages.js";
import { isObject } from "../schema/schema.js";
import { MAX_ALIAS_COUNT, offsetOf, parseYaml, YAML_TAG_PREFIX } from "./yaml.js";
import type { KeyPath, Yaml11Reading } from "./yaml.js";
import { MAX_EXPANDED_NODES } from "./alias-budget.js";

/**
 * Front matter data with what it takes to place findings on it, whichever reader produced it:
 * the `yaml` document (FrontMatter) or the simple reader (simple-yaml.ts).
 */
export interface LocatedFrontMatter {
  /** The mapping as plain data; undefined when the YAML could not be read. */
  data: Record<string, unknown> | undefined;
  /** Plain scalars (values and keys) Jekyll reads otherwise than YAML 1.2: `yes`, `0123`, `on:`. */
  yaml11Readings: Yaml11Reading[];
  /** File position of the value (or the key) at a key path, or of the closest parent that exists. */
  locate(path: KeyPath, where?: "key" | "value"): Position;
  /** File position of an offset in the YAML source. */
  positionAt(offset: number): Position;
}

export interface FrontMatter extends LocatedFrontMatter {
  /** YAML source of the block (LF line endings). */
  yaml: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** File line of the first YAML line. */
  startLine: number;
  /** File line of the closing delimiter. */
  closeLine: number;
}

export interface ParsedPosting {
  file: string;
  decoded: Extract<DecodeResult, { kind: "text" }> | undefined;
  /** Decoded text with LF line endings and no BOM. */
  text: string;
  crlf: number;
  frontMatter: FrontMatter | undefined;
  /** Body after the closing delimiter (LF line endings); the whole text when there is no front matter. */
  body: string;
  findings: Finding[];
}

export interface ParseOptions extends DecodeOptions {}

/**
 * Front matter whose keys and values (comment lines not counted) are longer than this, in
 * characters, is not parsed: FRONT_MATTER_TOO_LARGE. Comment lines are not counted because some
 * sites keep pages of instructions for recruiters there; they cost the parser little.
 */
export const MAX_FRONT_MATTER_LENGTH = 16 * 1024;
/** Front matter longer than this, comments included, is never parsed. */
export const MAX_FRONT_MATTER_TOTAL_LENGTH = 64 * 1024;

export function parsePosting(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedPosting {
  const { parsed, yaml } = readPostingText(file, bytes, options);
  if (yaml) readFrontMatter(parsed, yaml);
  return parsed;
}

/** Front matter YAML found by readPostingText, not parsed yet. */
export interface FrontMatterSource {
  /** YAML text between the delimiters (LF line endings). */
  source: string;
  /** File line of the first YAML line. */
  startLine: number;
  /** File line of the closing delimiter. */
  closeLine: number;
}

/**
 * Every stage of parsePosting before the YAML parser: decoding, line endings, the front matter
 * split and white space. `yaml` is the front matter still to parse, when there is one; `parsed`
 * holds the findings so far. Lint's fast path stops here when the front matter is simple.
 */
export function readPostingText(file: string, bytes: Uint8Array, options: ParseOptions = {}): { parsed: ParsedPosting; yaml?: FrontMatterSource } {
  const findings: Finding[] = [];
  const result: ParsedPosting = { file, decoded: undefined, text: "", crlf: 0, frontMatter: undefined, body: "", findings };
  const at = (line: number, column: number, path = "") => ({ file, line, column, path });

  if (bytes.length === 0) {
    findings.push(finding("FILE_EMPTY", at(1, 1), {}));
    return { parsed: result };
  }
  const decoded = decodeBytes(bytes, options);
  if (decoded.kind === "binary") {
    findings.push(finding("FILE_BINARY", at(decoded.line, decoded.column), {}));
    return { parsed: result };
  }
  result.decoded = decoded;
  if (decoded.encoding === "utf-16le" || decoded.encoding === "utf-16be") {
    findings.push(finding("ENCODING_UTF16", at(1, 1), { encoding: decoded.encoding }));
  } else if (decoded.truncatedUtf8) {
    const { line, column, byte } = decoded.truncatedUtf8;
    findings.push(finding("ENCODING_INVALID_UTF8", at(line, column), { byte, guess: "UTF-8 cut short", truncated: true }));
  } else if (decoded.firstInvalidUtf8) {
    const { line, column, byte } = decoded.firstInvalidUtf8;
    findings.push(finding("ENCODING_INVALID_UTF8", at(line, column), { byte, guess: decoded.encoding }));
  } else if (decoded.detectedBy === "forced" && decoded.encoding !== "utf-8") {
    findings.push(finding("ENCODING_LEGACY", at(1, 1), { encoding: decoded.encoding }));
  }
  if (decoded.bom && decoded.encoding === "utf-8") findings.push(finding("ENCODING_BOM", at(1, 1), {}));

  const { text, crlf, cr } = toLf(decoded.text);
  result.text = text;
  result.crlf = crlf;
  if (crlf > 0) {
    const first = firstCrlf(decoded.text);
    findings.push(finding("LINE_ENDINGS_CRLF", at(first.line, first.column), { count: crlf }));
  }
  // CR-only text has no line feed: its first line ends at the first CR.
  if (cr) findings.push(finding("LINE_ENDINGS_CR", at(1, decoded.text.indexOf("\r") + 1), { count: cr }));
  result.body = text;

  if (isBlank(text)) {
    findings.push(finding("FILE_EMPTY", at(1, 1), {}));
    return { parsed: result };
  }

  const split = splitFrontMatter(text);
  switch (split.kind) {
    case "missing":
      findings.push(finding("FRONT_MATTER_MISSING", at(1, 1), {}));
      return { parsed: result };
    case "not-at-top":
      findings.push(finding("FRONT_MATTER_NOT_AT_TOP", at(split.startLine, 1), { startLine: split.startLine }));
      return { parsed: result };
    case "unterminated":
      findings.push(finding("FRONT_MATTER_UNTERMINATED", at(1, 1), {}));
      return { parsed: result };
    case "closing-text":
      findings.push(finding("FRONT_MATTER_CLOSING_TEXT", at(split.line, 4), { text: split.text }));
      return { parsed: result };
    case "language":
      findings.push(finding("FRONT_MATTER_LANGUAGE", at(1, 4), { language: split.language }));
      return { parsed: result };
    case "ok":
      break;
  }
  result.body = split.body;

  // YAML parsing, validation and the findings that follow cost time and memory in proportion to
  // the front matter (seconds and gigabytes for a megabyte of keys or quotes); a posting needs a
  // few hundred bytes, so anything far beyond is refused before the YAML parser sees it.
  const tooLarge = frontMatterTooLarge(split.yaml);
  if (tooLarge) {
    findings.push(finding("FRONT_MATTER_TOO_LARGE", at(1, 1), tooLarge));
    return { parsed: result };
  }

  for (const f of whitespaceFindings(file, split.yaml, split.yamlStartLine)) findings.push(f);
  const yaml11Break = YAML11_ONLY_LINE_BREAK.exec(split.yaml);
  if (yaml11Break) {
    const before = split.yaml.slice(0, yaml11Break.index);
    const lineStart = before.lastIndexOf("\n") + 1;
    const char = `U+${yaml11Break[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const line = split.yamlStartLine + (before.length - before.replaceAll("\n", "").length);
    findings.push(finding("YAML11_LINE_BREAK", at(line, yaml11Break.index - lineStart + 1), { char }));
  }

  if (isBlank(split.yaml) || isOnlyComments(split.yaml)) {
    findings.push(finding("FRONT_MATTER_EMPTY", at(1, 1), {}));
    return { parsed: result };
  }

  return { parsed: result, yaml: { source: split.yaml, startLine: split.yamlStartLine, closeLine: split.closeLine } };
}

/** The YAML stage of parsePosting: parses the front matter into `result` and adds its findings. */
export function readFrontMatter(result: ParsedPosting, source: FrontMatterSource): void {
  const { file, findings } = result;
  const split = { yaml: source.source, yamlStartLine: source.startLine, closeLine: source.closeLine };
  const at = (line: number, column: number, path = "") => ({ file, line, column, path });
  const parsed = parseYaml(split.yaml);
  const frontMatter: FrontMatter = {
    yaml: split.yaml,
    doc: parsed.doc,
    lineCounter: parsed.lineCounter,
    startLine: split.yamlStartLine,
    closeLine: split.closeLine,
    data: undefined,
    yaml11Readings: parsed.yaml11Readings,
    locate: (path, where) => positionOfPath(frontMatter, path, where),
    positionAt: (offset) => positionInFile(frontMatter, offset),
  };
  result.frontMatter = frontMatter;
  const yamlAt = (offset: number, path = "") => ({ file, ...positionInFile(frontMatter, offset), path });

  for (const problem of parsed.problems) {
    switch (problem.kind) {
      case "syntax":
        findings.push(finding("YAML_SYNTAX", yamlAt(problem.offset), { reason: problem.reason ?? { kind: "yaml", code: "", text: "cannot parse" } }));
        break;
      case "duplicate-key": {
        const first = positionInFile(frontMatter, problem.firstOffset ?? 0);
        const at = yamlAt(problem.offset, problem.key);
        findings.push(finding("YAML_DUPLICATE_KEY", at, { key: problem.key ?? "", firstLine: first.line, line: at.line }));
        break;
      }
      case "alias-limit":
        findings.push(finding("YAML_ALIAS_LIMIT", at(split.yamlStartLine, 1), { limit: MAX_ALIAS_COUNT, nodes: MAX_EXPANDED_NODES }));
        break;
      case "too-deep":
        findings.push(finding("YAML_TOO_DEEP", yamlAt(problem.offset), {}));
        break;
    }
  }
  for (const tag of parsed.tags) {
    const key = tag.path.map(String).join(".");
    const written = tag.tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.tag.slice(YAML_TAG_PREFIX.length)}` : tag.tag;
    findings.push(finding(tag.standard ? "YAML_TAG" : "YAML_TAG_UNKNOWN", yamlAt(tag.offset, key), { key, tag: written }));
  }
  // Duplicate keys still leave readable data (the last value wins, as in Jekyll).
  const readable = parsed.problems.every((p) => p.kind === "duplicate-key");
  if (!readable) return;

  if (!isObject(parsed.data)) {
    findings.push(finding("FRONT_MATTER_NOT_MAPPING", at(split.yamlStartLine, 1), { found: describeShape(parsed.data) }));
    return;
  }
  frontMatter.data = parsed.data;
}

/** File position of an offset inside the front matter YAML. */
export function positionInFile(frontMatter: FrontMatter, offset: number): Position {
  const { line, col } = frontMatter.lineCounter.linePos(offset);
  return { line: line + frontMatter.startLine - 1, column: col };
}

/** File position of a key (or its value) in the front matter. */
export function positionOfPath(frontMatter: FrontMatter, path: KeyPath, where: "key" | "value" = "value"): Position {
  return positionInFile(frontMatter, offsetOf(frontMatter.doc, path, where));
}

/** A line that opens a block scalar: `key: |`, `- >-`, `key: &a |+ # note`. */
const BLOCK_SCALAR_HEADER = /(?:(?:^|[ \t])[?-]|:)[ \t]+(?:[!&]\S*[ \t]+)*[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

/**
 * Line breaks in YAML 1.1 (libyaml, so Psych and Jekyll) but not in YAML 1.2: next line, line
 * separator, paragraph separator. Raw in a front matter, they split a line only for the site.
 */
const YAML11_ONLY_LINE_BREAK = /[\u0085\u2028\u2029]/;

/** A blank line (only characters trim() removes) from a line start (sticky: tested where a line starts). */
const BLANK_FROM_LINE_START = /\s*(?:\n|$)/y;

/**
 * Whether some line of `yaml` could be blank or ends with a space or a tab: a superset of what
 * whitespaceFindings reports, tested first so that the usual front matter, with neither, is not
 * split into lines. The same answer as the regular expression
 * `(?:^|\n)\s*(?:\n|$)|[ \t](?:\n|$)` (test/read-fast-paths.test.ts), line by line: a line that
 * starts with printable ASCII is not blank, so the blank test runs only on the others.
 */
export function mayHoldBlankOrTrailing(yaml: string): boolean {
  for (let start = 0; ; ) {
    const newline = yaml.indexOf("\n", start);
    const end = newline === -1 ? yaml.length : newline;
    const last = yaml.charCodeAt(end - 1);
    if (end > start && (last === 0x20 || last === 0x09)) return true;
    if (mayBeWhiteSpace(yaml.charCodeAt(start))) {
      BLANK_FROM_LINE_START.lastIndex = start;
      if (BLANK_FROM_LINE_START.test(yaml)) return true;
    }
    if (newline === -1) return false;
    start = newline + 1;
  }
}

function whitespaceFindings(file: string, yaml: string, startLine: number): Finding[] {
  if (!mayHoldBlankOrTrailing(yaml)) return [];
  const findings: Finding[] = [];
  const lines = yaml.split("\n");
  // Inside a block scalar (`description: |`), blank lines and trailing spaces are its text, which
  // normalize keeps as it is: they are not reported (and not promised a fix).
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (blockIndent >= 0) {
      if (isBlank(line) || /^ */.exec(line)![0].length > blockIndent) continue;
      blockIndent = -1;
    }
    if ((line.includes("|") || line.includes(">")) && BLOCK_SCALAR_HEADER.test(line)) blockIndent = /^ */.exec(line)![0].length;
    if (isBlank(line)) {
      findings.push(finding("FRONT_MATTER_BLANK_LINE", { file, line: startLine + i, column: 1 }, {}));
      continue;
    }
    const trailing = /[ \t]+$/.exec(line);
    if (trailing) findings.push(finding("FRONT_MATTER_TRAILING_SPACE", { file, line: startLine + i, column: trailing.index + 1 }, {}));
  }
  return findings;
}

/** `text.trim() === ""`, without copying the text when its first character is not white space (the usual `---`). */
function isBlank(text: string): boolean {
  // The empty line apart: reading past the end of a string makes V8 recompile this hot function.
  return text.length === 0 || (mayBeWhiteSpace(text.charCodeAt(0)) && text.trim() === "");
}

/** Whether every line is blank or a comment; stops at the first that is not (the usual first line). */
function isOnlyComments(yaml: string): boolean {
  for (let start = 0; start <= yaml.length; ) {
    // A line that starts with printable ASCII other than `#` is neither: no need to cut it out.
    const first = yaml.charCodeAt(start);
    if (!mayBeWhiteSpace(first) && first !== 0x23) return false;
    const newline = yaml.indexOf("\n", start);
    const end = newline === -1 ? yaml.length : newline;
    const line = yaml.slice(start, end);
    if (line.trim() !== "" && !line.trimStart().startsWith("#")) return false;
    start = end + 1;
  }
  return true;
}

/** Why this front matter is too large to parse (FRONT_MATTER_TOO_LARGE), or undefined. */
function frontMatterTooLarge(yaml: string): FindingDetails["FRONT_MATTER_TOO_LARGE"] | undefined {
  if (yaml.length <= MAX_FRONT_MATTER_LENGTH) return undefined; // nearly every file: no counting
  const kilobytes = (length: number) => Math.ceil(length / 1024);
  if (yaml.length > MAX_FRONT_MATTER_TOTAL_LENGTH) return { kilobytes: kilobytes(yaml.length), limit: MAX_FRONT_MATTER_TOTAL_LENGTH / 1024, withoutComments: false };
  const withoutComments = yaml.replace(/^[ \t]*#.*(?:\n|$)/gm, "").length;
  if (withoutComments > MAX_FRONT_MATTER_LENGTH) return { kilobytes: kilobytes(withoutComments), limit: MAX_FRONT_MATTER_LENGTH / 1024, withoutComments: true };
  return undefined;
}

/** Line and column (UTF-16 units) of the `\r` of the first CRLF, where an editor shows it. */
function firstCrlf(text: string): { line: number; column: number } {
  const at = text.indexOf("\r\n");
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

function describeShape(value: unknown): FrontMatterShape {
  if (Array.isArray(value)) return "list";
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  return typeof value === "boolean" ? "boolean" : "other";
}

// From bytes to a parsed posting: decoding, front matter split and YAML, each stage reporting
// findings with file positions. Lint, normalize and list all start here.
import type { Document, LineCounter } from "yaml";
import { decodeBytes } from "./encoding.js";
import type { DecodeOptions, DecodeResult } from "./encoding.js";
import type { Finding, Position } from "../findings.js";
import { splitFrontMatter, toLf } from "./frontmatter.js";
import { finding } from "../messages.js";
import { isObject } from "../schema/schema.js";
import { MAX_ALIAS_COUNT, offsetOf, parseYaml } from "./yaml.js";
import { MAX_EXPANDED_NODES } from "./alias-budget.js";
import type { KeyPath, Yaml11Boolean } from "./yaml.js";

/**
 * Front matter data with what it takes to place findings on it, whichever reader produced it:
 * the `yaml` document (FrontMatter) or the simple reader (simple-yaml.ts).
 */
export interface LocatedFrontMatter {
  /** The mapping as plain data; undefined when the YAML could not be read. */
  data: Record<string, unknown> | undefined;
  /** Plain `yes`/`no`/`on`/`off` scalars: text in YAML 1.2, booleans for Jekyll (YAML 1.1). */
  yaml11Booleans: Yaml11Boolean[];
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

/** Front matter longer than this (in characters) is not parsed: FRONT_MATTER_TOO_LARGE. */
export const MAX_FRONT_MATTER_LENGTH = 16 * 1024;

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
  } else if (decoded.firstInvalidUtf8) {
    const { line, column, byte } = decoded.firstInvalidUtf8;
    const guess = decoded.encoding === "windows-1252" ? "windows-1252 (Windows Western European)" : decoded.encoding;
    findings.push(finding("ENCODING_INVALID_UTF8", at(line, column), { byte, guess }));
  } else if (decoded.detectedBy === "forced" && decoded.encoding !== "utf-8") {
    findings.push(finding("ENCODING_LEGACY", at(1, 1), { encoding: decoded.encoding }));
  }
  if (decoded.bom && decoded.encoding === "utf-8") findings.push(finding("ENCODING_BOM", at(1, 1), {}));

  const { text, crlf } = toLf(decoded.text);
  result.text = text;
  result.crlf = crlf;
  if (crlf > 0) findings.push(finding("LINE_ENDINGS_CRLF", at(1, firstLineLength(text) + 1), { count: crlf }));
  result.body = text;

  if (text.trim() === "") {
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
  if (split.yaml.length > MAX_FRONT_MATTER_LENGTH) {
    const kilobytes = Math.ceil(split.yaml.length / 1024);
    findings.push(finding("FRONT_MATTER_TOO_LARGE", at(1, 1), { kilobytes, limit: MAX_FRONT_MATTER_LENGTH / 1024 }));
    return { parsed: result };
  }

  for (const f of whitespaceFindings(file, split.yaml, split.yamlStartLine)) findings.push(f);

  if (split.yaml.trim() === "" || isOnlyComments(split.yaml)) {
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
    yaml11Booleans: parsed.yaml11Booleans,
    locate: (path, where) => positionOfPath(frontMatter, path, where),
    positionAt: (offset) => positionInFile(frontMatter, offset),
  };
  result.frontMatter = frontMatter;
  const yamlAt = (offset: number, path = "") => ({ file, ...positionInFile(frontMatter, offset), path });

  for (const problem of parsed.problems) {
    switch (problem.kind) {
      case "syntax":
        findings.push(finding("YAML_SYNTAX", yamlAt(problem.offset), { reason: problem.reason ?? "cannot parse" }));
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

function whitespaceFindings(file: string, yaml: string, startLine: number): Finding[] {
  const findings: Finding[] = [];
  const lines = yaml.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") {
      findings.push(finding("FRONT_MATTER_BLANK_LINE", { file, line: startLine + i, column: 1 }, {}));
      continue;
    }
    const trailing = /[ \t]+$/.exec(line);
    if (trailing) findings.push(finding("FRONT_MATTER_TRAILING_SPACE", { file, line: startLine + i, column: trailing.index + 1 }, {}));
  }
  return findings;
}

function isOnlyComments(yaml: string): boolean {
  return yaml.split("\n").every((l) => l.trim() === "" || l.trimStart().startsWith("#"));
}

function firstLineLength(text: string): number {
  const i = text.indexOf("\n");
  return i === -1 ? text.length : i;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "nothing";
  return `a single ${typeof value === "string" ? "text" : typeof value} value`;
}

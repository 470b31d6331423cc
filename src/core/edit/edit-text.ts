// `posting set` / `posting close` on one file's text: each asked key's lines are replaced (its
// value on the key's line, a block list's item lines too), added in schema order when missing, or
// removed; every other byte stays as it was (comments, quoting, key order, line endings, the
// body). A file it cannot edit with certainty is refused with a finding, and every edit is read
// back (readPosting) and checked to change the data exactly as asked (else EDIT_REFUSED "unsafe").
import { isMap, isScalar, isSeq, isAlias, Scalar } from "yaml";
import type { Node, Pair } from "yaml";
import { finding } from "../messages.js";
import type { Finding } from "../findings.js";
import { NORMALIZE_BLOCKING_CODES } from "../findings.js";
import type { EditRefusal } from "../findings/codes.js";
import { readPosting } from "../read/read-posting.js";
import type { PostingReading } from "../read/read-posting.js";
import { siteView } from "../read/site-view.js";
import { isJekyllDate } from "../read/dates.js";
import { coreReadsAsNonText } from "../read/scalars.js";
import { psychReadsPlainAsNonText } from "../read/yaml11.js";
import type { PostingSchema } from "../schema/schema.js";

/** What to do to a file: keys to set (schema keys, with typed values) and keys to remove. */
export interface EditRequest {
  values: readonly (readonly [string, unknown])[];
  unset: readonly string[];
}

/** One key's change, as the report says it: `from` undefined when added, `to` undefined when removed. */
export interface KeyChange {
  key: string;
  from: unknown;
  to: unknown;
}

export type EditResult =
  | { file: string; status: "changed"; before: string; after: string; output: Uint8Array; changes: KeyChange[]; findings: Finding[] }
  | { file: string; status: "unchanged"; findings: Finding[] }
  | { file: string; status: "refused"; findings: Finding[] };

/** Codes that leave no front matter to edit with certainty (normalize's, and a lone CR). */
const REFUSING: ReadonlySet<string> = new Set([...NORMALIZE_BLOCKING_CODES, "LINE_ENDINGS_CR", "ENCODING_INVALID_UTF8", "ENCODING_UTF16", "ENCODING_LEGACY", "ENCODING_UNDECODABLE"]);

interface KeyLines {
  key: string;
  /** 0-based indexes into the file's lines. */
  first: number;
  last: number;
  pair: Pair;
}

/**
 * Apply `request` to the posting `bytes` (`reading`: readPosting's, when the caller has it). A key
 * is edited where the file writes it, under an alias of it if that is what the file uses.
 */
export function editPosting(file: string, bytes: Uint8Array, request: EditRequest, schema: PostingSchema, reading: PostingReading = readPosting(file, bytes)): EditResult {
  const { parsed } = reading;
  const blocking = parsed.findings.filter((f) => REFUSING.has(f.code));
  if (blocking.length > 0 || !reading.frontMatter || parsed.decoded?.encoding !== "utf-8") {
    return { file, status: "refused", findings: blocking.length > 0 ? blocking : [refusal(file, 1, "encoding")] };
  }
  const fm = reading.frontMatter.document();
  if (!fm.data) return { file, status: "refused", findings: parsed.findings.filter((f) => f.severity === "error") };
  const before = siteView(fm);
  const text = Buffer.from(bytes).toString("utf8");
  const lines = splitLines(text);
  const startIndex = fm.startLine - 1; // first YAML line
  const closeIndex = fm.closeLine - 1; // the closing delimiter
  const contents = fm.doc.contents;
  if (contents !== null && !isMap(contents)) return { file, status: "refused", findings: [refusal(file, fm.startLine, "not-mapping")] };
  if (contents && contents.flow) return { file, status: "refused", findings: [refusal(file, fm.startLine, "flow-mapping")] };
  const lineOf = (offset: number) => startIndex + fm.lineCounter.linePos(offset).line - 1;
  const present: KeyLines[] = [];
  for (const pair of contents?.items ?? []) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) return { file, status: "refused", findings: [refusal(file, fm.startLine, "complex-key")] };
    const [k0] = key.range!;
    const value = pair.value as Node | null;
    const end = value?.range ? (value.range[1] > value.range[0] && fm.yaml[value.range[1] - 1] === "\n" ? value.range[1] - 1 : value.range[1]) : key.range![1];
    present.push({ key: String(key.value), first: lineOf(k0), last: Math.max(lineOf(k0), lineOf(Math.max(end, k0))), pair });
  }
  const fileKeyOf = (key: string): string | undefined => {
    if (present.some((p) => p.key === key)) return key;
    const field = schema.fieldsByKey.get(key);
    return field?.aliases.find((a) => present.some((p) => p.key === a));
  };

  // Replacement lines per index range, applied from the bottom up.
  const replacements: { from: number; to: number; lines: string[] }[] = [];
  const changes: KeyChange[] = [];
  const expected: Record<string, unknown> = { ...before };
  const removed = new Set<string>();
  const eol = (lines[startIndex] ?? lines[0] ?? "\n").endsWith("\r\n") ? "\r\n" : "\n";

  for (const key of request.unset) {
    const fileKey = fileKeyOf(key);
    if (fileKey === undefined) continue;
    const at = present.find((p) => p.key === fileKey)!;
    const problem = uneditable(at, lines);
    if (problem) return { file, status: "refused", findings: [refusal(file, at.first + 1, problem, fileKey)] };
    replacements.push({ from: at.first, to: at.last, lines: [] });
    changes.push({ key: fileKey, from: before[fileKey], to: undefined });
    delete expected[fileKey];
    removed.add(fileKey);
  }
  for (const [key, value] of request.values) {
    const fileKey = fileKeyOf(key);
    if (fileKey !== undefined && sameData(before[fileKey], value)) continue;
    if (fileKey === undefined) {
      const line = `${key}:${renderValue(value, undefined, schema, key, eol)}`;
      replacements.push({ ...insertionPoint(key, present, schema, lines, closeIndex), lines: [line] });
      changes.push({ key, from: undefined, to: value });
      expected[key] = value;
      continue;
    }
    const at = present.find((p) => p.key === fileKey)!;
    const problem = uneditable(at, lines);
    if (problem) return { file, status: "refused", findings: [refusal(file, at.first + 1, problem, fileKey)] };
    const keyLine = lines[at.first]!;
    const value0 = at.pair.value as Node | null;
    let newLines: string[];
    if (value0 && isScalar(value0) && at.first === at.last && value0.range![1] > value0.range![0]) {
      // The value's own span on the key's line: what follows it (a comment) stays.
      const col = (offset: number) => fm.lineCounter.linePos(offset).col - 1;
      const rendered = renderValue(value, value0, schema, key, eol);
      const [head, ...rest] = rendered.split(eol);
      newLines = [keyLine.slice(0, col(value0.range![0])) + head!.replace(/^ /, "") + keyLine.slice(col(value0.range![1])), ...rest.map((l) => l + eol)];
      if (rest.length > 0) newLines[0] = newLines[0]!.replace(/[ \t]*(\r?\n)?$/, (_m, nl: string | undefined) => nl ?? "");
    } else {
      const colon = keyLine.indexOf(":", fm.lineCounter.linePos((at.pair.key as Node).range![1]).col - 1);
      // A comment after `key:` (an empty value, or a block list below) stays on the key's line.
      const comment = /^[ \t]*(#.*?)\r?\n?$/.exec(keyLine.slice(colon + 1))?.[1];
      const rendered = renderValue(value, value0 ?? undefined, schema, key, eol, lines[at.first + 1]);
      const withComment = comment === undefined ? rendered : rendered.startsWith(eol) ? ` ${comment}${rendered}` : `${rendered} ${comment}`;
      newLines = [keyLine.slice(0, colon + 1) + withComment + lineEnd(keyLine)];
    }
    replacements.push({ from: at.first, to: at.last, lines: newLines });
    changes.push({ key: fileKey, from: before[fileKey], to: value });
    expected[fileKey] = value;
  }
  if (changes.length === 0) return { file, status: "unchanged", findings: [] };

  const out = [...lines];
  for (const r of replacements.sort((a, b) => b.from - a.from || b.to - a.to)) out.splice(r.from, r.to - r.from + 1, ...r.lines.map((l) => (l.endsWith("\n") ? l : l + eol)));
  const after = out.join("");
  if (!readsAsAsked(file, after, expected, before, removed, parsed.body)) return { file, status: "refused", findings: [refusal(file, fm.startLine, "unsafe")] };
  return { file, status: "changed", before: text, after, output: Buffer.from(after, "utf8"), changes, findings: [] };
}

/** The read-back invariant: the new text parses, and its data is the old data with exactly the asked changes. */
export function readsAsAsked(file: string, after: string, expected: Record<string, unknown>, before: Record<string, unknown>, removed: ReadonlySet<string>, body: string): boolean {
  const back = readPosting(file, after);
  if (!back.frontMatter || back.parsed.findings.some((f) => REFUSING.has(f.code)) || back.parsed.body !== body) return false;
  const data = siteView(back.frontMatter.document());
  const keys = Object.keys(data);
  if (keys.length !== Object.keys(expected).length) return false;
  for (const key of Object.keys(expected)) if (!Object.hasOwn(data, key) || !sameData(data[key], expected[key])) return false;
  for (const key of removed) if (Object.hasOwn(data, key)) return false;
  // Keys kept keep their order.
  const kept = Object.keys(before).filter((k) => !removed.has(k));
  return kept.join("\u0000") === keys.filter((k) => Object.hasOwn(before, k)).join("\u0000");
}

/** Why a key's lines cannot be replaced with certainty, or undefined. */
function uneditable(at: KeyLines, lines: readonly string[]): EditRefusal | undefined {
  const key = at.pair.key as Node;
  const value = at.pair.value as Node | null;
  if ((key as Scalar).anchor || (value && (isAlias(value) || (value as Scalar).anchor))) return "alias";
  if (isScalar(key) && key.type !== "PLAIN") return "complex-key";
  if (!/^[^\s#]/.test(lines[at.first] ?? "")) return "complex-key";
  if (value === null || (isScalar(value) && at.first === at.last)) return undefined;
  if (isScalar(value)) return "multi-line";
  if (isSeq(value) && value.flow) return at.first === at.last ? undefined : "multi-line";
  if (isSeq(value)) {
    // Only `- item` lines, one per scalar item: then the list is these lines and nothing else.
    if (!value.items.every((i) => isScalar(i) && !(i as Scalar).anchor && (i as Scalar).type !== "BLOCK_LITERAL" && (i as Scalar).type !== "BLOCK_FOLDED")) return "multi-line";
    const itemLines = lines.slice(at.first + 1, at.last + 1);
    if (itemLines.length !== value.items.length || !itemLines.every((l) => /^[ \t]*- \S|^[ \t]*-\r?\n?$/.test(l))) return "multi-line";
    return undefined;
  }
  return "multi-line";
}

/** Where a missing key goes: before the first known key the schema puts after it, else after the last known key, else at the end. */
function insertionPoint(key: string, present: readonly KeyLines[], schema: PostingSchema, lines: readonly string[], closeIndex: number): { from: number; to: number } {
  const order = new Map(schema.fields.map((f, i) => [f.key, i]));
  for (const f of schema.fields) for (const a of f.aliases) order.set(a, order.get(f.key)!);
  const place = order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const later = present.find((p) => (order.get(p.key) ?? -1) > place);
  if (later) {
    // Comment lines right above a key are about it: the new key goes above them.
    let at = later.first;
    while (at - 1 >= 0 && /^[ \t]*#/.test(lines[at - 1]!) && !present.some((p) => p.last === at - 1)) at--;
    return { from: at, to: at - 1 };
  }
  const known = present.filter((p) => order.has(p.key));
  const last = known[known.length - 1];
  const at = last ? last.last + 1 : closeIndex;
  return { from: at, to: at - 1 };
}

/** The text after `key:` for a value: ` text` for a scalar, a block list on the next lines, or a flow list. */
function renderValue(value: unknown, old: Node | undefined, schema: PostingSchema, key: string, eol: string, nextLine?: string): string {
  if (Array.isArray(value)) {
    if (old && isSeq(old) && old.flow) return ` [${value.map((v) => scalarText(v, true, undefined, false)).join(", ")}]`;
    const indent = old && isSeq(old) && nextLine ? (/^([ \t]*)-/.exec(nextLine)?.[1] ?? "  ") : "  ";
    return value.map((v) => `${eol}${indent}- ${scalarText(v, false, undefined, false)}`).join("");
  }
  const quote = old && isScalar(old) && typeof value === "string" ? old.type : undefined;
  const isDate = schema.fieldsByKey.get(key)?.format?.includes("date") === true;
  return ` ${scalarText(value, false, quote, isDate)}`;
}

/** A scalar as YAML that the site reads back as `value`: plain when that is certain, else double-quoted. */
function scalarText(value: unknown, inFlow: boolean, quote: Scalar.Type | undefined, isDate: boolean): string {
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  const text = String(value);
  if (quote === "QUOTE_SINGLE" && !/[\u0000-\u001f\u007f]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  if (quote === "QUOTE_DOUBLE") return JSON.stringify(text);
  if (isDate && isJekyllDate(text) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const plainSafe =
    text !== "" &&
    !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) &&
    !/[\s:]$/.test(text) &&
    !/: |\s#|[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text) &&
    !(inFlow && /[,[\]{}]/.test(text)) &&
    !coreReadsAsNonText(text) &&
    !psychReadsPlainAsNonText(text) &&
    !/^\d{4}-\d{2}-\d{2}/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineEnd(line: string): string {
  return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
}

/** The same data (values compared as JSON: scalars and lists of them). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a instanceof Date || b instanceof Date) return String(a) === String(b);
  return Object.is(a, b) || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

function refusal(file: string, line: number, reason: EditRefusal, key?: string): Finding {
  return finding("EDIT_REFUSED", { file, line, column: 1, ...(key !== undefined ? { path: key } : {}) }, { reason, ...(key !== undefined ? { key } : {}) });
}

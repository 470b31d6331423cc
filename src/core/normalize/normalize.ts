// Normalize = decode (any encoding) + repair mojibake + canonical front matter, returning the new
// bytes and what changed. Pure: it never touches the disk. A file that cannot be decoded or parsed
// with certainty is refused (with findings), never half-repaired.
import { Buffer } from "node:buffer";
import { isDeepStrictEqual } from "node:util";
import { canonicalizeDocument, stringifyFrontMatter } from "./canonical.js";
import type { CanonicalChanges } from "./canonical.js";
import type { Finding } from "../findings.js";
import { NORMALIZE_BLOCKING_CODES } from "../findings.js";
import { decodeBytes } from "../read/encoding.js";
import type { DecodeResult } from "../read/encoding.js";
import { toLf } from "../read/frontmatter.js";
import { finding } from "../messages.js";
import { en } from "../messages/en.js";
import type { Catalog } from "../messages/types.js";
import type { ChangeLine } from "../messages/phrases.js";
import { editsExplain } from "../read/edits.js";
import { repairMojibake } from "../read/mojibake.js";
import type { MojibakeRepair } from "../read/mojibake.js";
import { parsePosting } from "../read/posting.js";
import type { FrontMatter, LocatedFrontMatter, ParseOptions } from "../read/posting.js";
import { readPosting } from "../read/read-posting.js";
import type { PostingReading } from "../read/read-posting.js";
import { renderSimpleCanonical } from "./canonical-simple.js";
import { detectEntryChanges, isReordered } from "./value-rules.js";
import { minimalEdit, readsBackAsMeant } from "./minimal.js";
import type { PostingSchema } from "../schema/schema.js";

export interface NormalizeOptions extends ParseOptions {
  schema: PostingSchema;
  /**
   * Re-read the new bytes before calling a file changed (default true). `--check` only asks
   * whether a file would change and writes nothing, so it skips the two extra parses; a file
   * the check would then refuse (a bug in normalize) still shows as "would change" there.
   */
  verify?: boolean;
  /**
   * "minimal" (the default): only what is broken or read differently by the site changes, in
   * place (minimal.ts); "canonical": the whole front matter in the canonical style as well.
   */
  style?: NormalizeStyle;
}

export type NormalizeStyle = "minimal" | "canonical";

export interface NormalizeChanges {
  /** Encoding the file was read as, when it was not UTF-8. */
  encodingFrom?: string;
  bomRemoved: boolean;
  crlfConverted: number;
  /** Line endings of a CR-only file (old Mac) converted to LF. */
  crConverted: number;
  mojibake: MojibakeRepair[];
  frontMatter: CanonicalChanges | undefined;
  blankLinesRemoved: number;
  trailingSpacesRemoved: number;
  /** The YAML was rewritten in the canonical style (quoting, list style, spacing). */
  restyled: boolean;
  finalNewlineFixed: boolean;
}

export type NormalizeResult =
  | { file: string; status: "unchanged"; findings: Finding[] }
  | { file: string; status: "changed"; before: string; after: string; output: Uint8Array; changes: NormalizeChanges; findings: Finding[] }
  | { file: string; status: "refused"; findings: Finding[] };

/** The text normalize works on: decoded, with LF line endings and garbled runs repaired. */
interface RepairedText {
  decoded: Extract<DecodeResult, { kind: "text" }>;
  lf: { text: string; crlf: number; cr?: number };
  repaired: { text: string; repairs: MojibakeRepair[] };
  /** The repaired text as UTF-8 without a BOM: what is parsed, and what positions refer to. */
  utf8: Buffer;
}

/** Decoding and repairs, the first stage of normalize and of its check; or why the file is refused. */
function repairBytes(file: string, input: Uint8Array, options: NormalizeOptions): RepairedText | { refused: NormalizeResult } {
  const start = { file, line: 1, column: 1 };
  const refuse = (f: Finding) => ({ refused: { file, status: "refused" as const, findings: [f] } });
  if (input.length === 0) return refuse(finding("FILE_EMPTY", start, {}));
  const decoded = decodeBytes(input, options);
  if (decoded.kind === "binary") return refuse(finding("FILE_BINARY", { file, line: decoded.line, column: decoded.column }, {}));
  // Broken UTF-8 is not legacy text: reported, never converted (unless --from-encoding says so).
  if (decoded.truncatedUtf8) return refuse(finding("ENCODING_INVALID_UTF8", { file, line: decoded.truncatedUtf8.line, column: decoded.truncatedUtf8.column }, { byte: decoded.truncatedUtf8.byte, guess: "UTF-8 cut short", truncated: true }));
  if (decoded.undecodable > 0) return refuse(finding("ENCODING_UNDECODABLE", start, { count: decoded.undecodable, encoding: decoded.encoding }));
  // Repair the text first, then parse the repaired text: positions in findings refer to it.
  const lf = toLf(decoded.text);
  const repaired = repairMojibake(lf.text);
  // The written text may differ from the input only inside the reported repairs.
  if (!editsExplain(lf.text, repaired.text, repaired.repairs)) return refuse(finding("NORMALIZE_UNSAFE", start, {}));
  // A garbled BOM (`ï»¿`) repairs to U+FEFF: it is still a BOM, and the output has none.
  return { decoded, lf, repaired, utf8: Buffer.from(repaired.text.replace(/^\uFEFF/, ""), "utf8") };
}

/**
 * `reading`: the caller's own reading of `input` (readPosting with these options), when it has
 * one (lint). It stands in for normalize's when the text normalize parses is `input` unchanged
 * (valid UTF-8 without a BOM, LF line endings, nothing garbled) read without --from-encoding:
 * those are the same bytes, decoded alike. Only a whole reading serves: the full reader's, whose
 * document and findings are all read (the fast reader's document would still add findings), and
 * only in the default style (the canonical one rewrites the document in place).
 */
export function normalizeBytes(file: string, input: Uint8Array, options: NormalizeOptions, reading?: PostingReading): NormalizeResult {
  const text = repairBytes(file, input, options);
  if ("refused" in text) return text.refused;
  const whole = reading !== undefined && reading.frontMatter?.simple === undefined && options.style !== "canonical";
  const same = whole && options.fromEncoding === undefined && text.utf8.equals(input);
  return normalizeText(file, input, text, options, same ? reading : undefined);
}

function normalizeText(file: string, input: Uint8Array, { decoded, lf, repaired, utf8 }: RepairedText, options: NormalizeOptions, reading: PostingReading = readPosting(file, utf8, {})): NormalizeResult {
  const start = { file, line: 1, column: 1 };
  const { parsed } = reading;
  const frontMatter = reading.frontMatter?.document();
  const blocking = parsed.findings.filter((f) => NORMALIZE_BLOCKING_CODES.has(f.code));
  if (blocking.length > 0 || !frontMatter?.data) return { file, status: "refused", findings: blocking };
  if (options.style !== "canonical") return normalizeMinimal(file, input, { decoded, lf, repaired, utf8 }, options, reading, frontMatter);

  // Rewritten in place: the parse is ours alone, and positions come from the line counter.
  const doc = frontMatter.doc;
  const canonical = canonicalizeDocument(doc, options.schema);
  let yaml: string;
  try {
    yaml = stringifyFrontMatter(doc);
  } catch {
    // yaml cannot print what the rewrite left (an alias whose anchor went with a removed key):
    // the file stays as it is.
    return { file, status: "refused", findings: [finding("NORMALIZE_UNSAFE", start, {})] };
  }
  const body = withOneFinalNewline(parsed.body);
  const findings = leftForHuman(file, frontMatter, canonical);
  const inputBytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let afterText = `---\n${yaml}---\n${body}`;
  let output = Buffer.from(afterText, "utf8");
  // Already canonical: nothing will be written, so there is nothing to verify.
  if (Buffer.compare(output, inputBytes) === 0) return { file, status: "unchanged", findings };
  if (options.verify !== false) {
    // Never write what we cannot read back to the data we meant to write, nor what a second run
    // would rewrite again (--write must converge).
    const settled = settle(file, yaml, body, doc.toJS({ maxAliasCount: 100 }) as unknown, options.schema);
    if (settled === undefined) return { file, status: "refused", findings: [finding("NORMALIZE_UNSAFE", start, {})] };
    if (settled !== yaml) {
      yaml = settled;
      afterText = `---\n${yaml}---\n${body}`;
      output = Buffer.from(afterText, "utf8");
      if (Buffer.compare(output, inputBytes) === 0) return { file, status: "unchanged", findings };
    }
  }

  const changes: NormalizeChanges = {
    bomRemoved: decoded.bom,
    crlfConverted: lf.crlf,
    crConverted: lf.cr ?? 0,
    mojibake: repaired.repairs,
    frontMatter: canonical,
    // As lint counts them: blank lines and trailing spaces inside block text are its text, kept.
    blankLinesRemoved: parsed.findings.filter((f) => f.code === "FRONT_MATTER_BLANK_LINE").length,
    trailingSpacesRemoved: parsed.findings.filter((f) => f.code === "FRONT_MATTER_TRAILING_SPACE").length,
    restyled: yaml !== withOneFinalNewline(frontMatter.yaml),
    finalNewlineFixed: body !== parsed.body,
  };
  if (decoded.encoding !== "utf-8") changes.encodingFrom = decoded.encoding;
  return { file, status: "changed", before: decoded.text, after: afterText, output, changes, findings };
}

/**
 * The default style: the front matter's text with only the changes it needs (minimal.ts), checked
 * by reading the result back (the data meant, the keys in their order, nothing left to change).
 */
function normalizeMinimal(file: string, input: Uint8Array, { decoded, lf, repaired, utf8 }: RepairedText, options: NormalizeOptions, reading: PostingReading, frontMatter: FrontMatter): NormalizeResult {
  const start = { file, line: 1, column: 1 };
  const unsafe = (): NormalizeResult => ({ file, status: "refused", findings: [finding("NORMALIZE_UNSAFE", start, {})] });
  const { parsed } = reading;
  const source = reading.frontMatter!.source;
  const whitespace = parsed.findings.filter((f) => f.code === "FRONT_MATTER_BLANK_LINE" || f.code === "FRONT_MATTER_TRAILING_SPACE");
  // The text around the YAML stays as it was: the opening line, the closing one, the body (with
  // one final newline). The lines between the two (the YAML and the blank lines after it) are edited.
  const text = utf8.toString("utf8");
  const yamlStart = lineStartOf(text, source.startLine);
  const closeStart = lineStartOf(text, source.closeLine);
  if (yamlStart === undefined || closeStart === undefined || closeStart < yamlStart || !text.endsWith(parsed.body)) return unsafe();
  const region = text.slice(yamlStart, closeStart);
  if (!region.startsWith(source.source)) return unsafe();
  const edit = minimalEdit(frontMatter.doc, region, source.startLine, whitespace, options.schema);
  if (!edit) return unsafe();
  const findings = leftForHuman(file, frontMatter, edit.changes);
  let head = text.slice(closeStart, text.length - parsed.body.length);
  if (!head.endsWith("\n")) head += "\n";
  const body = withOneFinalNewline(parsed.body);
  const afterText = `${text.slice(0, yamlStart)}${edit.yaml}${head}${body}`;
  const output = Buffer.from(afterText, "utf8");
  const inputBytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (Buffer.compare(output, inputBytes) === 0) return { file, status: "unchanged", findings };
  if (options.verify !== false) {
    // Never write what does not read back to the data meant, nor what a second run would change again.
    const check = readPosting(file, output, {});
    const doc = check.frontMatter?.document();
    if (!doc?.doc || check.parsed.body !== body || !readsBackAsMeant(edit, doc.doc)) return unsafe();
    const again = normalizeText(file, output, { decoded: { ...decoded, encoding: "utf-8", bom: false }, lf: { text: afterText, crlf: 0 }, repaired: { text: afterText, repairs: [] }, utf8: output }, { ...options, verify: false }, check);
    if (again.status !== "unchanged") return unsafe();
  }
  const changes: NormalizeChanges = {
    bomRemoved: decoded.bom,
    crlfConverted: lf.crlf,
    crConverted: lf.cr ?? 0,
    mojibake: repaired.repairs,
    frontMatter: edit.changes,
    blankLinesRemoved: whitespace.filter((f) => f.code === "FRONT_MATTER_BLANK_LINE").length,
    trailingSpacesRemoved: whitespace.filter((f) => f.code === "FRONT_MATTER_TRAILING_SPACE").length,
    restyled: false,
    finalNewlineFixed: body !== parsed.body,
  };
  if (decoded.encoding !== "utf-8") changes.encodingFrom = decoded.encoding;
  return { file, status: "changed", before: decoded.text, after: afterText, output, changes, findings };
}

/** Offset of the start of 1-based `line` in `text`, or undefined past its end. */
function lineStartOf(text: string, line: number): number | undefined {
  let at = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", at);
    if (next === -1) return undefined;
    at = next + 1;
  }
  return at;
}

/** Rounds of reading back what normalize prints before it gives up on reaching a fixed point. */
const SETTLE_ROUNDS = 3;

/**
 * The front matter normalize writes: `yaml` if it reads back to `expected` and a second run
 * would print it the same, else what repeated runs settle on (yaml reads some comments back
 * elsewhere than it printed them: `key:` then a comment line becomes `key: # comment`). Never
 * what does not read back to the data meant (undefined then: the file is left as it is).
 */
function settle(file: string, yaml: string, body: string, expected: unknown, schema: PostingSchema): string | undefined {
  let current = yaml;
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const check = parsePosting(file, Buffer.from(`---\n${current}---\n${body}`, "utf8"), {});
    if (!check.frontMatter?.data || !isDeepStrictEqual(check.frontMatter.data, expected) || check.body !== body) return undefined;
    const recheck = check.frontMatter.doc;
    canonicalizeDocument(recheck, schema);
    const next = stringifyFrontMatter(recheck);
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/** What `normalize --check` needs of a file: whether it would change, and what is left for a human. */
export type NormalizeVerdict = Pick<NormalizeResult, "file" | "status" | "findings">;

/**
 * normalizeBytes' status and findings without its output, for `--check`. Front matter the simple
 * reader takes is judged without a YAML document: "changed" when something normalize always
 * rewrites is there (a BOM, CRLF, garbled text, a blank line, a renamed key, a value to
 * change...), else by comparing the file with what canonical.ts would print
 * (renderSimpleCanonical); anything else goes through normalizeBytes.
 */
export function checkBytes(file: string, input: Uint8Array, options: NormalizeOptions): NormalizeVerdict {
  const text = repairBytes(file, input, options);
  if ("refused" in text) return { file, status: text.refused.status, findings: text.refused.findings };
  // One reading for both: the quick verdict's, and the document normalizeText builds from it.
  const reading = readPosting(file, text.utf8, {});
  const result = quickVerdictOf(file, text, options, reading) ?? normalizeText(file, input, text, { ...options, verify: false }, reading);
  return { file, status: result.status, findings: result.findings };
}

/** checkBytes without the fallback: undefined when the quick reading cannot decide. */
export function quickVerdict(file: string, input: Uint8Array, options: NormalizeOptions): NormalizeVerdict | undefined {
  const text = repairBytes(file, input, options);
  return "refused" in text ? undefined : quickVerdictOf(file, text, options, readPosting(file, text.utf8, {}));
}

function quickVerdictOf(file: string, { decoded, lf, repaired }: RepairedText, options: NormalizeOptions, { parsed, frontMatter }: PostingReading): NormalizeVerdict | undefined {
  // Another encoding can still give the same bytes (ASCII read as Latin-1): normalizeBytes decides.
  if (decoded.encoding !== "utf-8" || repaired.text.startsWith("\uFEFF")) return undefined;
  if (!frontMatter || parsed.findings.some((f) => NORMALIZE_BLOCKING_CODES.has(f.code))) return undefined;
  // Only what the fast reader took can be printed without a document (canonical-simple.ts);
  // comments are left to yaml, which keeps them as written (trailing spaces included).
  const { simple, source: yaml } = frontMatter;
  const minimal = options.style !== "canonical";
  if (!simple || (!minimal && /^#/m.test(yaml.source))) return undefined;
  const changes = detectEntryChanges(frontMatter.entries(), options.schema);
  const findings = leftForHuman(file, frontMatter, changes);
  const rewritten =
    decoded.bom ||
    lf.crlf > 0 ||
    (lf.cr ?? 0) > 0 ||
    repaired.repairs.length > 0 ||
    withOneFinalNewline(parsed.body) !== parsed.body ||
    changes.renamed.length + changes.duplicateAliasesRemoved.length + changes.values.length > 0 ||
    (!minimal && isReordered(simple.entries.map((e) => e.key), options.schema)) ||
    parsed.findings.some((f) => f.code === "FRONT_MATTER_BLANK_LINE" || f.code === "FRONT_MATTER_TRAILING_SPACE");
  if (rewritten) return { file, status: "changed", findings };
  // The default style changes nothing else.
  if (minimal) return { file, status: "unchanged", findings };
  const canonical = renderSimpleCanonical(simple, yaml.source, options.schema);
  if (canonical === undefined) return undefined;
  return { file, status: decoded.text === `---\n${canonical}---\n${parsed.body}` ? "unchanged" : "changed", findings };
}

function withOneFinalNewline(text: string): string {
  const trimmed = text.replace(/\n+$/, "");
  return trimmed === "" ? "" : `${trimmed}\n`;
}

/** What normalize saw but will not decide: both spellings of a key, ambiguous dates. */
function leftForHuman(file: string, frontMatter: LocatedFrontMatter, changes: CanonicalChanges): Finding[] {
  const at = (offset: number, path: string) => ({ file, ...frontMatter.positionAt(offset), path });
  const findings: Finding[] = [];
  for (const c of changes.conflicts) {
    findings.push(finding("ALIAS_CONFLICT", at(c.keyOffset, c.key), { alias: c.alias, key: c.key, aliasLine: frontMatter.positionAt(c.aliasOffset).line }));
  }
  for (const a of changes.ambiguities) findings.push(finding("DATE_AMBIGUOUS", at(a.offset, a.key), { key: a.key, reason: a.reason }));
  for (const u of changes.unsplit) findings.push(finding("COMMA_LIST_UNBALANCED", at(u.offset, u.key), { key: u.key }));
  return findings;
}

/** One line per kind of change, for `normalize --write` output, in the words of `catalog`. */
export function describeChanges(changes: NormalizeChanges, catalog: Catalog = en): string[] {
  const out: ChangeLine[] = [];
  if (changes.encodingFrom) out.push({ kind: "encoding", from: changes.encodingFrom });
  if (changes.bomRemoved) out.push({ kind: "bom" });
  if (changes.crlfConverted > 0) out.push({ kind: "crlf", count: changes.crlfConverted });
  if (changes.crConverted > 0) out.push({ kind: "cr", count: changes.crConverted });
  if (changes.mojibake.length > 0) out.push({ kind: "mojibake", count: changes.mojibake.length, examples: examples(changes.mojibake) });
  const fm = changes.frontMatter;
  if (fm) {
    for (const r of fm.renamed) out.push({ kind: "renamed", from: r.from, to: r.to });
    for (const r of fm.duplicateAliasesRemoved) out.push({ kind: "alias-removed", from: r.from, to: r.to });
    for (const v of fm.values) out.push({ kind: "value", key: v.key, why: catalog.words.valueChangeWhy(v.why), from: v.from, to: v.to });
    if (fm.reordered) out.push({ kind: "reordered" });
  }
  if (changes.blankLinesRemoved > 0) out.push({ kind: "blank-lines", count: changes.blankLinesRemoved });
  if (changes.trailingSpacesRemoved > 0) out.push({ kind: "trailing-spaces", count: changes.trailingSpacesRemoved });
  if (changes.restyled && out.length === 0) out.push({ kind: "restyled" });
  if (changes.finalNewlineFixed) out.push({ kind: "final-newline" });
  return out.map((c) => catalog.phrases.changeLine(c));
}

/** Every mojibake repair with its line, grouped by line: `line 20: "Ã©" → "é" (×3), "â€™" → "’"`. */
export function describeRepairsByLine(repairs: readonly MojibakeRepair[], catalog: Catalog = en): string[] {
  const byLine = new Map<number, Map<string, number>>();
  for (const r of repairs) {
    const line = byLine.get(r.line) ?? new Map<string, number>();
    const key = `"${r.found}" → "${r.repaired}"`;
    line.set(key, (line.get(key) ?? 0) + 1);
    byLine.set(r.line, line);
  }
  return [...byLine].map(([line, counts]) => catalog.phrases.repairsOnLine(line, [...counts].map(([k, n]) => (n > 1 ? `${k} (×${n})` : k)).join(", ")));
}

function examples(repairs: MojibakeRepair[]): string {
  const seen = new Set<string>();
  for (const r of repairs) {
    seen.add(`${r.found} → ${r.repaired}`);
    if (seen.size === 3) break;
  }
  return [...seen].join(", ");
}

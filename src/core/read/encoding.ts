// Bytes to text without guessing silently: every decision is reported so lint can warn about it
// and normalize can explain what it converted.
import { Buffer, isUtf8 } from "node:buffer";
import { requireLazily } from "../require-lazily.js";

export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | (string & {});

export type DecodeResult =
  | {
      kind: "text";
      text: string;
      /** Encoding the bytes were read as. */
      encoding: EncodingName;
      /** A byte order mark was present (and is not part of `text`). */
      bom: boolean;
      /** How the encoding was chosen. */
      detectedBy: "bom" | "utf-8" | "utf-16-heuristic" | "legacy-fallback" | "forced";
      /** For files that are not valid UTF-8: where the first offending byte is. */
      firstInvalidUtf8?: { line: number; column: number; byte: number };
      /**
       * Bytes that have no character in the legacy encoding (for example 0x81 in Windows-1252),
       * kept as the C1 control of the same number so nothing is lost, but not trustworthy.
       */
      undecodable: number;
      /**
       * The first truncated UTF-8 sequence (a lead byte and some, not all, of its continuation
       * bytes, such as `E2 82` at the end of the file): broken UTF-8, not legacy text, so it is
       * reported and never converted (only `fromEncoding` reads such bytes in a legacy encoding).
       */
      truncatedUtf8?: { line: number; column: number; byte: number };
    }
  | { kind: "binary"; line: number; column: number };

export interface DecodeOptions {
  /** Force a legacy encoding (an iconv-lite name such as `latin1`, `windows-1252`). */
  fromEncoding?: string;
  /** Encoding assumed for bytes that are neither UTF-8 nor UTF-16. */
  legacyEncoding?: string;
}

export const DEFAULT_LEGACY_ENCODING = "windows-1252";

// iconv-lite (and its code tables) is loaded only for a file that is not UTF-8 or UTF-16, or an
// encoding name other than the default: most runs never need it.
let iconvModule: typeof import("iconv-lite") | undefined;
function iconvLite(): typeof import("iconv-lite") {
  iconvModule ??= requireLazily("iconv-lite") as typeof import("iconv-lite");
  return iconvModule;
}

export function isKnownEncoding(name: string): boolean {
  if (name === DEFAULT_LEGACY_ENCODING) return true;
  return iconvLite().encodingExists(name);
}

export function decodeBytes(input: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  // A file read from disk is a Buffer already: no second view of its bytes (hot path).
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

  if (options.fromEncoding) {
    const name = options.fromEncoding.toLowerCase();
    if (name === "utf-8" || name === "utf8") return decodeUtf8Like(bytes, "forced");
    if (name.startsWith("utf-16") || name.startsWith("utf16")) {
      const be = name.endsWith("be");
      return decodeUtf16(bytes, be ? "utf-16be" : "utf-16le", "forced");
    }
    return decodeLegacy(bytes, name, "forced", undefined);
  }

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8Like(bytes, "bom");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, "utf-16le", "bom");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, "utf-16be", "bom");

  // UTF-16 without a BOM has zero bytes: a file with none (nearly every file) skips the sniffing loop.
  const nul = bytes.indexOf(0);
  const utf16 = nul === -1 ? undefined : sniffUtf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, "utf-16-heuristic");

  if (nul !== -1) return { kind: "binary", ...bytePosition(bytes, nul) };

  return decodeUtf8Like(bytes, "utf-8", options.legacyEncoding);
}

function decodeUtf8Like(
  bytes: Buffer,
  detectedBy: "bom" | "utf-8" | "forced",
  legacyEncoding = DEFAULT_LEGACY_ENCODING,
): DecodeResult {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    return { kind: "text", text: body.toString("utf8"), encoding: "utf-8", bom, detectedBy, undecodable: 0 };
  }
  const badOffset = firstInvalidUtf8Offset(body);
  const at = bytePosition(body, badOffset);
  const firstInvalidUtf8 = { ...at, byte: body[badOffset] ?? 0 };
  const table = singleByteTable(legacyEncoding);
  if (!table) return decodeLegacy(body, legacyEncoding, "legacy-fallback", firstInvalidUtf8, bom);
  // Files are often mostly UTF-8 with a few bytes typed in a legacy editor: keep every valid
  // UTF-8 sequence and read only the stray bytes in the legacy encoding (reading the whole file
  // as Windows-1252 would turn its correct `é` into `Ã©`).
  const { text, undecodable, truncatedAt } = decodeUtf8WithFallback(body, table);
  const result: DecodeResult = { kind: "text", text, encoding: legacyEncoding, bom, detectedBy: "legacy-fallback", firstInvalidUtf8, undecodable };
  if (truncatedAt !== undefined) result.truncatedUtf8 = { ...bytePosition(body, truncatedAt), byte: body[truncatedAt]! };
  return result;
}

const tables = new Map<string, string[] | undefined>();

/** The 256 characters of a single-byte encoding (undefined bytes as their C1 control, marked). */
function singleByteTable(encoding: string): string[] | undefined {
  if (tables.has(encoding)) return tables.get(encoding);
  let table: string[] | undefined;
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const iconv = iconvLite();
  const decoded = iconv.encodingExists(encoding) ? iconv.decode(all, encoding) : "";
  if (decoded.length === 256) table = [...decoded];
  tables.set(encoding, table);
  return table;
}

/**
 * How many bytes a truncated UTF-8 sequence at `i` has (a lead byte followed by at least one but
 * fewer than all of the continuation bytes it announces), or 0. A lone lead byte followed by
 * ASCII (`caf\xE9 ` in Windows-1252) is not one: that is the usual legacy byte.
 */
function truncatedSequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  let k = 0;
  while (k < need && ((bytes[i + 1 + k] ?? 0) & 0xc0) === 0x80) k++;
  return k >= 1 && k < need ? k + 1 : 0;
}

function decodeUtf8WithFallback(bytes: Buffer, table: string[]): { text: string; undecodable: number; truncatedAt?: number } {
  const parts: string[] = [];
  let undecodable = 0;
  let truncatedAt: number | undefined;
  let start = 0;
  while (start < bytes.length) {
    const rest = bytes.subarray(start);
    const bad = firstInvalidUtf8Offset(rest);
    parts.push(rest.subarray(0, bad).toString("utf8"));
    if (bad >= rest.length) break;
    const cut = truncatedSequenceLength(rest, bad);
    if (cut > 0) {
      // Shown as the legacy characters (lint quotes the text), but marked: nothing converts it.
      truncatedAt ??= start + bad;
      for (let k = 0; k < cut; k++) parts.push(table[rest[bad + k]!]!);
      start += bad + cut;
      continue;
    }
    const byte = rest[bad]!;
    const ch = table[byte]!;
    if (ch === "\uFFFD") {
      parts.push(String.fromCharCode(byte));
      undecodable++;
    } else parts.push(ch);
    start += bad + 1;
  }
  return truncatedAt === undefined ? { text: parts.join(""), undecodable } : { text: parts.join(""), undecodable, truncatedAt };
}

function decodeLegacy(
  bytes: Buffer,
  encoding: string,
  detectedBy: "legacy-fallback" | "forced",
  firstInvalidUtf8: { line: number; column: number; byte: number } | undefined,
  bom = false,
): DecodeResult {
  const iconv = iconvLite();
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown encoding ${encoding}`);
  const decoded = iconv.decode(bytes, encoding);
  // iconv-lite turns unmapped bytes into U+FFFD; put the original byte back (as its C1 control)
  // so no information is lost, and count it so callers refuse to write such text.
  let undecodable = 0;
  let text = decoded;
  if (decoded.includes("\uFFFD")) {
    const chars: string[] = [];
    let i = 0;
    for (const ch of decoded) {
      const byte = bytes[i] ?? 0;
      if (ch === "\uFFFD" && byte >= 0x80) {
        chars.push(String.fromCharCode(byte));
        undecodable++;
      } else chars.push(ch);
      i++; // single-byte encodings: one byte per character
    }
    text = chars.join("");
  }
  const result: DecodeResult = { kind: "text", text, encoding, bom, detectedBy, undecodable };
  if (firstInvalidUtf8) result.firstInvalidUtf8 = firstInvalidUtf8;
  return result;
}

function decodeUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be", detectedBy: "bom" | "utf-16-heuristic" | "forced"): DecodeResult {
  const hasBom =
    encoding === "utf-16le" ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
  let body = hasBom ? bytes.subarray(2) : bytes;
  if (body.length % 2 === 1) body = body.subarray(0, body.length - 1);
  let text: string;
  if (encoding === "utf-16le") text = body.toString("utf16le");
  else {
    const swapped = Buffer.from(body);
    swapped.swap16();
    text = swapped.toString("utf16le");
  }
  return { kind: "text", text, encoding, bom: hasBom, detectedBy, undecodable: countLoneSurrogates(text) };
}

/** UTF-16 text of mostly Latin script has a zero in every other byte; binary data does not. */
export function sniffUtf16WithoutBom(bytes: Buffer): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven === 0) return "utf-16le";
  if (zeroEven > pairs * 0.4 && zeroOdd === 0) return "utf-16be";
  return undefined;
}

function countLoneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else count++;
    } else if (c >= 0xdc00 && c <= 0xdfff) count++;
  }
  return count;
}

/** Offset of the first byte that breaks UTF-8 (only called on invalid input). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Line and column (1-based, in characters of the valid UTF-8 before it) of a byte offset. */
function bytePosition(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = bytes.subarray(lineStart, offset).toString("utf8");
  return { line, column: prefix.length + 1 };
}

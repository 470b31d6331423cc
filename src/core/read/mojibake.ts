// Mojibake: UTF-8 bytes that were decoded as a single-byte code page (Windows-1252, Windows-1254
// or Latin-1), sometimes twice over. Detection and repair work run by run, so every repair has a
// position and the rest of the text is never touched. Pure: no I/O.
//
// The heuristic, in short (Python's ftfy is the reference for how careful this must be):
// 1. A candidate is a chain of characters that, read back as bytes of the code page, form valid
//    UTF-8 multi-byte sequences (`Ã©` = C3 A9 = `é`).
// 2. Each sequence must decode to a character that is plausible in real text (a letter of a
//    common script, punctuation, a symbol or an emoji; never a control, an unassigned or private
//    code point, IPA, or a rare script that accented capitals happen to spell).
// 3. Each sequence needs evidence. Strong evidence is a continuation character that almost never
//    follows a letter in real text (`©`, `§`, `€`, `‰`, `«`, `°`, `Ÿ`, C1 controls…), or `Ã`/`Â`
//    + no-break space (`à`) when not after a capital (or when a lowercase letter follows:
//    `CÃ\u00A0nan`). Weak continuations (closing quotes, dashes, `…`, `»`, `²³¹`) can
//    legitimately follow a capital: `SE ACABÓ”`, `Ã²` in a formula. A run with only weak evidence
//    is repaired inside a word (a lowercase letter or digit before it, or a letter right after
//    it), and only if it spells Latin. Sequences of three or four bytes with only weak
//    continuations or a no-break space (`é\u00A0»` in `café »`) are refused, and so is a
//    Windows-1254 reading (`ğ`, `Ğ` are real letters) without strong evidence.
// 4. A run of one two-character sequence is where legitimate text looks most like mojibake, so
//    the known look-alikes are left alone (acceptsPair): `×` + a symbol (`5×£35`), a lowercase
//    letter closing a word in capitals (`AHÅ™`), two letters alone (`Åš`), `Ã’s`, `Ã` + a
//    symbol in a formula (`Ã·2`), `Â` + no-break space after a capital (`PRÉCISÂ\u00A0:`).
// 5. A run with only weak evidence is still repaired when the whole text reads as mojibake: some
//    run has strong evidence and every non-ASCII character of the text belongs to a run (ftfy
//    decides on the whole text; this is the same evidence, still applied run by run). Otherwise
//    it is left as written and reported in `ambiguous`.
// 6. Single characters: a lone C1 control is Windows-1252 read as Latin-1; `Ã` + space before a
//    lowercase word, or `Ã` inside one, is `à` or `í` whose invisible byte (A0, AD) was lost.
// 7. The repaired run is read again while it is itself mojibake (text garbled two or three
//    times); only these further readings may spell IPA and modifier letters (`˛`, `ˈ`). Then the
//    text is scanned again until nothing changes. Every repair stays an edit of the input: a pass
//    that touches repaired pieces absorbs them whole (applyEdits), so repairs never overlap, and
//    the output is exactly the input with each reported span replaced (checked on every write by
//    normalize, see edits.ts).

import { Buffer } from "node:buffer";

export interface MojibakeRepair {
  /** UTF-16 offset of the garbled run in the input text. */
  start: number;
  /** UTF-16 offset just past the garbled run. */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column: number;
  /** The garbled run, for example `Ã©`. */
  found: string;
  /** What it stands for, for example `é`. */
  repaired: string;
  /** How it was misread: `Windows-1252`, `Windows-1254`, `Latin-1`, `Windows-1252 twice`, … */
  via: string;
}

/** Every garbled run in `text`, in order, with its repair. Never changes anything. */
export function findMojibake(text: string): MojibakeRepair[] {
  return repairMojibake(text).repairs;
}

/**
 * `text` with every garbled run repaired, and the list of repairs (positions in the input).
 * Repairing again finds nothing: when a repair reveals more mojibake (text garbled twice, only
 * partly), the passes are composed and reported as one repair of the original run.
 */
export function repairMojibake(text: string): MojibakeResult {
  const left: Edit[] = [];
  const firstPass = scanOnce(text, [], left);
  if (firstPass.length === 0) return { text, repairs: [], ambiguous: located(text, left) };
  let pieces = applyEdits([{ origStart: 0, origEnd: text.length, text }], firstPass);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const edits = scanOnce(joinPieces(pieces), repairedRanges(pieces));
    if (edits.length === 0) break;
    pieces = applyEdits(pieces, edits);
  }
  const spans = pieces.filter((p) => p.vias).map((p) => ({ start: p.origStart, end: p.origEnd, text: p.text, vias: p.vias ?? [] }));
  const untouched = outside(left, spans);
  return { text: joinPieces(pieces), repairs: located(text, spans), ambiguous: located(text, untouched) };
}

export interface MojibakeResult {
  /** The text with every repair applied. */
  text: string;
  /** The repairs, in order, never overlapping, in the coordinates of the input. */
  repairs: MojibakeRepair[];
  /**
   * Runs that read as mojibake with too little evidence (`Ã·2` in a formula, `PRÉCISÂ\u00A0:`):
   * left as written; `repaired` says what they would be.
   */
  ambiguous: MojibakeRepair[];
}

/** The edits (sorted) that overlap none of the spans (sorted, not overlapping). */
function outside(edits: readonly Edit[], spans: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let k = 0;
  for (const edit of edits) {
    while (k < spans.length && spans[k]!.end <= edit.start) k++;
    const span = spans[k];
    if (!span || span.start >= edit.end) out.push(edit);
  }
  return out;
}

/** Edits in the coordinates of `text` (sorted), with their lines and columns. */
function located(text: string, edits: readonly Edit[]): MojibakeRepair[] {
  const out: MojibakeRepair[] = [];
  let cursor: LineCursor = { offset: 0, line: 1, lineStart: 0 };
  for (const edit of edits) {
    cursor = advanceLines(text, cursor, edit.start);
    out.push({
      start: edit.start,
      end: edit.end,
      line: cursor.line,
      column: edit.start - cursor.lineStart + 1,
      found: text.slice(edit.start, edit.end),
      repaired: edit.text,
      via: describeVia(edit.vias),
    });
  }
  return out;
}

/**
 * Whether valid UTF-8 `bytes` can spell a place where a garbled run starts (CANDIDATE below): a
 * C1 control (C2 80-9F), a lead character (`Â`…`ô`: C3 82-B4; `Ğ`, `ğ`: C4 9E-9F) followed by a
 * character that can continue one (its UTF-8 starts with C2, C5, C6, CB or E2: CONTINUATION_LEADS),
 * or `Ã` (C3 83) followed by a space or a-z. False means findMojibake finds nothing in the text
 * these bytes decode to (line endings made LF or not), so the scan can be skipped: one pass over
 * the bytes instead of a regex over every character (almost no posting is garbled).
 */
export function mayHoldMojibakeUtf8(bytes: Uint8Array): boolean {
  // One pass over the bytes (in valid UTF-8 the byte after a lead is a continuation byte, never
  // another lead, so this is the three indexOf scans it replaces, without a call per `é`).
  const end = bytes.length - 1;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xc4) continue;
    const second = bytes[i + 1]!;
    const after = i + 2 <= end ? bytes[i + 2]! : 0;
    if (b === 0xc2) {
      if (second >= 0x80 && second <= 0x9f) return true;
    } else if (b === 0xc3) {
      if (second < 0x82 || second > 0xb4) continue;
      if (CONTINUATION_LEADS[after] === 1) return true;
      if (second === 0x83 && (after === 0x20 || (after >= 0x61 && after <= 0x7a))) return true;
    } else if ((second === 0x9e || second === 0x9f) && CONTINUATION_LEADS[after] === 1) return true;
  }
  return false;
}

// Every repair shortens the text, so the passes end; the bound only caps the work on hostile input.
const MAX_PASSES = 16;

/** A repair in the coordinates of the text one pass reads. */
interface Edit {
  start: number;
  end: number;
  text: string;
  vias: string[];
}

/**
 * The runs one pass over `text` repairs, in order. A run with only weak evidence (`Ã”` alone) is
 * also repaired when the whole text reads as mojibake: some run has strong evidence and every
 * non-ASCII character belongs to a run, so nothing in the file was ever correctly encoded.
 */
function scanOnce(text: string, repaired: readonly Range[] = [], left?: Edit[]): Edit[] {
  let r = 0;
  const edits: Edit[] = [];
  const doubtful: Edit[] = [];
  const scan = CANDIDATE; // shared: scanOnce never runs inside itself
  scan.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = scan.exec(text)) !== null) {
    const before = codePointBefore(text, match.index);
    const first = text.charCodeAt(match.index);
    const next = text.charCodeAt(match.index + 1);
    if (first < 0xa0 || next === 0x20 || (first === 0xc3 && next >= 0x61 && next <= 0x7a)) {
      // Single characters: a C1 control, `Ã` + space, `Ã` inside a lowercase word.
      const lost = first < 0xa0 ? c1Edit(first, match.index) : lostByteEdit(text, match.index, before);
      if (lost) edits.push(lost);
      scan.lastIndex = lost ? lost.end : match.index + 1;
      continue;
    }
    // A candidate inside one repaired run is a further reading of mojibake (not two repaired
    // runs side by side: `É` + `“` is not `ɓ`).
    while (r < repaired.length && repaired[r]!.end <= match.index) r++;
    const inner = r < repaired.length && repaired[r]!.start <= match.index && match.index + 2 <= repaired[r]!.end;
    let found = readRun(text, match.index, text.length, before, -1, { lostByte: true, c1: true, inner });
    let full = found ? repeatRepair(text, found) : undefined;
    if (found && !full && found.hasC1) {
      // A C1 control only makes sense as the byte of a second reading; without one, read less.
      found = readRun(text, match.index, text.length, before, -1, { lostByte: true, c1: false, inner });
      full = found ? repeatRepair(text, found) : undefined;
    }
    if (!found) {
      scan.lastIndex = match.index + 1;
      continue;
    }
    scan.lastIndex = found.end;
    if (!full || found.refused) continue;
    const edit = { start: found.start, end: found.end, text: full.text, vias: full.vias };
    (found.accepted ? edits : doubtful).push(edit);
  }
  if (doubtful.length === 0) return edits;
  const all = [...edits, ...doubtful].sort((a, b) => a.start - b.start);
  if (edits.length > 0 && readsAsMojibake(text, all)) return all;
  left?.push(...doubtful);
  return edits;
}

const NON_ASCII = /[^\u0000-\u007F]/;

/** Whether every non-ASCII character of `text` belongs to one of the (sorted) runs. */
function readsAsMojibake(text: string, runs: readonly Edit[]): boolean {
  let from = 0;
  for (const run of runs) {
    if (NON_ASCII.test(text.slice(from, run.start))) return false;
    from = run.end;
  }
  return !NON_ASCII.test(text.slice(from));
}

interface Range {
  start: number;
  end: number;
}

/** Where the repaired pieces are in the joined text. */
function repairedRanges(pieces: readonly Piece[]): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (piece.vias) ranges.push({ start: at, end: at + piece.text.length });
    at += piece.text.length;
  }
  return ranges;
}

/**
 * `Ã` + space before a lowercase word is `à` whose no-break space
 * (byte A0) a decoder or an editor turned into a space: `voilÃ le`, `jusqu'Ã nos`. A capital `Ã`
 * is never a word of its own, but it ends Portuguese words in capitals (`NÃO`, `IRMÃ `), so not
 * after a capital or a digit. Before `s` alone, the space was the byte itself (`Ã s` is `às`).
 */
function lostByteEdit(text: string, at: number, before: number): Edit | undefined {
  if (text.charCodeAt(at + 1) !== 0x20) {
    // `Ã` between lowercase letters (`antÃgeno`): `í` whose soft hyphen (byte AD), invisible,
    // was dropped. No language writes a capital `Ã` inside a lowercase word.
    return before >= 0x61 && before <= 0x7a ? { start: at, end: at + 1, text: "\u00ED", vias: ["Windows-1252"] } : undefined;
  }
  if (isUppercase(before) || (before >= 0x30 && before <= 0x39)) return undefined;
  if (!LOWERCASE_WORD_START.test(text.charAt(at + 2))) return undefined;
  // Portuguese `às`, `àquele`, `àquela`, `àquilo`: the space is the lost byte, not a word break.
  const joined = /^ (?:s(?=[\s,.;:!?)]|$)|quel[ae]s?\b|quilo\b)/.test(text.slice(at + 1, at + 9));
  return { start: at, end: joined ? at + 2 : at + 1, text: "\u00E0", vias: ["Windows-1252"] };
}

const LOWERCASE_WORD_START = /^[a-z\u00DF-\u00F6\u00F8-\u00FF]$/;

/**
 * A C1 control left alone, for Windows-1252 punctuation, is that punctuation read as Latin-1
 * (`\u0093` for `“`, `\u0085` for `…`). Only punctuation: the others are terminal controls as
 * well (`\u009B` is CSI), which a YAML printer may write raw from an escape, and are left to the
 * escaping of output.
 */
function c1Edit(code: number, at: number): Edit | undefined {
  if (!C1_PUNCTUATION.has(code)) return undefined;
  return { start: at, end: at + 1, text: CP1252_HIGH.charAt(code - 0x80), vias: ["Latin-1"] };
}

/** € ‚ „ … ‘ ’ “ ” • – — ™ */
const C1_PUNCTUATION = new Set([0x80, 0x82, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99]);

/** A stretch of the repaired text and the stretch of the input it comes from. */
interface Piece {
  origStart: number;
  origEnd: number;
  text: string;
  /** Readings undone, for repaired pieces; absent for text copied from the input. */
  vias?: string[];
}

function joinPieces(pieces: readonly Piece[]): string {
  return pieces.map((p) => p.text).join("");
}

/**
 * Applies one pass's edits (in the coordinates of the joined pieces, sorted, not overlapping) so
 * that every repaired piece still knows which stretch of the input it replaces. An edit that
 * touches a repaired piece absorbs all of it, and edits that touch the same repaired piece become
 * one piece: pieces never overlap in the input, and their texts, joined, are the new text.
 */
function applyEdits(pieces: readonly Piece[], edits: readonly Edit[]): Piece[] {
  const starts: number[] = [];
  let total = 0;
  for (const piece of pieces) {
    starts.push(total);
    total += piece.text.length;
  }
  const out: Piece[] = [];
  let p = 0; // first piece not wholly emitted
  let cursor = 0; // joined offset up to which the text is emitted
  /** Emits the joined text [cursor, to) as it is (whole repaired pieces, slices of copied ones). */
  const copyUpTo = (to: number): void => {
    while (cursor < to) {
      const piece = pieces[p]!;
      const pieceEnd = starts[p]! + piece.text.length;
      if (piece.vias) {
        out.push(piece);
      } else {
        const from = cursor - starts[p]!;
        const until = Math.min(to, pieceEnd) - starts[p]!;
        out.push({ origStart: piece.origStart + from, origEnd: piece.origStart + until, text: piece.text.slice(from, until) });
      }
      cursor = Math.min(to, pieceEnd);
      if (cursor === pieceEnd) p++;
    }
  };
  /** Index of the piece holding joined offset `at` (at < total), searching from `from`. */
  const pieceAt = (at: number, from: number): number => {
    let i = from;
    while (starts[i]! + pieces[i]!.text.length <= at) i++;
    return i;
  };
  let e = 0;
  while (e < edits.length) {
    // A group: edits chained by the repaired pieces they share, widened to whole repaired pieces.
    const first = edits[e]!;
    const i = pieceAt(first.start, p);
    let groupStart = pieces[i]!.vias ? starts[i]! : first.start;
    if (groupStart < cursor) groupStart = cursor; // cannot happen: a repaired piece is emitted whole
    let j = pieceAt(first.end - 1, i);
    let groupEnd = pieces[j]!.vias ? starts[j]! + pieces[j]!.text.length : first.end;
    let last = e;
    while (last + 1 < edits.length && edits[last + 1]!.start < groupEnd) {
      last++;
      const next = edits[last]!;
      j = pieceAt(next.end - 1, j);
      groupEnd = Math.max(groupEnd, pieces[j]!.vias ? starts[j]! + pieces[j]!.text.length : next.end);
    }
    copyUpTo(groupStart);
    const firstPiece = pieces[i]!;
    const lastPiece = pieces[j]!;
    const origStart = firstPiece.vias ? firstPiece.origStart : firstPiece.origStart + (groupStart - starts[i]!);
    const origEnd = lastPiece.vias ? lastPiece.origEnd : lastPiece.origStart + (groupEnd - starts[j]!);
    let text = "";
    let at = groupStart;
    const vias: string[] = [];
    for (let k = i; k <= j; k++) {
      const v = pieces[k]!.vias;
      if (v && v.length > vias.length) vias.splice(0, vias.length, ...v);
    }
    const absorbed = vias.length;
    let added: string[] = [];
    for (let k = e; k <= last; k++) {
      const edit = edits[k]!;
      text += joinedSlice(pieces, starts, i, at, edit.start) + edit.text;
      at = edit.end;
      if (edit.vias.length > added.length) added = edit.vias;
    }
    text += joinedSlice(pieces, starts, i, at, groupEnd);
    vias.splice(absorbed, 0, ...added);
    out.push({ origStart, origEnd, text, vias });
    cursor = groupEnd;
    p = j;
    if (cursor === starts[j]! + lastPiece.text.length) p++;
    e = last + 1;
  }
  copyUpTo(total);
  return out.filter((piece) => piece.text !== "" || piece.vias);
}

/** The joined text [from, to), read from the pieces starting at index `i`. */
function joinedSlice(pieces: readonly Piece[], starts: readonly number[], i: number, from: number, to: number): string {
  let text = "";
  for (let k = i; k < pieces.length && starts[k]! < to; k++) {
    const s = starts[k]!;
    const piece = pieces[k]!;
    if (s + piece.text.length <= from) continue;
    text += piece.text.slice(Math.max(0, from - s), Math.min(piece.text.length, to - s));
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Code page tables

/** Windows-1252 characters for bytes 0x80-0x9F; C1 controls stand for the five undefined bytes. */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** Letters Windows-1254 has where Windows-1252 has Icelandic ones (same bytes). */
const CP1254_ONLY: ReadonlyArray<readonly [string, number]> = [
  ["\u011E", 0xd0], // Ğ
  ["\u0130", 0xdd], // İ
  ["\u015E", 0xde], // Ş
  ["\u011F", 0xf0], // ğ
  ["\u0131", 0xfd], // ı
  ["\u015F", 0xfe], // ş
];

/** Characters of Windows-1252 that Windows-1254 lacks (a run cannot mix both readings). */
const CP1252_ONLY = new Set([0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe, 0x017d, 0x017e]);

const FLAG_1252_PUNCT = 1; // a Windows-1252 character for 0x80-0x9F (not Latin-1)
const FLAG_1254_ONLY = 2;
const FLAG_1252_ONLY = 4;
const FLAG_C1 = 8; // a C1 control for a byte Windows-1252 defines: a Latin-1 reading
const FLAG_C1_1254 = 16; // a C1 control for a byte Windows-1254 defines: not a Windows-1254 reading

const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const UNDEFINED_1254 = new Set([0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);

/** Byte for characters above U+00FF. */
const HIGH_BYTES = new Map<number, number>();
/** Reading flags for characters above U+00FF. */
const HIGH_FLAGS = new Map<number, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) {
  const code = CP1252_HIGH.charCodeAt(i);
  if (code > 0xff) {
    HIGH_BYTES.set(code, 0x80 + i);
    HIGH_FLAGS.set(code, FLAG_1252_PUNCT | (CP1252_ONLY.has(code) ? FLAG_1252_ONLY : 0));
  }
}
for (const [ch, byte] of CP1254_ONLY) {
  HIGH_BYTES.set(ch.charCodeAt(0), byte);
  HIGH_FLAGS.set(ch.charCodeAt(0), FLAG_1254_ONLY);
}

/** The byte a character stands for in the code pages we undo, or -1. */
function byteOf(code: number): number {
  if (code <= 0xff) return code;
  return HIGH_BYTES.get(code) ?? -1;
}

function flagsOf(code: number): number {
  if (code <= 0xff) {
    if (code >= 0x80 && code <= 0x9f) {
      return (UNDEFINED_1252.has(code) ? 0 : FLAG_C1) | (UNDEFINED_1254.has(code) ? 0 : FLAG_C1_1254);
    }
    return CP1252_ONLY.has(code) ? FLAG_1252_ONLY : 0;
  }
  return HIGH_FLAGS.get(code) ?? 0;
}

function escapeForClass(chars: string): string {
  let out = "";
  for (const ch of chars) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return out;
}

/** The first UTF-8 byte of every character CONTINUATION_CLASS holds (1 at those bytes): mayHoldMojibakeUtf8's test. */
const CONTINUATION_LEADS = (() => {
  const table = new Uint8Array(256);
  table[0xc2] = 1; // U+0080-U+00BF
  for (const ch of CP1252_HIGH) table[Buffer.from(ch, "utf8")[0]!] = 1;
  return table;
})();
const CONTINUATION_CLASS = `[\\u0080-\\u00BF${escapeForClass(CP1252_HIGH.replace(/[\u0080-\u009F]/g, ""))}]`;
/** Lead bytes C2-F4 (Latin-1 letters Â…ô) and Windows-1254's ğ (F0) and Ğ (D0). */
const LEAD_CLASS = "[\\u00C2-\\u00F4\\u011E\\u011F]";
/**
 * The only places mojibake can start: a lead character followed by a continuation character, a
 * C1 control, or `Ã` before a space or a lowercase letter (a byte lost). One regex, so text with
 * no candidate costs one scan; the C1 alternative first keeps V8's scan fast.
 */
const CANDIDATE = new RegExp(
  `[\u0080-\u009F]|${LEAD_CLASS}(?:${CONTINUATION_CLASS}|(?<=\u00C3)[ a-z])`,
  "g",
);

/**
 * Continuation characters that real text can put right after a capital letter (closing quotes,
 * dashes, an ellipsis, superscripts: `IRMÃ”`, `SE ACABÓ…`, `Ã²` in a formula), so they are weak
 * evidence of mojibake. Every other character of 0x80-0xBF is strong evidence: `Ã©`, `Â°`, `Â«`
 * or a C1 control do not occur in real text.
 */
const WEAK_CONTINUATIONS = new Set(
  [..."\u00A0\u2018\u2019\u201C\u201D\u2026\u2013\u2014\u00BB\u00B2\u00B3\u00B9"].map((c) => c.charCodeAt(0)),
);

const SUPERSCRIPTS = new Set([0xb2, 0xb3, 0xb9]);

const NBSP = 0xa0;
/** Weak evidence is only enough for what `Â`, `Ã`, `Ä` and `Å` spell: Latin-1 and Latin Extended-A. */
const LATIN_EXTENDED_B = 0x180;

// ---------------------------------------------------------------------------------------------
// Reading sequences and runs

interface Sequence {
  start: number;
  end: number;
  codePoint: number;
  strong: boolean;
  flags: number;
}

interface ReadOptions {
  /** Accept `â€` + space as `”` whose last byte was lost (only at the outer reading). */
  lostByte: boolean;
  /** Accept sequences that spell C1 controls, which a further reading must turn into bytes. */
  c1: boolean;
  /**
   * A reading inside a run that was already mojibake: IPA and spacing modifier letters are
   * plausible there (`Ã‹â€º` is `˛`), never in a first reading (`Ê¼` is Portuguese `Ê` + `¼`).
   */
  inner?: boolean;
}

interface Run {
  start: number;
  end: number;
  /** Decoded text of the run. */
  text: string;
  flags: number;
  accepted: boolean;
  /** The decoded text contains C1 controls (only valid as the input of another reading). */
  hasC1: boolean;
  /** Never mojibake, even when the rest of the text is: `5×£35` is a price. */
  refused?: boolean;
}

/**
 * The chain of mojibake sequences starting at `start` (not past `limit`), or undefined when the
 * first one is not a plausible sequence. `before` is the code point before `start` and
 * `afterLimit` the one at `limit` (-1 for none); `accepted` says whether the evidence suffices.
 */
function readRun(
  s: string,
  start: number,
  limit: number,
  before: number,
  afterLimit: number,
  options: ReadOptions,
): Run | undefined {
  const codePoints: number[] = [];
  let flags = 0;
  let strong = false;
  let i = start;
  let prev = before;
  let lastWasNbsp = false;
  let latinOnly = true;
  let hasC1 = false;
  for (;;) {
    const seq = readSequence(s, i, limit, prev, options);
    if (!seq) break;
    const merged = flags | seq.flags;
    if (merged & FLAG_1254_ONLY && merged & (FLAG_1252_ONLY | FLAG_C1_1254)) break;
    flags = merged;
    if (seq.strong) strong = true;
    codePoints.push(seq.codePoint);
    if (seq.codePoint >= LATIN_EXTENDED_B) latinOnly = false;
    if (seq.codePoint < 0xa0) hasC1 = true;
    lastWasNbsp = s.charCodeAt(seq.end - 1) === NBSP;
    prev = seq.codePoint;
    i = seq.end;
  }
  if (codePoints.length === 0) return undefined;
  const after = i < limit ? (s.codePointAt(i) ?? -1) : afterLimit;
  let accepted = strong;
  const lone = codePoints[0] ?? 0;
  if (options.inner && lone >= 0x250 && lone < 0x300 && codePoints.length === 1) {
    // A modifier letter is only ever read inside mojibake (`Ã‹Å’` is `ˌ` twice over).
    accepted = true;
  } else if (codePoints.length === 1 && i - start === 2) {
    accepted = acceptsPair(s.charCodeAt(start), s.charCodeAt(start + 1), lone, before, after, accepted);
  } else if (!accepted && latinOnly) {
    // Weak evidence only: believe it inside a word, never next to spaces or capitals alone, and
    // only for Latin letters and symbols (`ÑANDÚ—le` is not Arabic).
    accepted = isLowercaseOrDigit(before) || (!lastWasNbsp && isLetter(after));
  } else if (!accepted && options.inner) {
    // A further reading inside a word (`dÊ’É’b` twice over is `dʒɒb`).
    accepted = isLowercaseOrDigit(before);
  }
  // `×` is a symbol, and one Hebrew letter alone is a product or a price: `5×£35`, `×¥`.
  const refused = codePoints.length === 1 && s.charCodeAt(start) === 0xd7;
  return { start, end: i, text: fromCodePoints(codePoints), flags, accepted: accepted && !refused, hasC1, refused };
}

/**
 * Whether one two-character sequence alone (`lead`, `cont`, decoding to `cp`, between `before`
 * and `after`) is mojibake, given whether its continuation is strong evidence. Two characters are
 * the place where legitimate text looks most like mojibake, so each known look-alike is refused
 * here (left as written; the whole-text rule of scanOnce may still accept it).
 */
function acceptsPair(lead: number, cont: number, cp: number, before: number, after: number, strong: boolean): boolean {
  const contIsLetter = isLetter(cont);
  if (cp >= 0x370 && cp < 0x800) {
    if (!(isLatinLetter(before) || isLatinLetter(after))) return strong;
    // Glued to a Latin word, a capital then a letter is Latin text (`ÑANDÚœuvre`); a Greek
    // letter spelled with a symbol is mojibake inside a word (`IL2RÎ³cKO`).
    if (contIsLetter || cp >= 0x400) return false;
    return strong || (isLetterOrDigit(before) && isLetterOrDigit(after));
  }
  // A lowercase letter closing a word in capitals is a capital and a symbol (`AHÅ™`, `MÄ£ÄM`).
  if (isLowercase(cp) && isUppercase(before) && !isLowercase(after)) return false;
  // Two letters standing alone are a word or initials (`Åš,`), not one letter.
  if (contIsLetter && !isLetter(before) && !isLetter(after)) return false;
  // `Ã’s`: a capital's apostrophe-s.
  if (cont === 0x2019 && after === 0x73) return false;
  // `Ã` with a symbol, outside a word, is a formula (`x = Ã² + Ã·2`, `Ã±1`).
  if (lead === 0xc3 && FORMULA_SYMBOLS.has(cont) && !isLetter(before) && !isLetter(after)) return false;
  if (strong) return true;
  // Weak evidence only: believe it inside a word, never next to spaces or capitals alone, and
  // only for Latin letters and symbols (`ÑANDÚ—le` is not Arabic).
  if (cp >= LATIN_EXTENDED_B) return false;
  return isLowercaseOrDigit(before) || (cont !== NBSP && isLetter(after));
}

const FORMULA_SYMBOLS = new Set([..."±·¬¯°´²³¹¼½¾µ¶¦"].map((c) => c.charCodeAt(0)));

function isLetterOrDigit(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39);
}

/** String.fromCodePoint(...all) overflows the stack past ~100,000 arguments: a long garbled run. */
function fromCodePoints(codePoints: readonly number[]): string {
  let text = "";
  for (let i = 0; i < codePoints.length; i += 4096) text += String.fromCodePoint(...codePoints.slice(i, i + 4096));
  return text;
}

function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** One UTF-8 sequence read through the code page at `i`, if it is plausible. */
function readSequence(s: string, i: number, limit: number, prevCodePoint: number, options: ReadOptions): Sequence | undefined {
  if (i >= limit) return undefined;
  const leadChar = s.charCodeAt(i);
  const lead = byteOf(leadChar);
  if (lead < 0xc2 || lead > 0xf4) return undefined;
  const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  let codePoint = lead & (0x3f >> need);
  let flags = flagsOf(leadChar);
  let strongContinuations = 0;
  for (let k = 1; k <= need; k++) {
    const at = i + k;
    const c = at < limit ? s.charCodeAt(at) : -1;
    const b = c < 0 ? -1 : byteOf(c);
    if (b < 0x80 || b > 0xbf) {
      // `â€` then a space or the end: the third byte of `”` (0x9D, undefined in Windows-1252)
      // was dropped by the decoder or replaced by U+FFFD.
      if (options.lostByte && lead === 0xe2 && k === 2 && codePoint === 0x80 && isLostByteGap(c)) {
        const end = c === 0xfffd ? at + 1 : at;
        return { start: i, end, codePoint: 0x201d, strong: true, flags };
      }
      return undefined;
    }
    if (k === 1) {
      if (lead === 0xe0 && b < 0xa0) return undefined; // overlong
      if (lead === 0xed && b >= 0xa0) return undefined; // surrogate
      if (lead === 0xf0 && b < 0x90) return undefined; // overlong
      if (lead === 0xf4 && b >= 0x90) return undefined; // beyond U+10FFFF
    }
    // A no-break space inside a 3- or 4-byte sequence is French typography (`café\u00A0©`),
    // except as the last byte of a symbol after `â` (`â€\u00A0` is †).
    if (c === NBSP && need >= 2 && (k === 1 || lead !== 0xe2)) return undefined;
    codePoint = (codePoint << 6) | (b & 0x3f);
    flags |= flagsOf(c);
    // After `Â` (a no-break space or a Latin-1 symbol) only superscripts are ambiguous (`Â²`).
    // `Â` + no-break space is weak after a capital: French typography after `Â` (`PRÉCISÂ\u00A0:`).
    if (lead === 0xc2 ? !SUPERSCRIPTS.has(c) && !(c === NBSP && !options.inner && isUppercase(prevCodePoint)) : !WEAK_CONTINUATIONS.has(c)) strongContinuations++;
  }
  if (codePoint < 0xa0 ? !options.c1 : !isPlausible(codePoint, prevCodePoint, options.inner === true)) return undefined;

  let strong = strongContinuations > 0;
  // IPA and modifiers (inner readings only) also need a continuation no text puts after a
  // capital, or a lowercase letter before: `Ã‹â€º` is `˛` and `HawaiÃŠÂ»i` is `Hawaiʻi`, but
  // `Ã‰â€œ` is `É“`, not `ɓ`.
  if (codePoint >= 0x250 && codePoint < 0x300 && !strong && !isLowercase(prevCodePoint)) return undefined;
  if (need === 1 && !strong && lead === 0xc3 && s.charCodeAt(i + 1) === NBSP) {
    // `Ã` + no-break space is `à`, the most common French mojibake, but not at the end of a word
    // in capitals (`IRMÃ\u00A0!` is Portuguese). `Â` + no-break space is strong already.
    // A lowercase letter right after the space continues the word: `CÃ\u00A0nan` is `Cànan`.
    strong = !isUppercase(prevCodePoint) || (i + 2 < limit && isLowercase(s.codePointAt(i + 2) ?? -1));
  }
  if (need >= 2 && !strong) {
    // Only punctuation after an accented letter is ordinary text (`café »`), unless it spells a
    // symbol nobody types that way (`â–º` is ►, `ï»¿` a byte order mark).
    if (!(lead === 0xe2 && isSymbolBlock(codePoint)) && codePoint !== 0xfeff) return undefined;
    strong = true;
  }
  // A Turkish reading is only believed on strong evidence: `ğ` and `Ğ` are real letters.
  if (flags & FLAG_1254_ONLY && !strong) return undefined;
  return { start: i, end: i + 1 + need, codePoint, strong, flags };
}

function isLostByteGap(c: number): boolean {
  return c === -1 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfffd;
}

function isSymbolBlock(cp: number): boolean {
  return (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x2500 && cp <= 0x27bf);
}

// Unicode property classes cost half a millisecond to create (\p{Cn} most): made on first use,
// which a run with no candidate for mojibake (nearly every run) never reaches.
let unicodeClasses: { unassignedOrPrivate: RegExp; letter: RegExp; lowercase: RegExp; uppercase: RegExp } | undefined;
function unicode(): NonNullable<typeof unicodeClasses> {
  return (unicodeClasses ??= { unassignedOrPrivate: /^[\p{Cn}\p{Co}\p{Cs}\p{Cc}]$/u, letter: /^\p{L}$/u, lowercase: /^\p{Ll}$/u, uppercase: /^\p{Lu}$/u });
}

/** Whether a decoded character is something real text contains (given the one before it). */
function isPlausible(cp: number, prevCodePoint: number, inner: boolean): boolean {
  if (cp === 0xfffd) return false; // never produce a replacement character
  if (inner && cp >= 0x250 && cp < 0x300) return true; // IPA and spacing modifiers, twice over only
  if (!isPlausibleBlock(cp, prevCodePoint)) return false;
  if ((cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;
  return !unicode().unassignedOrPrivate.test(String.fromCodePoint(cp));
}

function isPlausibleBlock(cp: number, prevCodePoint: number): boolean {
  if (cp < 0xa0) return false; // C1 controls
  if (cp < 0x250) return true; // Latin-1 symbols and letters, Latin Extended-A and -B
  if (cp === 0x2c6 || cp === 0x2dc) return true; // ˆ and ˜ are Windows-1252 characters (mojibake twice over)
  if (cp < 0x300) return false; // IPA and spacing modifiers: what `Ê` or `É` + `»` spell
  if (cp < 0x370) return canCarryMark(prevCodePoint); // combining marks (NFD text, strike-through)
  if (cp < 0x500) return true; // Greek, Cyrillic
  if (cp < 0x5d0) return false; // Cyrillic Supplement, Armenian, Hebrew points
  if (cp <= 0x5ea) return true; // Hebrew letters
  if (cp < 0x600) return false;
  if (cp < 0x700) return true; // Arabic
  if (cp < 0x900) return false; // Syriac, Thaana, NKo, Samaritan…: what `Ü`/`ß`/`à` + `»` spell
  if (cp < 0x1d00) return true; // Indic, Thai, Georgian, Hangul Jamo
  if (cp < 0x1e00) return false; // phonetic extensions: what `á` + `´´` spells
  if (cp < 0x2c00) return true; // Latin Extended Additional (Vietnamese), punctuation, symbols
  if (cp < 0x2e00) return false;
  if (cp < 0xa000) return true; // supplemental punctuation, CJK, kana
  if (cp < 0xac00) return false;
  if (cp < 0xd7b0) return true; // Hangul
  if (cp < 0xf900) return false; // private use
  if (cp < 0xfb50) return true; // CJK compatibility, ligatures
  if (cp < 0xfe00) return false;
  if (cp < 0xfff0) return true; // variation selectors, small and full-width forms, BOM
  if (cp < 0x10000) return false;
  if (cp >= 0x1d400 && cp < 0x1d800) return true; // mathematical letters
  if (cp >= 0x1f000 && cp < 0x1fb00) return true; // emoji and pictographs
  if (cp >= 0x20000 && cp < 0x40000) return true; // CJK extensions
  if (cp >= 0xe0000 && cp < 0xe0080) return true; // tags (flag sequences)
  return false;
}

/** A combining mark follows a letter, a digit (`6̶`), a quote or a symbol (`'́`, `$̶`), not a space. */
function canCarryMark(code: number): boolean {
  return code > 0x20 && !(code >= 0x7f && code <= 0xa0) && !/^\s$/u.test(String.fromCodePoint(code));
}

function isLetter(code: number): boolean {
  if (code < 0) return false;
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return unicode().letter.test(String.fromCodePoint(code));
}

function isLatinLetter(code: number): boolean {
  if (code < 0x80) return isLetter(code);
  return code >= 0xc0 && code < 0x250 && code !== 0xd7 && code !== 0xf7;
}

function isUppercase(code: number): boolean {
  if (code < 0) return false;
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return unicode().uppercase.test(String.fromCodePoint(code));
}

function isLowercase(code: number): boolean {
  if (code < 0) return false;
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return unicode().lowercase.test(String.fromCodePoint(code));
}

function isLowercaseOrDigit(code: number): boolean {
  if (code < 0) return false;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return unicode().lowercase.test(String.fromCodePoint(code));
}

// ---------------------------------------------------------------------------------------------
// Twice-over mojibake and labels

/**
 * Reads the repaired run again while it is itself, from end to end, mojibake with enough
 * evidence (`ÃƒÂ©` → `Ã©` → `é`). The inner reading keeps the run's surroundings as context.
 * Returns the deepest reading free of C1 controls, or undefined if there is none.
 */
function repeatRepair(source: string, first: Run): { text: string; vias: string[] } | undefined {
  const before = codePointBefore(source, first.start);
  const after = first.end < source.length ? (source.codePointAt(first.end) ?? -1) : -1;
  const vias = [readingName(first.flags)];
  let current = first;
  let best = first.hasC1 ? undefined : { text: first.text, vias: [...vias] };
  for (let level = 1; level < 3; level++) {
    const text = current.text;
    const again = readRun(text, 0, text.length, before, after, { lostByte: false, c1: true, inner: true });
    if (!again || !again.accepted || again.end !== text.length) break;
    vias.push(readingName(again.flags));
    current = again;
    if (!again.hasC1) best = { text: again.text, vias: [...vias] };
  }
  return best;
}

function readingName(flags: number): string {
  if (flags & FLAG_1254_ONLY) return "Windows-1254";
  if (flags & FLAG_C1 && !(flags & FLAG_1252_PUNCT)) return "Latin-1";
  return "Windows-1252";
}

function describeVia(vias: readonly string[]): string {
  const first = vias[0] ?? "Windows-1252";
  if (vias.length === 1) return first;
  if (vias.every((v) => v === first)) return vias.length === 2 ? `${first} twice` : `${first} ${vias.length} times`;
  return vias.join(" then ");
}

// ---------------------------------------------------------------------------------------------
// Positions

interface LineCursor {
  offset: number;
  line: number;
  lineStart: number;
  /** The first line feed at or after `offset` (-1: none), so runs on one long line do not rescan it. */
  nextNewline?: number;
}

/** Moves the cursor forward to `offset`, counting line feeds (positions only ever increase). */
function advanceLines(text: string, cursor: LineCursor, offset: number): LineCursor {
  let { line, lineStart } = cursor;
  let nl = cursor.nextNewline ?? text.indexOf("\n", cursor.offset);
  while (nl !== -1 && nl < offset) {
    line++;
    lineStart = nl + 1;
    nl = text.indexOf("\n", nl + 1);
  }
  return { offset, line, lineStart, nextNewline: nl };
}

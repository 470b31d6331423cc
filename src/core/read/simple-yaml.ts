// A fast reader for the front matter most postings have: `key: value` lines at the left margin
// (a space before the colon allowed) with plain or quoted scalars, which may go on over indented
// lines (folded as YAML folds them), one-line `[a, b]` lists, `- item` lists, comments on their
// own lines or after a value, blank lines and trailing white space. It returns what the `yaml`
// package (YAML 1.2 core schema, as parseYaml configures it) would return, with the same source
// offsets for every key, value and list item and the same YAML 1.1 readings (yaml11.ts), or
// undefined for anything else, which then goes through `yaml`. It refuses rather than guesses: a
// wrong reading would change a finding, a refusal only costs time. test/simple-yaml.test.ts and
// test/simple-yaml-forms.test.ts check it against `yaml` on every fixture and thousands of
// generated front matters. It reads the source once, line by line, with character tests rather
// than regular expressions where it can: it runs on nearly every file.
import type { Position } from "../findings.js";
import type { LocatedFrontMatter } from "./posting.js";
import type { KeyPath, Yaml11Reading } from "./yaml.js";
import { yaml11Reading } from "./yaml11.js";
import { CORE_BOOL, CORE_NULL, CORE_NUMBER, CORE_TRUE, coreMayReadAsNonText, SIMPLE_NUMBER } from "./scalars.js";

export { coreReadsAsNonText } from "./scalars.js";

export type SimpleValue = string | number | boolean | null;

/** A scalar as written: its value, whether it was plain (no quotes), and its first character's offset. */
export interface SimpleScalar {
  value: SimpleValue;
  plain: boolean;
  offset: number;
}

/** One top-level `key: value`; `value` is a scalar or a list, each with the offset `yaml` gives it. */
export interface SimpleEntry {
  key: string;
  offset: number;
  value: SimpleScalar | { items: SimpleScalar[]; offset: number };
}

export interface SimpleYaml {
  data: Record<string, unknown>;
  /** The top-level entries in source order. */
  entries: SimpleEntry[];
  /** Plain scalars Jekyll reads otherwise (YAML 1.1), keys included, as parseYaml reports them. */
  yaml11Readings: Yaml11Reading[];
  /** Whether a comment was read (on its own line or after a value): yaml keeps comments where they stand, so a printer needs the document. */
  comments: boolean;
}

// Characters refused anywhere: controls but the tab and the line feed, DEL, C1 controls (NEL
// among them), line/paragraph separators, the BOM and the spaces JavaScript's trim() or \s would
// strip but YAML keeps. The no-break space is an ordinary character for YAML and is read as one,
// except at the start of a plain scalar (startsPlain); a tab only as trailing white space.
const REFUSED_CHAR = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** Items deeper than this are left to yaml. */
const MAX_ITEM_INDENT = 8;
/** Keys longer than this are left to yaml. */
const MAX_KEY_LENGTH = 128;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;

/** A scalar still being read: a plain one may go on over more indented lines, a quoted one until its closing quote. */
interface OpenScalar {
  quote: 0 | 0x22 | 0x27;
  value: string;
  offset: number;
  /** Continuation lines must be indented more than this (the key's or the item's dash). */
  indent: number;
  /** Blank lines since the last line of text: each is a line feed in the value. */
  blanks: number;
  /** Where it goes: the entry's own value, or the next list item. */
  item: boolean;
}

/** The mapping `source` holds, when it is within the simple subset; undefined otherwise. */
export function parseSimpleYaml(source: string): SimpleYaml | undefined {
  if (REFUSED_CHAR.test(source)) return undefined;
  const reader = new SimpleReader(source);
  return reader.read() ? reader.result() : undefined;
}

// One instance per front matter; a class so that its fields keep one shape (this is the hot path).
class SimpleReader {
  private readonly data: Record<string, unknown> = {};
  private readonly entries: SimpleEntry[] = [];
  private readonly readings: Yaml11Reading[] = [];
  private comments = false;
  /** The entry whose value is not complete yet: `key:` with nothing after it, a list, or a scalar still open. */
  private entry: SimpleEntry | undefined = undefined;
  /** Where yaml places the entry's empty value: the end of its line, or its comment. */
  private emptyAt = 0;
  /** The entry's own value (a scalar or a flow list) was read: no items may follow. */
  private valueRead = false;
  private items: SimpleScalar[] | undefined = undefined;
  private dashIndent = 0;
  private dashOffset = 0;
  private scalar: OpenScalar | undefined = undefined;
  /**
   * What `scalar` points to while a scalar is open: one object per reader, filled anew for each
   * scalar (hot path: a front matter has a dozen of them, each read to its end before the next).
   */
  private readonly openScalar: OpenScalar = { quote: 0, value: "", offset: 0, indent: 0, blanks: 0, item: false };

  constructor(private readonly source: string) {}

  result(): SimpleYaml | undefined {
    if (this.entries.length === 0) return undefined;
    return { data: this.data, entries: this.entries, yaml11Readings: this.readings, comments: this.comments };
  }

  /** Reads every line; false as soon as one is outside the subset. */
  read(): boolean {
    const source = this.source;
    const tabs = source.includes("\t");
    let offset = 0;
    while (offset <= source.length) {
      let end = source.indexOf("\n", offset);
      if (end === -1) end = source.length;
      const lineStart = offset;
      offset = end + 1;
      // Trailing white space is no part of any value (lint reports it before parsing).
      let textEnd = end;
      for (let c = source.charCodeAt(textEnd - 1); textEnd > lineStart && (c === SPACE || c === TAB); c = source.charCodeAt(textEnd - 1)) textEnd--;
      if (textEnd === lineStart) {
        // A blank line; one of tabs is left to yaml.
        if (tabs && source.slice(lineStart, end).includes("\t")) return false;
        if (this.scalar) this.scalar.blanks++;
        continue;
      }
      const line = source.slice(lineStart, textEnd);
      if (tabs && line.includes("\t")) return false;
      if (!this.readLine(line, lineStart, end)) return false;
    }
    // A quote still open at the end is a syntax error for yaml.
    if (this.scalar?.quote) return false;
    return this.closeEntry();
  }

  private readLine(line: string, lineStart: number, end: number): boolean {
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    const scalar = this.scalar;
    if (scalar?.quote) return indent > scalar.indent && this.continueQuoted(scalar, line, indent);
    const first = line.charCodeAt(indent);
    if (first === HASH) {
      this.comments = true;
      if (scalar && !scalar.item) return this.closeEntry();
      // A comment between `key:` and its items makes yaml place the list elsewhere: left to it.
      return this.entry === undefined;
    }
    if (scalar) {
      if (indent > scalar.indent) return this.continuePlain(scalar, line, indent);
      if (!this.closeScalar()) return false;
    }
    if (first === DASH && line.charCodeAt(indent + 1) === SPACE) return this.readItem(line, lineStart, indent);
    // `key:` with its value on the next line is left to yaml: normalize cannot edit such a value in place.
    if (indent > 0) return false;
    return this.closeEntry() && this.readKey(line, lineStart, end);
  }

  private readKey(line: string, lineStart: number, end: number): boolean {
    if (!isKeyStart(line.charCodeAt(0))) return false;
    let nameEnd = 1;
    while (nameEnd < line.length && isKeyChar(line.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd > MAX_KEY_LENGTH) return false;
    // Hot path: every read stays within the line (a charCodeAt past the end, NaN, makes V8 drop
    // and recompile the optimized code of this function and of those it is inlined into).
    let colon = nameEnd;
    while (colon < line.length && line.charCodeAt(colon) === SPACE) colon++;
    if (line.charCodeAt(colon) !== COLON) return false;
    let start = colon + 1;
    if (start < line.length && line.charCodeAt(start) !== SPACE) return false;
    const name = line.slice(0, nameEnd);
    // Keys the core schema reads as something other than text, and one toJS treats specially.
    if ((coreMayReadAsNonText(name) && (CORE_NULL.test(name) || CORE_BOOL.test(name))) || name === "__proto__") return false;
    if (Object.prototype.hasOwnProperty.call(this.data, name)) return false; // duplicate: parseYaml reports it
    const keyReading = yaml11Reading(name);
    if (keyReading) this.readings.push({ kind: keyReading.kind, value: keyReading.value, path: [name], text: name, offset: lineStart, key: true });
    while (start < line.length && line.charCodeAt(start) === SPACE) start++;
    const entry: SimpleEntry = { key: name, offset: lineStart, value: NO_VALUE_YET };
    this.entry = entry;
    this.emptyAt = end;
    this.valueRead = false;
    if (start === line.length) return true;
    if (line.charCodeAt(start) === HASH) {
      this.comments = true;
      this.emptyAt = lineStart + start;
      return true;
    }
    if (line.charCodeAt(start) === 0x5b /* [ */) return this.readFlowList(line, start, lineStart);
    return this.startValue(line, start, lineStart, 0, false);
  }

  private readItem(line: string, lineStart: number, indent: number): boolean {
    // Items belong to the `key:` just above, all at one indentation.
    const entry = this.entry;
    if (!entry || indent > MAX_ITEM_INDENT || this.valueRead) return false;
    if (this.items === undefined) {
      this.items = [];
      this.dashIndent = indent;
      this.dashOffset = lineStart + indent;
    } else if (indent !== this.dashIndent) return false;
    let start = indent + 2;
    while (line.charCodeAt(start) === SPACE) start++;
    const first = line.charCodeAt(start);
    if (first === HASH || first === 0x5b /* [ */) return false;
    return this.startValue(line, start, lineStart, indent, true);
  }

  /** A block scalar's first line, from `start` in `line`: quoted, or plain (both may go on below). */
  private startValue(line: string, start: number, lineStart: number, indent: number, item: boolean): boolean {
    const quote = line.charCodeAt(start);
    if (quote === 0x22 || quote === 0x27) {
      return this.readQuoted(this.open(quote, "", lineStart + start, indent, item), line, start + 1);
    }
    if (!startsPlain(line, start)) return false;
    const textEnd = plainTextEnd(line, start);
    if (textEnd === -1) return false;
    this.open(0, line.slice(start, textEnd), lineStart + start, indent, item);
    return textEnd < line.length ? this.endPlainWithComment() : true;
  }

  /** The scalar that starts here, now open (in the reader's one OpenScalar). */
  private open(quote: OpenScalar["quote"], value: string, offset: number, indent: number, item: boolean): OpenScalar {
    const scalar = this.openScalar;
    scalar.quote = quote;
    scalar.value = value;
    scalar.offset = offset;
    scalar.indent = indent;
    scalar.blanks = 0;
    scalar.item = item;
    this.scalar = scalar;
    return scalar;
  }

  /** A plain scalar's next line: folded into it, with a space or the blank lines between. */
  private continuePlain(scalar: OpenScalar, line: string, indent: number): boolean {
    if (!startsPlain(line, indent)) return false;
    const textEnd = plainTextEnd(line, indent);
    if (textEnd === -1) return false;
    scalar.value += (scalar.blanks > 0 ? "\n".repeat(scalar.blanks) : " ") + line.slice(indent, textEnd);
    scalar.blanks = 0;
    return textEnd < line.length ? this.endPlainWithComment() : true;
  }

  /** A comment ends a plain scalar: nothing may continue it. The entry's own value is then complete; a list may have more items. */
  private endPlainWithComment(): boolean {
    this.comments = true;
    return this.scalar!.item ? this.closeScalar() : this.closeEntry();
  }

  private continueQuoted(scalar: OpenScalar, line: string, indent: number): boolean {
    scalar.value += scalar.blanks > 0 ? "\n".repeat(scalar.blanks) : " ";
    scalar.blanks = 0;
    return this.readQuoted(scalar, line, indent);
  }

  /** Quoted text from `from` in `line` up to the closing quote or the end of the line (to be continued). */
  private readQuoted(scalar: OpenScalar, line: string, from: number): boolean {
    const end = quotedText(line, from, scalar);
    if (end === REFUSE) return false;
    if (end === OPEN) return true;
    // After the closing quote: nothing, or a comment.
    if (end < line.length) {
      let i = end;
      while (line.charCodeAt(i) === SPACE) i++;
      if (i === end || line.charCodeAt(i) !== HASH) return false;
      this.comments = true;
    }
    return scalar.item ? this.closeScalar() : this.closeEntry();
  }

  /** `[a, "b", 'c']` on the key's line, perhaps with a comment after it. */
  private readFlowList(line: string, start: number, lineStart: number): boolean {
    const entry = this.entry!;
    const list = flowList(line, start, lineStart);
    if (list === REFUSE) return false;
    if (list.end < line.length) {
      let i = list.end;
      while (line.charCodeAt(i) === SPACE) i++;
      if (i === list.end || line.charCodeAt(i) !== HASH) return false;
      this.comments = true;
    }
    const values: SimpleValue[] = [];
    for (let i = 0; i < list.items.length; i++) {
      const scalar = list.items[i]!;
      this.noteReading(scalar, list.texts[i], entry.key, i);
      values.push(scalar.value);
    }
    entry.value = { items: list.items, offset: lineStart + start };
    this.data[entry.key] = values;
    this.entries.push(entry);
    this.entry = undefined;
    return true;
  }

  /** The open scalar, complete: resolved and placed (the entry's value or its next item); false when refused. */
  private closeScalar(): boolean {
    const open = this.scalar!;
    const entry = this.entry!;
    this.scalar = undefined;
    let scalar: SimpleScalar;
    if (open.quote) scalar = { value: open.value, plain: false, offset: open.offset };
    else {
      const value = plainValue(open.value);
      if (value === REFUSE) return false;
      scalar = { value, plain: true, offset: open.offset };
      this.noteReading(scalar, open.value, entry.key, open.item ? this.items!.length : undefined);
    }
    if (open.item) this.items!.push(scalar);
    else {
      entry.value = scalar;
      this.valueRead = true;
    }
    return true;
  }

  /** The pending entry, complete: its list, its scalar or its empty value; false when refused. */
  private closeEntry(): boolean {
    const entry = this.entry;
    if (!entry) return true;
    if (this.scalar && !this.closeScalar()) return false;
    if (this.items) {
      entry.value = { items: this.items, offset: this.dashOffset }; // yaml places a block list at its first `-`
      this.data[entry.key] = this.items.map((item) => item.value);
    } else {
      // `key:` with nothing after it: null, where yaml places it (the end of the line, or its comment).
      if (entry.value === NO_VALUE_YET) entry.value = { value: null, plain: true, offset: this.emptyAt };
      this.data[entry.key] = (entry.value as SimpleScalar).value;
    }
    this.entries.push(entry);
    this.entry = undefined;
    this.items = undefined;
    return true;
  }

  /** The YAML 1.1 reading of a plain scalar written `text` (the value of `key`, or its item `index`), when Psych reads it otherwise. */
  private noteReading(scalar: SimpleScalar, text: string | undefined, key: string, index: number | undefined): void {
    if (!scalar.plain || text === undefined) return;
    const reading = yaml11Reading(text);
    // The path is made only for the rare scalar that has a reading (this runs on every plain value).
    if (reading) this.readings.push({ kind: reading.kind, value: reading.value, path: index === undefined ? [key] : [key, index], text, offset: scalar.offset });
  }
}

const REFUSE = -1;
const OPEN = -2;
/**
 * An entry's value until one is read: most keys have one on their line, so the null an empty
 * `key:` reads as is made only when the entry closes without one (closeEntry).
 */
const NO_VALUE_YET: SimpleScalar = Object.freeze({ value: null, plain: true, offset: -1 }) as SimpleScalar;

// Key characters by ASCII code, looked up rather than compared (hot path: V8 optimizes readKey
// with the comparisons the first keys took, and a key that takes another one, such as a capital
// first letter, would make it drop and recompile readKey).
const KEY_START = 1;
const KEY_CHAR = 2;
const KEY_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
  if (letter) KEY_CHARS[c] = KEY_START | KEY_CHAR;
  else if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === DASH) KEY_CHARS[c] = KEY_CHAR;
}

/** `[A-Za-z_]` */
function isKeyStart(c: number): boolean {
  return c < 128 && (KEY_CHARS[c]! & KEY_START) !== 0;
}

/** `[A-Za-z0-9_.-]` */
function isKeyChar(c: number): boolean {
  return c < 128 && (KEY_CHARS[c]! & KEY_CHAR) !== 0;
}

/**
 * Whether a plain scalar (or its next line) may start at `i`: letters, digits, a few harmless
 * ASCII signs (`_/($.+=`), `-` before anything but a space, anything past ASCII but the no-break
 * space (the other spaces past ASCII are refused before: REFUSED_CHAR).
 */
function startsPlain(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  if (c === 0x5f || c === 0x2f || c === 0x28 || c === 0x24 || c === 0x2e || c === 0x2b || c === 0x3d) return true;
  if (c === DASH) return i + 1 < line.length && line.charCodeAt(i + 1) !== SPACE;
  return c > 0x7f && c !== 0xa0;
}

/**
 * Where the text of a plain scalar's line ends in `line` (trailing spaces already gone): before a
 * ` #` comment, or the line's end; -1 when a `: ` or a final `:` would make it a mapping.
 */
function plainTextEnd(line: string, from: number): number {
  let end = line.length;
  const hash = line.indexOf(" #", from);
  if (hash !== -1) {
    end = hash;
    while (end > from && line.charCodeAt(end - 1) === SPACE) end--;
  }
  const colon = line.indexOf(": ", from);
  if ((colon !== -1 && colon < end) || line.charCodeAt(end - 1) === COLON) return REFUSE;
  return end;
}

/**
 * Quoted text from `from` in `line`, appended to `scalar.value`: the index after the closing
 * quote, OPEN when the line ends first (the text goes on below), REFUSE for an escape not taken here.
 */
function quotedText(line: string, from: number, scalar: OpenScalar): number {
  const quote = scalar.quote;
  let value = scalar.value;
  let i = from;
  let run = i; // start of the characters copied as they are
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === quote) {
      value += line.slice(run, i);
      if (quote === 0x27 && i + 1 < line.length && line.charCodeAt(i + 1) === 0x27) {
        value += "'";
        i += 2;
        run = i;
        continue;
      }
      scalar.value = value;
      return i + 1;
    }
    if (c === 0x5c /* \ */ && quote === 0x22) {
      const escaped = ESCAPES[line[i + 1] ?? ""];
      if (escaped === undefined) return REFUSE;
      value += line.slice(run, i) + escaped;
      i += 2;
      run = i;
      continue;
    }
    i++;
  }
  scalar.value = value + line.slice(run);
  return OPEN;
}

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t" };

/**
 * `[a, "b", 'c']` from `start` in `line` (source offset `lineStart`): scalars only, no nesting,
 * no trailing comma. `texts` holds each plain item as written (undefined for quoted ones).
 * (Hot path: character codes, and no read past the end of the line, which would make V8
 * recompile it.)
 */
function flowList(line: string, start: number, lineStart: number): { items: SimpleScalar[]; texts: (string | undefined)[]; end: number } | typeof REFUSE {
  const items: SimpleScalar[] = [];
  const texts: (string | undefined)[] = [];
  let i = skipSpaces(line, start + 1);
  if (i < line.length && line.charCodeAt(i) === CLOSE_BRACKET) return { items, texts, end: i + 1 };
  for (;;) {
    const itemStart = i;
    const ch = i < line.length ? line.charCodeAt(i) : -1;
    if (ch === 0x22 || ch === 0x27) {
      const scalar: OpenScalar = { quote: ch === 0x22 ? 0x22 : 0x27, value: "", offset: 0, indent: 0, blanks: 0, item: true };
      const end = quotedText(line, i + 1, scalar);
      if (end < 0) return REFUSE;
      items.push({ value: scalar.value, plain: false, offset: lineStart + itemStart });
      texts.push(undefined);
      i = end;
    } else {
      let j = i;
      while (j < line.length && !isFlowIndicator(line.charCodeAt(j))) j++;
      // A plain item ends at `,` or `]`; any other indicator (or the end of the line) is refused.
      const stop = j < line.length ? line.charCodeAt(j) : -1;
      if (stop !== COMMA && stop !== CLOSE_BRACKET) return REFUSE;
      // Spaces before `,` or `]` are no part of the item; a no-break space is.
      let textEnd = j;
      while (textEnd > i && line.charCodeAt(textEnd - 1) === SPACE) textEnd--;
      const text = line.slice(i, textEnd);
      if (text === "" || !startsPlain(text, 0)) return REFUSE;
      const value = plainValue(text);
      if (value === REFUSE) return REFUSE;
      items.push({ value, plain: true, offset: lineStart + itemStart });
      texts.push(text);
      i = j;
    }
    i = skipSpaces(line, i);
    const next = i < line.length ? line.charCodeAt(i) : -1;
    if (next === COMMA) {
      i = skipSpaces(line, i + 1);
      if (i >= line.length || line.charCodeAt(i) === CLOSE_BRACKET) return REFUSE;
      continue;
    }
    if (next === CLOSE_BRACKET) return { items, texts, end: i + 1 };
    return REFUSE;
  }
}

/** The index of the first character from `i` in `line` that is not a space. */
function skipSpaces(line: string, i: number): number {
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** `,[]{}:#`: where a plain item of a flow list stops. */
function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === 0x5b || c === CLOSE_BRACKET || c === 0x7b || c === 0x7d || c === COLON || c === HASH;
}

/**
 * A plain scalar's text resolved as the core schema does; refused when that is not plain text or
 * a simple number (a decimal, or digits after a leading zero, which Psych reads its own way:
 * noteReading). The first character was checked by startsPlain.
 */
function plainValue(text: string): SimpleValue | typeof REFUSE {
  if (!coreMayReadAsNonText(text)) return text;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return CORE_TRUE.test(text);
  if (CORE_NUMBER.test(text)) return SIMPLE_NUMBER.test(text) && text !== "-0" && !text.startsWith("-0.") ? Number(text) : REFUSE;
  return text;
}

/**
 * The simple reading as front matter findings can be placed on: the same positions as the
 * `yaml` document gives (offsetOf in yaml.ts), from the offsets kept while reading. Hot path: a
 * class, so that every file's front matter gets one object with its methods on the prototype
 * rather than two closures and their context; the line starts are found only for a file that
 * has a finding to place.
 */
export class SimpleLocation implements LocatedFrontMatter {
  readonly data: Record<string, unknown>;
  readonly yaml11Readings: Yaml11Reading[];
  private lineStarts: number[] | undefined = undefined;

  constructor(
    readonly simple: SimpleYaml,
    private readonly yamlSource: string,
    private readonly startLine: number,
  ) {
    this.data = simple.data;
    this.yaml11Readings = simple.yaml11Readings;
  }

  positionAt(offset: number): Position {
    let lineStarts = this.lineStarts;
    if (!lineStarts) {
      const source = this.yamlSource;
      lineStarts = [0];
      for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
      this.lineStarts = lineStarts;
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.startLine + low, column: offset - lineStarts[low]! + 1 };
  }

  locate(path: KeyPath, where: "key" | "value" = "value"): Position {
    const entries = this.simple.entries;
    let best = entries[0]!.offset;
    const entry = path.length > 0 ? entryOf(entries, String(path[0])) : undefined;
    if (entry) {
      best = entry.offset;
      if (path.length === 1 && where === "key") return this.positionAt(best);
      best = entry.value.offset;
      const index = path[1];
      if ("items" in entry.value && typeof index === "number" && entry.value.items[index]) best = entry.value.items[index].offset;
    }
    return this.positionAt(best);
  }
}

/**
 * The entry of `key` (keys are unique: the reader refuses a duplicate). A walk, not a map: a
 * front matter has a few dozen keys, and a file has a finding or two to place.
 */
function entryOf(entries: readonly SimpleEntry[], key: string): SimpleEntry | undefined {
  for (let i = 0; i < entries.length; i++) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

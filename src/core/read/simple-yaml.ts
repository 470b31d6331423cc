// A fast reader for the front matter most postings have: `key: value` lines at the left margin
// with plain or simply quoted scalars, one-line `[a, b]` lists, `- item` lists, full-line
// comments, blank lines and trailing spaces. It returns what the `yaml` package (YAML 1.2 core
// schema, as parseYaml configures it) would return, with the same source offsets for every key,
// value and list item and the same YAML 1.1 readings (yaml11.ts), or undefined for anything else, which then
// goes through `yaml`. It refuses rather than guesses: a wrong reading would change a finding, a
// refusal only costs time. test/simple-yaml.test.ts checks it against `yaml` on every fixture and
// thousands of generated front matters.
import type { Position } from "../findings.js";
import type { LocatedFrontMatter } from "./posting.js";
import type { KeyPath, Yaml11Reading } from "./yaml.js";
import { yaml11Reading } from "./yaml11.js";
import { CORE_BOOL, CORE_NULL, CORE_NUMBER, CORE_TRUE, SIMPLE_NUMBER } from "./scalars.js";

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
}

const KEY = /^([A-Za-z_][A-Za-z0-9_.-]{0,127}):(?: +|$)/;
const ITEM = /^( {0,8})- +/;
// Where a plain scalar may start: letters, digits, a few harmless ASCII signs, anything past ASCII
// except the characters YAML or JavaScript treat as spaces or line breaks.
const PLAIN_START = /^(?:[A-Za-z0-9_/($.+]|-(?=[^ ])|[^\x00-\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff])/;
// Characters refused anywhere: controls (tab included), DEL, C1 controls, NEL, BOM, line/paragraph
// separators and the spaces JavaScript's trim() would strip but YAML keeps.
const REFUSED_CHAR = /[\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The mapping `source` holds, when it is within the simple subset; undefined otherwise. */
export function parseSimpleYaml(source: string): SimpleYaml | undefined {
  const data: Record<string, unknown> = {};
  const entries: SimpleEntry[] = [];
  const yaml11Readings: Yaml11Reading[] = [];
  // The key whose value is still open: `key:` with nothing after it, then maybe `- item` lines.
  // `end` is where its line's text ends: yaml places an empty value there.
  let open: { entry: SimpleEntry; items: SimpleScalar[] | undefined; indent: number; end: number; dash: number } | undefined;
  const close = () => {
    if (!open) return;
    if (open.items) {
      open.entry.value = { items: open.items, offset: open.dash }; // yaml places a block list at its first `-`
      data[open.entry.key] = open.items.map((item) => item.value);
    } else {
      open.entry.value = { value: null, plain: true, offset: open.end };
      data[open.entry.key] = null;
    }
    entries.push(open.entry);
    open = undefined;
  };
  // Numbers read here are plain decimals, which Psych reads alike: only text can read otherwise.
  const noteReading = (scalar: SimpleScalar, path: (string | number)[]) => {
    if (!scalar.plain || typeof scalar.value !== "string") return;
    const reading = yaml11Reading(scalar.value);
    if (reading) yaml11Readings.push({ ...reading, path, text: scalar.value, offset: scalar.offset });
  };

  let offset = 0;
  while (offset <= source.length) {
    let end = source.indexOf("\n", offset);
    if (end === -1) end = source.length;
    const lineOffset = offset;
    offset = end + 1;
    // Trailing spaces are no part of any value here (lint reports them before parsing).
    let textEnd = end;
    while (textEnd > lineOffset && source.charCodeAt(textEnd - 1) === 32) textEnd--;
    if (textEnd === lineOffset) continue; // a blank line
    const line = source.slice(lineOffset, textEnd);

    if (REFUSED_CHAR.test(line)) return undefined;
    if (line[0] === "#") {
      // A comment between `key:` and its items makes yaml place the list elsewhere: left to it.
      if (open) return undefined;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      // Items belong to the `key:` just above, all at one indentation.
      if (!open) return undefined;
      const indent = item[1]!.length;
      if (open.items === undefined) {
        open.indent = indent;
        open.dash = lineOffset + indent;
      } else if (indent !== open.indent) return undefined;
      const scalar = blockScalar(line.slice(item[0].length), lineOffset + item[0].length);
      if (scalar === REFUSE) return undefined;
      open.items ??= [];
      noteReading(scalar, [open.entry.key, open.items.length]);
      open.items.push(scalar);
      continue;
    }
    close();
    const key = KEY.exec(line);
    // Keys the core schema reads as something other than text, and one toJS treats specially.
    if (!key || CORE_NULL.test(key[1]!) || CORE_BOOL.test(key[1]!) || key[1] === "__proto__") return undefined;
    const name = key[1]!;
    if (Object.prototype.hasOwnProperty.call(data, name)) return undefined; // duplicate: parseYaml reports it
    const keyReading = yaml11Reading(name);
    if (keyReading) yaml11Readings.push({ ...keyReading, path: [name], text: name, offset: lineOffset, key: true });
    const entry: SimpleEntry = { key: name, offset: lineOffset, value: { value: null, plain: true, offset: end } };
    const rest = line.slice(key[0].length);
    if (rest === "") {
      open = { entry, items: undefined, indent: 0, end, dash: 0 };
      continue;
    }
    const valueOffset = lineOffset + key[0].length;
    if (rest[0] === "[") {
      const items = flowList(rest, valueOffset);
      if (items === REFUSE) return undefined;
      items.forEach((scalar, i) => noteReading(scalar, [name, i]));
      entry.value = { items, offset: valueOffset };
      data[name] = items.map((scalar) => scalar.value);
    } else {
      const scalar = blockScalar(rest, valueOffset);
      if (scalar === REFUSE) return undefined;
      noteReading(scalar, [name]);
      entry.value = scalar;
      data[name] = scalar.value;
    }
    entries.push(entry);
  }
  close();
  if (entries.length === 0) return undefined;
  return { data, entries, yaml11Readings };
}

const REFUSE = Symbol("refuse");

/** A scalar that is the whole rest of a line (a value after `key: ` or `- `), starting at `offset` in the source. */
function blockScalar(text: string, offset: number): SimpleScalar | typeof REFUSE {
  const first = text[0];
  if (first === '"' || first === "'") {
    const quoted = quotedScalar(text, 0);
    return quoted && quoted.end === text.length ? { value: quoted.value, plain: false, offset } : REFUSE;
  }
  // A comment, or a `: ` that would make the line a mapping, is left to yaml.
  if (text.includes(" #") || text.includes(": ") || text.endsWith(":")) return REFUSE;
  const value = plainScalar(text);
  return value === REFUSE ? REFUSE : { value, plain: true, offset };
}

/** `[a, "b", 'c']` up to the end of the line, starting at `offset` in the source: scalars only, no nesting, no trailing comma. */
function flowList(text: string, offset: number): SimpleScalar[] | typeof REFUSE {
  const items: SimpleScalar[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === " ") i++;
  };
  skipSpaces();
  if (text[i] === "]") return i + 1 === text.length ? items : REFUSE;
  for (;;) {
    skipSpaces();
    const ch = text[i];
    const start = i;
    let value: SimpleValue | typeof REFUSE;
    if (ch === '"' || ch === "'") {
      const quoted = quotedScalar(text, i);
      if (!quoted) return REFUSE;
      value = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < text.length && !",[]{}:#".includes(text[j]!)) j++;
      if (text[j] === ":" || text[j] === "#" || text[j] === "[" || text[j] === "{" || text[j] === "}") return REFUSE;
      value = plainScalar(text.slice(i, j).trimEnd());
      i = j;
    }
    if (value === REFUSE) return REFUSE;
    items.push({ value, plain: ch !== '"' && ch !== "'", offset: offset + start });
    skipSpaces();
    if (text[i] === ",") {
      i++;
      skipSpaces();
      if (text[i] === "]" || i >= text.length) return REFUSE;
      continue;
    }
    if (text[i] === "]") return i + 1 === text.length ? items : REFUSE;
    return REFUSE;
  }
}

/** A one-line plain scalar, resolved as the core schema does; refused when that is not plain text or a simple number. */
function plainScalar(text: string): SimpleValue | typeof REFUSE {
  if (text === "" || !PLAIN_START.test(text)) return REFUSE;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return CORE_TRUE.test(text);
  if (CORE_NUMBER.test(text)) return SIMPLE_NUMBER.test(text) && text !== "-0" && !text.startsWith("-0.") ? Number(text) : REFUSE;
  return text;
}

/** A quoted scalar starting at `start`, closed on the same line; simple escapes only. */
function quotedScalar(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (ch === "\\" && quote === '"') {
      const escaped = ESCAPES[text[i + 1] ?? ""];
      if (escaped === undefined) return undefined;
      value += escaped;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t" };

/**
 * The simple reading as front matter findings can be placed on: the same positions as the
 * `yaml` document gives (offsetOf in yaml.ts), from the offsets kept while reading.
 */
export function locateSimple(simple: SimpleYaml, source: string, startLine: number): LocatedFrontMatter {
  let lineStarts: number[] | undefined;
  let byKey: Map<string, SimpleEntry> | undefined;
  const positionAt = (offset: number): Position => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: startLine + low, column: offset - lineStarts[low]! + 1 };
  };
  const locate = (path: KeyPath, where: "key" | "value" = "value"): Position => {
    byKey ??= new Map(simple.entries.map((e) => [e.key, e]));
    let best = simple.entries[0]!.offset;
    const entry = path.length > 0 ? byKey.get(String(path[0])) : undefined;
    if (entry) {
      best = entry.offset;
      if (path.length === 1 && where === "key") return positionAt(best);
      best = entry.value.offset;
      const index = path[1];
      if ("items" in entry.value && typeof index === "number" && entry.value.items[index]) best = entry.value.items[index].offset;
    }
    return positionAt(best);
  };
  return { data: simple.data, yaml11Readings: simple.yaml11Readings, locate, positionAt };
}

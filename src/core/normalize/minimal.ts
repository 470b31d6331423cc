// normalize's default style: the smallest change that fixes the front matter. Every change is a
// span edit of the text as read (edits.ts): a renamed key in place of the alias, a fixed value in
// place of the old one, on its line; a blank line or trailing white space removed; one final
// newline. The authors' key order, quoting and list style stay everywhere else. The positions come
// from the YAML document's nodes, so the fast reader's files and the others take the same path.
import { isDeepStrictEqual } from "node:util";
import { isMap, isScalar, isSeq, Scalar } from "yaml";
import type { Document, Node, Pair } from "yaml";
import { printValueAfterKey } from "./canonical.js";
import { jekyllReadsPlainAsNonText, noChanges, planAliases, planValue } from "./value-rules.js";
import type { CanonicalChanges } from "./value-rules.js";
import { applySpanEdits } from "../read/edits.js";
import type { SpanEdit } from "../read/edits.js";
import type { Finding } from "../findings.js";
import { keyText } from "../read/yaml.js";
import { plainValueOf, valueViewOf } from "../read/read-posting.js";
import type { PostingSchema, FieldSpec } from "../schema/schema.js";

export interface MinimalEdit {
  /** The front matter's new YAML (between the delimiters). */
  yaml: string;
  changes: CanonicalChanges;
  /** The data the new YAML must read back to. */
  expected: Record<string, unknown>;
  /** The keys, in order, the new YAML must have. */
  keys: (string | undefined)[];
}

/**
 * The minimal edits of `source` (the YAML `doc` was parsed from), or undefined when one of them
 * is not certain in place (a value spread over lines, a key not on one line): the file is then
 * left as it is. `whitespace` are the lint findings for blank lines and trailing spaces.
 */
export function minimalEdit(doc: Document, source: string, startLine: number, whitespace: readonly Finding[], schema: PostingSchema): MinimalEdit | undefined {
  const map = doc.contents;
  const changes = noChanges();
  const edits: SpanEdit[] = [];
  const expected = { ...((doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>) };
  const keys: (string | undefined)[] = [];
  let uncertain = false;
  if (isMap(map)) {
    const pairs = map.items as Pair[];
    const listStyle = fileListStyle(pairs);
    const kept = planAliases(
      pairs.map((pair) => ({ key: keyText(pair), offset: rangeOf(pair.key)?.[0] ?? 0 })),
      (i) => plainValueOf(pairs[i]!.value),
      schema,
      changes,
    );
    const keptIndexes = new Set(kept.map(([i]) => i));
    pairs.forEach((pair, i) => {
      if (keptIndexes.has(i)) return;
      // A duplicate alias: its lines go (from its key's line to the end of its value's last line).
      const from = keyText(pair);
      const start = rangeOf(pair.key)?.[0];
      const end = rangeOf(pair.value as Node | null)?.[1];
      if (start === undefined || end === undefined || from === undefined) return void (uncertain = true);
      const lineStart = source.lastIndexOf("\n", start - 1) + 1;
      if (source.slice(lineStart, start).trim() !== "") return void (uncertain = true);
      const lineEnd = source.indexOf("\n", Math.max(end - 1, start));
      const stop = lineEnd === -1 ? source.length : lineEnd + 1;
      edits.push({ start: lineStart, end: stop, found: source.slice(lineStart, stop), repaired: "" });
      delete expected[from];
    });
    for (const [i, key] of kept) {
      const pair = pairs[i]!;
      const from = keyText(pair);
      keys.push(key);
      if (key !== undefined && from !== undefined && key !== from) {
        const range = rangeOf(pair.key);
        if (!range) uncertain = true;
        else edits.push(spanEdit(source, range[0], range[1], key));
        expected[key] = expected[from];
        delete expected[from];
      }
      const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
      if (!field || key === undefined) continue;
      const value = valueEdits(pair, field, changes, source, listStyle, schema);
      if (value === undefined) uncertain = true;
      else {
        edits.push(...value.edits);
        if (value.changed) expected[key] = value.to;
      }
    }
  }
  for (const f of whitespace) {
    const lineStart = lineOffset(source, f.line - startLine);
    if (lineStart === undefined) continue;
    const lineEnd = source.indexOf("\n", lineStart);
    const end = lineEnd === -1 ? source.length : lineEnd;
    if (f.code === "FRONT_MATTER_BLANK_LINE") {
      const stop = lineEnd === -1 ? end : end + 1;
      if (stop > lineStart) edits.push({ start: lineStart, end: stop, found: source.slice(lineStart, stop), repaired: "" });
    } else {
      const text = source.slice(lineStart, end);
      const kept = text.replace(/[ \t]+$/, "").length;
      if (kept < text.length) edits.push({ start: lineStart + kept, end, found: text.slice(kept), repaired: "" });
    }
  }
  if (uncertain) return undefined;
  const merged = mergeEdits(edits);
  if (!merged) return undefined;
  const yaml = applySpanEdits(source, merged);
  if (yaml === undefined) return undefined;
  return { yaml: yaml === "" || yaml.endsWith("\n") ? yaml : `${yaml}\n`, changes, expected, keys };
}

/** Whether the output read back holds the data and key order meant. */
export function readsBackAsMeant(edit: MinimalEdit, doc: Document): boolean {
  const map = doc.contents;
  const keys = isMap(map) ? (map.items as Pair[]).map((pair) => keyText(pair)) : [];
  try {
    return isDeepStrictEqual(keys, edit.keys) && isDeepStrictEqual(doc.toJS({ maxAliasCount: 100 }) ?? {}, edit.expected);
  } catch {
    return false; // an alias whose anchor went with a removed key
  }
}

type ListStyle = "flow" | "block";

/** The style of the file's own lists: block when all of them are, else flow (a one-line edit). */
function fileListStyle(pairs: readonly Pair[]): ListStyle {
  const seqs = pairs.map((p) => p.value).filter(isSeq);
  return seqs.length > 0 && seqs.every((s) => !s.flow) ? "block" : "flow";
}

function rangeOf(node: Node | null | undefined | unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range && range[1] > range[0] ? [range[0], range[1]] : undefined;
}

/** A value's text without the line break and spaces a block scalar's range ends with. */
function valueSpan(source: string, node: unknown): [number, number] | undefined {
  const range = rangeOf(node);
  if (!range) return undefined;
  let end = range[1];
  while (end > range[0] && /[\n \t]/.test(source[end - 1]!)) end--;
  return end > range[0] ? [range[0], end] : undefined;
}

function spanEdit(source: string, start: number, end: number, repaired: string): SpanEdit {
  return { start, end, found: source.slice(start, end), repaired };
}

/** The edits of one value (its fixes and the quotes Jekyll needs), or undefined when not certain in place. */
function valueEdits(pair: Pair, field: FieldSpec, changes: CanonicalChanges, source: string, listStyle: ListStyle, schema: PostingSchema): { edits: SpanEdit[]; changed: boolean; to?: unknown } | undefined {
  const node = pair.value;
  const fixes = planValue(valueViewOf(node), field, changes);
  const edits: SpanEdit[] = [];
  // A value over several lines (a folded text, a block scalar) is replaced by its one-line print.
  const inPlace = (scalar: unknown, value: unknown): boolean => {
    const range = valueSpan(source, scalar);
    if (!range) return false;
    edits.push(spanEdit(source, range[0], range[1], printValueAfterKey(value, field, schema, "flow").slice(1)));
    return true;
  };
  const needsQuotes = (scalar: unknown): scalar is Scalar => isScalar(scalar) && scalar.type === Scalar.PLAIN && typeof scalar.value === "string" && jekyllReadsPlainAsNonText(scalar.value, field);
  const fix = fixes[0];
  if (fix?.kind === "list") {
    const keyRange = rangeOf(pair.key);
    const valueRange = valueSpan(source, node);
    if (!keyRange || !valueRange) return undefined;
    const between = source.slice(keyRange[1], valueRange[0]);
    if (!/^[ \t]*:[ \t]*$/.test(between)) return undefined;
    edits.push(spanEdit(source, keyRange[1], valueRange[1], `:${printValueAfterKey(fix.items, field, schema, listStyle)}`));
    return { edits, changed: true, to: fix.items };
  }
  if (fix?.kind === "boolean" || fix?.kind === "text") {
    if (!inPlace(node, fix.to)) return undefined;
    return { edits, changed: true, to: fix.to };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => (isScalar(item) ? item.value : plainValueOf(item)));
    let changed = false;
    for (const [index, item] of node.items.entries()) {
      const itemFix = fixes.find((f) => f.kind === "item" && f.index === index);
      if (itemFix?.kind === "item") {
        if (!inPlace(item, itemFix.to)) return undefined;
        items[index] = itemFix.to;
        changed = true;
      } else if (needsQuotes(item) && !inPlace(item, item.value)) return undefined;
    }
    return changed ? { edits, changed, to: items } : { edits, changed };
  }
  if (needsQuotes(node) && !inPlace(node, node.value)) return undefined;
  return { edits, changed: false };
}

function lineOffset(source: string, index: number): number | undefined {
  if (index < 0) return undefined;
  let at = 0;
  for (let i = 0; i < index; i++) {
    const next = source.indexOf("\n", at);
    if (next === -1) return undefined;
    at = next + 1;
  }
  return at <= source.length ? at : undefined;
}

/**
 * Sorted edits, a removal inside another edit (a blank line inside a removed alias, a trailing
 * space inside a value printed anew) dropped; undefined when two overlap otherwise.
 */
function mergeEdits(edits: SpanEdit[]): SpanEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SpanEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && edit.start < last.end) {
      if (edit.end <= last.end && edit.repaired === "") continue;
      return undefined;
    }
    out.push(edit);
  }
  return out;
}

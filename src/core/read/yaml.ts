// YAML with source positions (the `yaml` package's Document API), bounded alias expansion, and
// the YAML 1.1 reading Jekyll gives to `yes`/`no`/`on`/`off`.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from "yaml";
import type { Document, Node, Pair, YAMLError, YAMLMap } from "yaml";
import { expandedSizeExceeds } from "./alias-budget.js";

/** Aliases (`*name`) expanded at most this many times: a front matter never needs more. */
export const MAX_ALIAS_COUNT = 100;
/** YAML syntax errors reported per front matter. */
export const MAX_SYNTAX_ERRORS = 10;
/** Nesting beyond this is refused before any recursive walk can exhaust the stack. */
export const MAX_DEPTH = 64;

export type KeyPath = readonly (string | number)[];

export interface YamlProblem {
  kind: "syntax" | "duplicate-key" | "alias-limit" | "too-deep";
  offset: number;
  reason?: string;
  key?: string;
  firstOffset?: number;
}

export interface Yaml11Boolean {
  path: KeyPath;
  text: string;
  value: boolean;
  offset: number;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JavaScript data (YAML 1.2 core schema; dates stay text as written). */
  data: unknown;
  problems: YamlProblem[];
  /** Plain `yes`/`no`/`on`/`off` scalars: text in YAML 1.2, booleans for Jekyll (YAML 1.1). */
  yaml11Booleans: Yaml11Boolean[];
}

// Psych, Jekyll's YAML reader, resolves these (any case) to booleans.
const YAML11_TRUE = /^(?:yes|on)$/i;
const YAML11_FALSE = /^(?:no|off)$/i;

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const deep = tooDeepOffset(source);
  if (deep !== undefined) {
    // Not parsed at all: the positions come from the source's own line starts.
    lineCounter.addNewLine(0);
    for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    return { doc: parseDocument(""), lineCounter, data: undefined, problems: [{ kind: "too-deep", offset: deep }], yaml11Booleans: [] };
  }
  const doc = parseDocument(source, {
    lineCounter,
    version: "1.2",
    schema: "core",
    uniqueKeys: false, // reported below with both lines, instead of yaml's one-line error
    prettyErrors: false,
    merge: false, // `<<` stays an ordinary (unknown) key: no implicit merging
  });
  const problems = yamlErrorProblems(doc);
  const yaml11Booleans: Yaml11Boolean[] = [];
  let data: unknown;

  if (problems.length === 0) {
    const depth = walk(doc.contents, [], 0, problems, yaml11Booleans, new Set());
    if (depth) problems.push({ kind: "too-deep", offset: depth.offset });
  }
  // Duplicate keys still leave readable data (the last value wins, as in Jekyll).
  if (problems.every((p) => p.kind === "duplicate-key")) {
    try {
      // Counted on the Document first: yaml's own count weighs an alias of `{}` as nothing. With
      // no `*` there is no alias, and the data is no larger than the source.
      if (source.includes("*") && expandedSizeExceeds(doc)) problems.push({ kind: "alias-limit", offset: 0 });
      else data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError both for too many aliases and for an alias with no anchor;
      // unknown anchors are caught by walk(), so what is left here is the expansion limit.
      if (error instanceof ReferenceError) problems.push({ kind: "alias-limit", offset: 0 });
      else if (error instanceof RangeError) problems.push({ kind: "too-deep", offset: 0 });
      else throw error;
    }
  }
  return { doc, lineCounter, data, problems, yaml11Booleans };
}

/**
 * Where nesting passes `limit`, as far as a linear scan can tell, before the YAML parser recurses
 * into it: flow brackets where a collection can start, and `- `/`? ` indicators chained at the
 * start of a line. yaml survives thousands of levels only by catching a stack overflow, which a
 * worker thread with a small heap did not survive (the process aborted). The scan may miss
 * nesting (inside what it takes for quotes, say): walk() and the overflow catch remain behind it.
 */
export function tooDeepOffset(source: string, limit = MAX_DEPTH): number | undefined {
  let flow = 0;
  let chain = 0;
  let lineStart = true;
  let quote: string | undefined;
  let prev = "\n"; // previous character that is not a space
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote !== undefined) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) {
        if (quote === "'" && source[i + 1] === "'") i++;
        else {
          quote = undefined;
          prev = ch;
        }
      }
      continue;
    }
    if (ch === "\n") {
      lineStart = true;
      chain = 0;
      prev = ch;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") continue;
    if (ch === "#" && /[ \t\n]/.test(source[i - 1] ?? "\n")) {
      const end = source.indexOf("\n", i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    const next = source[i + 1] ?? "\n";
    if (lineStart && (ch === "-" || ch === "?") && (next === " " || next === "\t" || next === "\n")) {
      chain++;
      if (chain + flow > limit) return i;
      prev = ch;
      continue;
    }
    lineStart = false;
    const canStart = "\n:,[{-?".includes(prev);
    if (canStart && (ch === "[" || ch === "{")) {
      flow++;
      if (chain + flow > limit) return i;
    } else if ((ch === "]" || ch === "}") && flow > 0) flow--;
    else if (canStart && (ch === '"' || ch === "'")) quote = ch;
    prev = ch;
  }
  return undefined;
}

/**
 * yaml catches the stack overflow that thousands of nested brackets or `- - -` cause and reports
 * it as RESOURCE_EXHAUSTION: that is nesting too deep, reported once, not a syntax error.
 */
function yamlErrorProblems(doc: Document.Parsed): YamlProblem[] {
  const exhausted = doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (exhausted) return [{ kind: "too-deep", offset: exhausted.pos[0] }];
  // After a few errors the rest are echoes of the first ones (a stray quote makes one per line),
  // and each costs a walk of the document: report the first few.
  return doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => syntaxProblem(doc, e));
}

// yaml places "Missing closing quote" at the end of the block, often lines below the mistake;
// the opening quote is where the fix goes.
function syntaxProblem(doc: Document.Parsed, error: YAMLError): YamlProblem {
  const problem: YamlProblem = { kind: "syntax", offset: error.pos[0], reason: firstLine(error.message) };
  if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message)) return problem;
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : undefined;
      if (quote && range && range[0] < error.pos[0] && error.pos[0] <= range[2]) {
        problem.offset = range[0];
        problem.reason = `the ${quote} opened here is never closed`;
      }
    },
  });
  return problem;
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}

/** Collects duplicate keys and YAML 1.1 booleans; returns where nesting got too deep, if it did. */
function walk(
  node: unknown,
  path: (string | number)[],
  depth: number,
  problems: YamlProblem[],
  booleans: Yaml11Boolean[],
  anchors: Set<string>,
): { offset: number } | undefined {
  if (depth > MAX_DEPTH) return { offset: nodeOffset(node) };
  if (isAlias(node)) {
    // An alias must follow its anchor; yaml only notices when converting, without a position.
    if (!anchors.has(node.source)) problems.push({ kind: "syntax", offset: nodeOffset(node), reason: `the alias *${node.source} refers to no anchor &${node.source} above it` });
    return undefined;
  }
  const anchor = node && typeof node === "object" && "anchor" in node ? (node as { anchor?: unknown }).anchor : undefined;
  if (typeof anchor === "string") anchors.add(anchor);
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = keyText(pair);
      const offset = nodeOffset(pair.key);
      if (isAlias(pair.key)) walk(pair.key, path, depth + 1, problems, booleans, anchors);
      if (key !== undefined) {
        const first = seen.get(key);
        if (first !== undefined) problems.push({ kind: "duplicate-key", offset, key: [...path, key].join("."), firstOffset: first });
        else seen.set(key, offset);
      }
      const deep = walk(pair.value, [...path, key ?? "?"], depth + 1, problems, booleans, anchors);
      if (deep) return deep;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const deep = walk(node.items[i], [...path, i], depth + 1, problems, booleans, anchors);
      if (deep) return deep;
    }
  } else if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === "string") {
    const value = YAML11_TRUE.test(node.value) ? true : YAML11_FALSE.test(node.value) ? false : undefined;
    if (value !== undefined) booleans.push({ path, text: node.value, value, offset: nodeOffset(node) });
  }
  return undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return undefined;
}

export function nodeOffset(node: unknown): number {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as Node).range;
    if (range) return range[0];
  }
  return 0;
}

// Placing one finding per key used to scan the mapping each time: quadratic, and minutes for a
// front matter of 20,000 unknown keys. Each mapping is indexed once (first occurrence wins, as
// `find` did); the index is rebuilt if the mapping's items are replaced or change in number.
const keyIndexes = new WeakMap<YAMLMap, { items: unknown[]; size: number; byKey: Map<string, Pair> }>();

function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index || index.items !== map.items || index.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const pair of map.items) {
      const text = keyText(pair as Pair);
      if (text !== undefined && !byKey.has(text)) byKey.set(text, pair as Pair);
    }
    index = { items: map.items, size: map.items.length, byKey };
    keyIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

/** Offset of the value at a key path (or of its key, or of the closest parent that exists). */
export function offsetOf(doc: Document.Parsed, path: KeyPath, where: "key" | "value" = "value"): number {
  let node: unknown = doc.contents;
  let best = nodeOffset(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = pairByKey(node as YAMLMap, String(segment));
      if (!pair) break;
      const isLast = i === path.length - 1;
      best = nodeOffset(pair.key);
      if (isLast && where === "key") return best;
      if (pair.value && nodeOffset(pair.value) >= best) best = nodeOffset(pair.value) || best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
      node = node.items[segment];
      best = nodeOffset(node);
    } else break;
  }
  return best;
}

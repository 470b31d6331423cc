// YAML with source positions (the `yaml` package's Document API), bounded alias expansion, and
// the YAML 1.1 reading Jekyll gives to plain scalars where it differs (yaml11.ts).
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from "yaml";
import type { Node, Pair, YAMLError, YAMLMap, YAMLSeq } from "yaml";
import type { YamlSyntaxReason } from "../findings.js";
import { yaml11Reading } from "./yaml11.js";
import type { Yaml11Value } from "./yaml11.js";
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
  reason?: YamlSyntaxReason;
  key?: string;
  firstOffset?: number;
}

/**
 * A plain scalar Jekyll (Psych, YAML 1.1) reads otherwise than YAML 1.2 does: `yes` is true,
 * `0123` is 83, `0612345678` is text. `key` is set when the scalar is a key (`on: x`).
 */
export interface Yaml11Reading extends Yaml11Value {
  path: KeyPath;
  text: string;
  offset: number;
  key?: true;
}

/** An explicit tag (`!!timestamp`, `!include`): the node is read as the text written. */
export interface YamlTag {
  /** The tag as resolved (`tag:yaml.org,2002:set`, `!include`). */
  tag: string;
  /** A YAML 1.1 standard tag (warning) rather than an unknown or language-specific one (error). */
  standard: boolean;
  path: KeyPath;
  offset: number;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JavaScript data (YAML 1.2 core schema; dates and explicitly tagged nodes stay text as written). */
  data: unknown;
  problems: YamlProblem[];
  /** Plain scalars Jekyll reads otherwise (YAML 1.1), in source order. */
  yaml11Readings: Yaml11Reading[];
  /** Explicit tags other than the core schema's, in source order. */
  tags: YamlTag[];
}

export const YAML_TAG_PREFIX = "tag:yaml.org,2002:";
// The core schema's own tags: read as yaml reads them, the same in Psych.
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => YAML_TAG_PREFIX + t));
// YAML 1.1's other standard tags (and `!`): Psych reads them its own way or refuses them.
const STANDARD_TAGS = new Set(["!", ...["binary", "omap", "pairs", "set", "timestamp", "merge", "value", "yaml"].map((t) => YAML_TAG_PREFIX + t)]);

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const deep = tooDeepOffset(source);
  if (deep !== undefined) {
    // Not parsed at all: the positions come from the source's own line starts.
    lineCounter.addNewLine(0);
    for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    return { doc: parseDocument(""), lineCounter, data: undefined, problems: [{ kind: "too-deep", offset: deep }], yaml11Readings: [], tags: [] };
  }
  const doc = parseDocument(source, {
    lineCounter,
    version: "1.2",
    schema: "core",
    uniqueKeys: false, // reported below with both lines, instead of yaml's one-line error
    prettyErrors: false,
    merge: false, // `<<` stays an ordinary (unknown) key: no implicit merging
    // `!!timestamp`, `!!set`, `!!binary`, `!!omap` stay the text (or plain collection) written,
    // not a Date, a Set, bytes or a Map; walk() reports the tag.
    resolveKnownTags: false,
    // yaml's warnings (a mapping used as a key) would go to stderr raw, file text included.
    logLevel: "error",
  });
  const problems = yamlErrorProblems(doc);
  const found: Found = { readings: [], tags: [], anchors: new Set(), source };
  let data: unknown;

  if (problems.length === 0) {
    const depth = walk(doc.contents, [], 0, problems, found);
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
  return { doc, lineCounter, data, problems, yaml11Readings: found.readings, tags: found.tags };
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
  const problem: YamlProblem = { kind: "syntax", offset: error.pos[0], reason: { kind: "yaml", code: error.code, text: firstLine(error.message) } };
  if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message)) return problem;
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : undefined;
      if (quote && range && range[0] < error.pos[0] && error.pos[0] <= range[2]) {
        problem.offset = range[0];
        problem.reason = { kind: "unclosed-quote", quote };
      }
    },
  });
  return problem;
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}

interface Found {
  readings: Yaml11Reading[];
  tags: YamlTag[];
  anchors: Set<string>;
  source: string;
}

/** Where the tag written before the node at `offset` starts (yaml keeps only the node's own range). */
function tagOffset(source: string, offset: number): number {
  let start = source.lastIndexOf("!", offset - 1);
  while (start > 0 && !/\s/.test(source[start - 1]!)) start--;
  // Only the tag, spaces and perhaps an anchor may stand between it and the node.
  return start >= 0 && /^![^\s]*\s+(?:&[^\s]+\s+)?$/.test(source.slice(start, offset)) ? start : offset;
}

/** Collects duplicate keys, YAML 1.1 readings and tags; returns where nesting got too deep, if it did. */
function walk(node: unknown, path: (string | number)[], depth: number, problems: YamlProblem[], found: Found, atKey = false): { offset: number } | undefined {
  if (depth > MAX_DEPTH) return { offset: nodeOffset(node) };
  if (isAlias(node)) {
    // An alias must follow its anchor; yaml only notices when converting, without a position.
    if (!found.anchors.has(node.source)) problems.push({ kind: "syntax", offset: nodeOffset(node), reason: { kind: "alias-no-anchor", name: node.source } });
    return undefined;
  }
  if (!node || typeof node !== "object") return undefined;
  const { anchor, tag } = node as { anchor?: unknown; tag?: unknown };
  if (typeof anchor === "string") found.anchors.add(anchor);
  if (typeof tag === "string" && !CORE_TAGS.has(tag)) found.tags.push({ tag, standard: STANDARD_TAGS.has(tag), path, offset: tagOffset(found.source, nodeOffset(node)) });
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = keyText(pair);
      const offset = nodeOffset(pair.key);
      const keyPath = [...path, key ?? "?"];
      // Under a key that is a collection (which toJS turns into text), readings have no path to apply to.
      const here = key === undefined ? { ...found, readings: [] } : found;
      // A key is walked for its anchor (`&t roles: Dev`, then `*t`), its tag and its YAML 1.1 reading.
      const deepKey = walk(pair.key, keyPath, depth + 1, problems, here, true);
      if (deepKey) return deepKey;
      if (key !== undefined) {
        const first = seen.get(key);
        if (first !== undefined) problems.push({ kind: "duplicate-key", offset, key: [...path, key].join("."), firstOffset: first });
        else seen.set(key, offset);
      }
      const deep = walk(pair.value, keyPath, depth + 1, problems, here);
      if (deep) return deep;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const deep = walk(node.items[i], [...path, i], depth + 1, problems, found);
      if (deep) return deep;
    }
  } else if (isScalar(node) && node.type === Scalar.PLAIN && node.tag === undefined) {
    const text = typeof node.source === "string" ? node.source : String(node.value);
    // A plain `<<` key is a merge for Psych (posting reads it with merge: false, as a key).
    const reading: Yaml11Value | undefined = atKey && text === "<<" ? { kind: "merge", value: text } : yaml11Reading(text);
    if (reading) found.readings.push(atKey ? { ...reading, path, text, offset: nodeOffset(node), key: true } : { ...reading, path, text, offset: nodeOffset(node) });
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

/**
 * The key a pair has in the data (what toJS makes of it), so findings on odd keys point at their
 * own line: `~` is the key "", a mapping or list key its flow text (`{ k: v }`). A collection key
 * holding an alias is left unplaced (its parent's position is used).
 */
function dataKeyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  if (!isMap(key) && !isSeq(key)) return undefined;
  try {
    const copy = key.clone() as YAMLMap | YAMLSeq;
    copy.flow = true;
    const doc = new Document(null, { logLevel: "error" });
    doc.contents = copy;
    return doc.toString({ lineWidth: 0 }).trim();
  } catch {
    return undefined;
  }
}

function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index || index.items !== map.items || index.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const pair of map.items) {
      const text = dataKeyText(pair as Pair);
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

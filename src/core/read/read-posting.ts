// The one entry point from a posting's bytes (or text) to its front matter. It picks the reader
// itself: the fast one (simple-yaml.ts) for the front matter most postings have, the `yaml`
// package for anything else, and builds a YAML document only when asked (`document()`). Either
// way the caller gets one shape: data, positions, YAML 1.1 readings and the values the value
// rules look at. test/simple-yaml.test.ts holds the two readers to the same answers.
import { Buffer } from "node:buffer";
import { isAlias, isMap, isScalar, isSeq, Scalar, visit } from "yaml";
import type { Document } from "yaml";
import type { Pair } from "yaml";
import { readFrontMatter, readPostingText } from "./posting.js";
import type { FrontMatter, FrontMatterSource, LocatedFrontMatter, ParseOptions, ParsedPosting } from "./posting.js";
import { parseSimpleYaml, SimpleLocation } from "./simple-yaml.js";
import type { SimpleYaml } from "./simple-yaml.js";
import { keyText, nodeOffset } from "./yaml.js";

/** A scalar as the value rules see it: its value, whether it was written plain, and its offset in the YAML. */
export interface ScalarView {
  value: unknown;
  plain: boolean;
  offset: number;
}

/** A value: a scalar, a list (items that are not scalars are undefined), or undefined for anything else. */
export type ValueView = ScalarView | { items: (ScalarView | undefined)[] } | undefined;

/** One top-level key of the front matter, as normalize's value rules take it (value-rules.ts). */
export interface FrontMatterEntry {
  /** The key as text; undefined for a key that is not a scalar. */
  key: string | undefined;
  offset: number;
  /** The value as plain data. */
  value: unknown;
  view: ValueView;
}

export interface FrontMatterReading extends LocatedFrontMatter {
  /** The front matter's YAML source and where it stands in the file. */
  source: FrontMatterSource;
  /** The top-level keys in order, with their values (detectEntryChanges in value-rules.ts takes them). */
  entries(): readonly FrontMatterEntry[];
  /** Whether an alias (`*x`) appears; the fast reader never takes one. */
  hasAliases(): boolean;
  /**
   * The YAML document (with its findings in the posting's): the full reader's, or parsed on the
   * first call when the fast reader read the front matter.
   */
  document(): FrontMatter;
  /** The fast reader's reading, when it took this front matter (canonical-simple.ts prints from it). */
  simple: SimpleYaml | undefined;
}

export interface PostingReading {
  /** Decoding, line endings, the front matter split and every finding so far. */
  parsed: ParsedPosting;
  /** Undefined when there is no front matter to read (the reason is in `parsed.findings`). */
  frontMatter: FrontMatterReading | undefined;
}

export interface ReadOptions extends ParseOptions {
  /** Always read the front matter with the full YAML parser (tests compare both readers). */
  fullParse?: boolean;
}

/**
 * Read a posting from its bytes, or from text (standard input, an editor's unsaved buffer), which
 * goes through the same stages as the UTF-8 bytes it stands for.
 */
export function readPosting(file: string, input: Uint8Array | string, options: ReadOptions = {}): PostingReading {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const { parsed, yaml } = readPostingText(file, bytes, options);
  if (!yaml) return { parsed, frontMatter: undefined };
  const simple = options.fullParse ? undefined : parseSimpleYaml(yaml.source);
  return { parsed, frontMatter: simple ? new SimpleReading(parsed, yaml, simple) : fullReading(parsed, yaml) };
}

// A class, not an object literal: its methods live once on the prototype (this is the hot path);
// locate() and positionAt() are SimpleLocation's.
class SimpleReading extends SimpleLocation implements FrontMatterReading {
  private cachedEntries: FrontMatterEntry[] | undefined = undefined;

  constructor(
    private readonly parsed: ParsedPosting,
    readonly source: FrontMatterSource,
    simple: SimpleYaml,
  ) {
    super(simple, source.source, source.startLine);
  }

  entries(): readonly FrontMatterEntry[] {
    return (this.cachedEntries ??= simpleEntries(this.simple));
  }

  hasAliases(): boolean {
    return false;
  }

  document(): FrontMatter {
    if (!this.parsed.frontMatter) readFrontMatter(this.parsed, this.source);
    return this.parsed.frontMatter!;
  }
}

function fullReading(parsed: ParsedPosting, source: FrontMatterSource): FrontMatterReading {
  readFrontMatter(parsed, source);
  const full = parsed.frontMatter!;
  let entries: FrontMatterEntry[] | undefined;
  let aliases: boolean | undefined;
  return {
    data: full.data,
    yaml11Readings: full.yaml11Readings,
    locate: full.locate,
    positionAt: full.positionAt,
    source,
    simple: undefined,
    entries: () => (entries ??= documentEntries(full.doc)),
    hasAliases: () => (aliases ??= documentHasAliases(full.doc)),
    document: () => full,
  };
}

// The fast reader's entries as the value rules take them. Hot path: both readers' entries are
// pushed one by one into an array literal and made by one function, so that the arrays and the
// entries have one shape each (Array.prototype.map can hand back a holey array) and the value
// rules (detectEntryChanges), optimized on one reader's entries, are not dropped and recompiled
// when the other's come.
export function simpleEntries(simple: SimpleYaml): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  for (const e of simple.entries) entries.push(frontMatterEntry(e.key, e.offset, simple.data[e.key], e.value));
  return entries;
}

function documentEntries(doc: Document): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  const map = doc.contents;
  if (!isMap(map)) return entries;
  for (const pair of map.items as Pair[]) entries.push(frontMatterEntry(keyText(pair), nodeOffset(pair.key), plainValueOf(pair.value), valueViewOf(pair.value)));
  return entries;
}

function frontMatterEntry(key: string | undefined, offset: number, value: unknown, view: ValueView): FrontMatterEntry {
  return { key, offset, value, view };
}

function documentHasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, (_, node) => {
    if (!isAlias(node)) return undefined;
    found = true;
    return visit.BREAK;
  });
  return found;
}

/** A node's value as plain data. */
export function plainValueOf(node: unknown): unknown {
  return node && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

/** How the value rules see a node: a scalar with its style, a list (of scalars), or something else. */
export function valueViewOf(node: unknown): ValueView {
  const scalar = (n: unknown): ScalarView | undefined => (isScalar(n) ? { value: n.value, plain: n.type === Scalar.PLAIN, offset: nodeOffset(n) } : undefined);
  // With its offset, as the fast reader's lists have it: one shape of list for the value rules (planValue).
  if (isSeq(node)) return { items: node.items.map(scalar), offset: nodeOffset(node) };
  return scalar(node);
}

// The canonical front matter, driven by the schema: canonical key names (aliases renamed), schema
// key order, values of the declared type where the meaning is certain, and one output style.
// `posting normalize` applies it to existing files; `posting new` renders new ones with it, so a
// new posting is already what normalize would write.
import { Document, isMap, isScalar, isSeq, Scalar, visit, YAMLSeq } from "yaml";
import type { Pair, YAMLMap } from "yaml";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
import { canonicalListItem, jekyllReadsPlainAsNonText, scalarPlan, YAML11_BOOLEAN } from "./value-rules.js";
import { keyText, nodeOffset } from "../read/yaml.js";

export interface KeyRename {
  from: string;
  to: string;
  offset: number;
}

export interface AliasConflict {
  alias: string;
  key: string;
  aliasOffset: number;
  keyOffset: number;
}

export interface ValueChange {
  key: string;
  from: string;
  to: string;
  why: string;
  offset: number;
}

export interface Ambiguity {
  key: string;
  reason: string;
  offset: number;
}

export interface CanonicalChanges {
  renamed: KeyRename[];
  /** Alias keys removed because the canonical key holds the same value. */
  duplicateAliasesRemoved: KeyRename[];
  conflicts: AliasConflict[];
  values: ValueChange[];
  ambiguities: Ambiguity[];
  /** Keys were not in the schema's order. */
  reordered: boolean;
}


function noChanges(): CanonicalChanges {
  return { renamed: [], duplicateAliasesRemoved: [], conflicts: [], values: [], ambiguities: [], reordered: false };
}

/** Rewrite a parsed front matter document in place into canonical form; report what changed. */
export function canonicalizeDocument(doc: Document, schema: PostingSchema): CanonicalChanges {
  const changes = noChanges();
  const map = doc.contents;
  if (!isMap(map)) return changes;

  for (const [pair, key] of renameAliases(map, schema, changes, true)) {
    const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
    if (field) coerceValue(pair, field, changes, true);
  }
  changes.reordered = reorderKeys(map, schema);
  applyStyle(doc, schema);
  return changes;
}

/**
 * The renames, value changes, alias conflicts and ambiguous dates canonicalizeDocument would
 * report, found by the same code without touching the document (no clone needed). Key order and
 * style are not looked at.
 */
export function detectValueChanges(doc: Document, schema: PostingSchema): CanonicalChanges {
  const changes = noChanges();
  const map = doc.contents;
  if (!isMap(map)) return changes;
  for (const [pair, key] of renameAliases(map, schema, changes, false)) {
    const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
    if (field) coerceValue(pair, field, changes, false);
  }
  return changes;
}

/** The pairs that stay, each with its key after renaming. `apply`: rename and drop in the document. */
function renameAliases(map: YAMLMap, schema: PostingSchema, changes: CanonicalChanges, apply: boolean): [Pair, string | undefined][] {
  const present = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key !== undefined) present.set(key, pair as Pair);
  }
  const keep: [Pair, string | undefined][] = [];
  for (const item of map.items) {
    const pair = item as Pair;
    const alias = keyText(pair);
    const canonical = alias === undefined ? undefined : schema.aliasToKey.get(alias);
    if (alias === undefined || canonical === undefined) {
      keep.push([pair, alias]);
      continue;
    }
    const existing = present.get(canonical);
    if (existing) {
      if (sameValue(existing.value, pair.value)) {
        changes.duplicateAliasesRemoved.push({ from: alias, to: canonical, offset: nodeOffset(pair.key) });
        continue; // same value under both names: the alias line is redundant
      }
      changes.conflicts.push({ alias, key: canonical, aliasOffset: nodeOffset(pair.key), keyOffset: nodeOffset(existing.key) });
      keep.push([pair, alias]); // nothing is dropped: the user decides
      continue;
    }
    changes.renamed.push({ from: alias, to: canonical, offset: nodeOffset(pair.key) });
    if (apply) {
      const keyNode = pair.key;
      if (isScalar(keyNode)) keyNode.value = canonical;
      else pair.key = new Scalar(canonical);
    }
    present.set(canonical, pair);
    keep.push([pair, canonical]);
  }
  if (apply) map.items = keep.map(([pair]) => pair) as typeof map.items;
  return keep;
}

function sameValue(a: unknown, b: unknown): boolean {
  const js = (n: unknown) => (n && typeof n === "object" && "toJSON" in n ? (n as { toJSON(): unknown }).toJSON() : n);
  return JSON.stringify(js(a)) === JSON.stringify(js(b));
}

/** Records the change a value needs; `apply`: also make it in the document. */
function coerceValue(pair: Pair, field: FieldSpec, changes: CanonicalChanges, apply: boolean): void {
  const node = pair.value;
  const key = field.key;
  const offset = nodeOffset(node);
  const record = (from: string, to: string, why: string) => changes.values.push({ key, from, to, why, offset });

  if (isScalar(node)) {
    const value = node.value;
    // A plain `yes` where a boolean is allowed: Jekyll reads true, so that is what it means.
    if (node.type === Scalar.PLAIN && typeof value === "string" && YAML11_BOOLEAN.test(value) && field.types.includes("boolean")) {
      const to = /^(?:yes|on)$/i.test(value);
      record(value, String(to), "written as the boolean Jekyll reads");
      if (apply) {
        node.value = to;
        node.type = undefined;
        delete node.source;
      }
      return;
    }
    const plan = scalarPlan(value, field);
    if (plan?.kind === "boolean") {
      record(JSON.stringify(value), String(plan.to), "text turned into a boolean");
      if (!apply) return;
      node.value = plan.to;
      node.type = undefined;
      delete node.source; // otherwise yaml re-prints the original spelling (`False`, `yes`)
      return;
    }
    if (plan?.kind === "list") {
      record(JSON.stringify(value), `[${plan.items.join(", ")}]`, "comma-separated text turned into a list");
      if (!apply) return;
      const seq = new YAMLSeq();
      for (const item of plan.items) seq.items.push(new Scalar(item));
      pair.value = seq;
      return;
    }
    if (plan?.kind === "text" && typeof value === "string") {
      if (plan.ambiguity !== undefined) changes.ambiguities.push({ key, reason: plan.ambiguity, offset });
      if (plan.to !== value) {
        record(JSON.stringify(value), JSON.stringify(plan.to), whyChanged(value, plan.to));
        if (apply) node.value = plan.to;
      } else if (node.type === Scalar.PLAIN && jekyllReadsPlainAsNonText(value, field)) {
        // `status: yes`, `equipe: 12:30`, `title: 2021-06-24`: text for the schema, but Jekyll
        // reads a boolean, a number or a date; the quotes normalize adds change what the site sees.
        record(value, JSON.stringify(value), "quoted, so Jekyll reads it as text");
      }
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (!isScalar(item) || typeof item.value !== "string") return;
      const next = canonicalListItem(item.value, field);
      if (next !== item.value) {
        changes.values.push({ key: `${key}[${i}]`, from: JSON.stringify(item.value), to: JSON.stringify(next), why: whyChanged(item.value, next), offset: nodeOffset(item) });
        if (apply) item.value = next;
      } else if (item.type === Scalar.PLAIN && jekyllReadsPlainAsNonText(item.value, field)) {
        changes.values.push({ key: `${key}[${i}]`, from: item.value, to: JSON.stringify(item.value), why: "quoted, so Jekyll reads it as text", offset: nodeOffset(item) });
      }
    });
  }
}

function whyChanged(from: string, to: string): string {
  if (from.trimEnd() === to) return "trailing white space removed";
  if (from.normalize("NFC") === to) return "Unicode normalized (NFC)";
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) return "date written YYYY-MM-DD";
  return "value matched to the schema's spelling";
}

/** Schema order first, then unknown keys in their original relative order. Returns true if moved. */
function reorderKeys(map: YAMLMap, schema: PostingSchema): boolean {
  const rank = new Map(schema.fields.map((f, i) => [f.key, i]));
  const indexed = map.items.map((pair, i) => ({ pair, i, r: rank.get(keyText(pair) ?? "") ?? Number.MAX_SAFE_INTEGER }));
  const sorted = [...indexed].sort((a, b) => a.r - b.r || a.i - b.i);
  const moved = sorted.some((entry, i) => entry.i !== i);
  if (moved) map.items = sorted.map((e) => e.pair);
  return moved;
}

/** One output style: block lists, no blank lines, plain scalars unless quotes are needed. */
function applyStyle(doc: Document, schema: PostingSchema): void {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key)) {
        const key = pair.key;
        if (typeof key.value === "string") key.value = key.value.normalize("NFC");
        key.spaceBefore = false;
        key.type = undefined;
      }
      // Values of keys the schema does not know keep their style: quoting a plain `yes` would
      // change what Jekyll reads (true) into text.
      const field = schema.fieldsByKey.get(keyText(pair) ?? "");
      if (field) styleValue(pair.value, field);
    },
    Seq(_, seq) {
      seq.flow = false;
      seq.spaceBefore = false;
    },
    Map(_, map) {
      map.spaceBefore = false;
    },
  });
  if (isMap(doc.contents)) doc.contents.spaceBefore = false;
}

function styleValue(node: unknown, field: FieldSpec): void {
  if (isSeq(node)) {
    for (const item of node.items) styleValue(item, field);
    return;
  }
  if (!isScalar(node)) return;
  node.spaceBefore = false;
  if (typeof node.value !== "string") {
    if (node.value === null) node.type = undefined;
    return;
  }
  const text = node.value;
  if (text.includes("\n")) {
    if (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  const needsQuotes = text === "" || jekyllReadsPlainAsNonText(text, field) || text !== text.trim();
  node.type = needsQuotes ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
}

/** Serialize a canonical document's YAML (no `---` lines), ending with one newline. */
export function stringifyFrontMatter(doc: Document): string {
  keepNumberSpelling(doc);
  const text = doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: false,
    indentSeq: true,
    defaultKeyType: "PLAIN",
    flowCollectionPadding: false,
    nullStr: "",
  });
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Canonical YAML for new front matter data (what `posting normalize` would write). */
export function renderFrontMatter(data: Record<string, unknown>, schema: PostingSchema): string {
  const doc = new Document(data, { version: "1.2" });
  canonicalizeDocument(doc, schema);
  return stringifyFrontMatter(doc);
}

/**
 * Numbers are printed as they were written: yaml would print `0123` as `123` and `1e3` as
 * `1e+3`, and Jekyll (YAML 1.1) reads `0123` as octal 83. Only parsed scalars have a source;
 * numbers normalize creates are printed the usual way.
 */
function keepNumberSpelling(doc: Document): void {
  const schema = doc.schema;
  schema.tags = schema.tags.map((tag) => {
    if ((tag.tag !== "tag:yaml.org,2002:int" && tag.tag !== "tag:yaml.org,2002:float") || !tag.stringify) return tag;
    const print = tag.stringify;
    return {
      ...tag,
      stringify: (item, ctx, onComment, onChompKeep) =>
        isScalar(item) && typeof item.source === "string" && item.source !== "" ? item.source : print(item, ctx, onComment, onChompKeep),
    } as typeof tag;
  });
}

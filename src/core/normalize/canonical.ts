// The canonical front matter, driven by the schema: canonical key names (aliases renamed), schema
// key order, values of the declared type where the meaning is certain, and one output style.
// `posting normalize` applies it to existing files; `posting new` renders new ones with it, so a
// new posting is already what normalize would write.
import { Document, isAlias, isMap, isNode, isScalar, isSeq, Scalar, visit, YAMLMap, YAMLSeq } from "yaml";
import type { Pair } from "yaml";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
import { isReordered, jekyllReadsPlainAsNonText, noChanges, planAliases, planValue, schemaRank } from "./value-rules.js";
import type { CanonicalChanges } from "./value-rules.js";
import { keyText, nodeOffset } from "../read/yaml.js";
import { plainValueOf, valueViewOf } from "../read/read-posting.js";
import { escapeUnsafe, hasUnsafeText } from "../sanitize.js";

export type { AliasConflict, Ambiguity, CanonicalChanges, KeyRename, ValueChange } from "./value-rules.js";

/** Rewrite a parsed front matter document in place into canonical form; report what changed. */
export function canonicalizeDocument(doc: Document, schema: PostingSchema): CanonicalChanges {
  const map = doc.contents;
  if (!isMap(map)) return noChanges();
  const changes = renameAndCoerce(map, schema, true);
  changes.reordered = reorderKeys(map, schema);
  applyStyle(doc, schema);
  return changes;
}

/** Aliases renamed and values given the schema's type and spelling; `apply`: in the document too. */
function renameAndCoerce(map: YAMLMap, schema: PostingSchema, apply: boolean): CanonicalChanges {
  const changes = noChanges();
  for (const [pair, key] of renameAliases(map, schema, changes, apply)) {
    const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
    if (field) coerceValue(pair, field, changes, apply);
  }
  return changes;
}

/** The pairs that stay, each with its key after renaming. `apply`: rename and drop in the document. */
function renameAliases(map: YAMLMap, schema: PostingSchema, changes: CanonicalChanges, apply: boolean): [Pair, string | undefined][] {
  const pairs = map.items as Pair[];
  const keys = pairs.map((pair) => ({ key: keyText(pair), offset: nodeOffset(pair.key) }));
  const keep = planAliases(keys, (i) => plainValueOf(pairs[i]!.value), schema, changes).map(([i, key]): [Pair, string | undefined] => [pairs[i]!, key]);
  if (apply) {
    for (const [pair, key] of keep) {
      if (key === undefined || key === keyText(pair)) continue;
      const keyNode = pair.key;
      if (isScalar(keyNode)) keyNode.value = key;
      else pair.key = new Scalar(key);
    }
    map.items = keep.map(([pair]) => pair) as typeof map.items;
  }
  return keep;
}

/** Records the change a value needs (planValue); `apply`: also make it in the document. */
function coerceValue(pair: Pair, field: FieldSpec, changes: CanonicalChanges, apply: boolean): void {
  const fixes = planValue(valueViewOf(pair.value), field, changes);
  if (!apply) return;
  const node = pair.value;
  for (const fix of fixes) {
    if (fix.kind === "list") {
      const seq = new YAMLSeq();
      for (const item of fix.items) seq.items.push(new Scalar(item));
      pair.value = seq;
    } else if (fix.kind === "item") {
      const item = isSeq(node) ? node.items[fix.index] : undefined;
      if (isScalar(item)) item.value = fix.to;
    } else if (isScalar(node)) {
      node.value = fix.to;
      if (fix.kind === "boolean") {
        node.type = undefined;
        delete node.source; // otherwise yaml re-prints the original spelling (`False`, `yes`)
      }
    }
  }
}

/** Schema order first, then unknown keys in their original relative order. Returns true if moved. */
function reorderKeys(map: YAMLMap, schema: PostingSchema): boolean {
  const keys = map.items.map((pair) => keyText(pair));
  if (!isReordered(keys, schema)) return false;
  const rank = schemaRank(schema);
  const indexed = map.items.map((pair, i) => ({ pair, i, r: rank(keys[i]) }));
  const sorted = indexed.sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.pair);
  // An alias must follow its anchor (`contacts: *r` after `redirect_from: &r [...]`): an order
  // that breaks that is not used, and the keys stay where they are.
  if (!anchorsBeforeAliases(sorted)) return false;
  map.items = sorted;
  return true;
}

/** Whether, printed in this order, every alias comes after the anchor it refers to. */
function anchorsBeforeAliases(pairs: YAMLMap["items"]): boolean {
  const probe = new YAMLMap();
  probe.items = pairs;
  const anchors = new Set<string>();
  let ordered = true;
  visit(probe, (_, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) ordered = false;
    } else if (isNode(node) && typeof node.anchor === "string") anchors.add(node.anchor);
  });
  return ordered;
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
    Scalar(_, scalar) {
      scalar.spaceBefore = false; // values of unknown keys too
      // An empty block scalar prints as `|` and a blank line, which lint reports, and the blank
      // lines that end a `|+` text do not always read back (at the end of the front matter):
      // between double quotes, they are the same text.
      const block = scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED;
      if (block && typeof scalar.value === "string" && (scalar.value === "" || scalar.value.endsWith("\n\n"))) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  if (isMap(doc.contents)) doc.contents.spaceBefore = false;
  // Comments keep their words but not their trailing white space, which lint reports as fixable.
  visit(doc, (_, node) => {
    if (!isNode(node)) return;
    node.commentBefore = trimComment(node.commentBefore);
    node.comment = trimComment(node.comment);
  });
  doc.commentBefore = trimComment(doc.commentBefore);
  doc.comment = trimComment(doc.comment);
  // yaml prints a blank line after the document's opening comment: it goes on the mapping.
  if (doc.commentBefore && isNode(doc.contents)) {
    doc.contents.commentBefore = doc.contents.commentBefore ? `${doc.commentBefore}\n${doc.contents.commentBefore}` : doc.commentBefore;
    doc.commentBefore = null;
  }
}

/**
 * A comment without trailing white space nor blank lines. yaml holds an empty comment (`#` alone)
 * as a line of one space, and a blank line between comment lines as an empty line: the first
 * is kept (comments are kept), the second goes like every other blank line of the front matter.
 */
function trimComment<T extends string | null | undefined>(comment: T): T {
  if (typeof comment !== "string") return comment;
  const lines = comment.split("\n").flatMap((line) => (line === "" ? [] : [line.replace(/[ \t]+$/, "") || " "]));
  return (lines.length === 0 ? null : lines.join("\n")) as T;
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
  keepUnsafeCharactersEscaped(doc);
  // yaml puts a blank line before the comment that ends a document; here it follows the last
  // line, as it was read (normalize removes blank lines, so it must not add one).
  const trailing = doc.comment;
  doc.comment = null;
  let text: string;
  try {
    text = printDocument(doc);
  } finally {
    doc.comment = trailing;
  }
  if (trailing) text += `${commentLines(trailing)}\n`;
  // An empty list item is printed `- ` (nullStr ""), with a trailing space lint would report;
  // a line of block text so changed would not read back the same, and normalize refuses that.
  return text.replace(/^( *-(?: -)*) $/gm, "$1");
}

/**
 * yaml's comment printing (stringifyComment: a line of one space is an empty `#`), with lines
 * split at LF only: yaml's own regular expression also starts a line after a CR or U+2028, which
 * YAML does not, so such a comment gained a `#` on every run.
 */
function commentLines(comment: string): string {
  return comment
    .split("\n")
    .map((line) => (line === "" ? "" : line === " " ? "#" : `#${line}`))
    .join("\n");
}

function printDocument(doc: Document): string {
  const text = doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: false,
    indentSeq: true,
    defaultKeyType: "PLAIN",
    flowCollectionPadding: false,
    nullStr: "",
    commentString: commentLines,
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
 * How the canonical style prints `value` as the value of `field` (what follows `key:`: ` text`,
 * or a block list's lines), a list on one line (`[a, b]`) when `lists` is "flow". normalize's
 * minimal style prints the values it changes with it, in place of the old ones.
 */
export function printValueAfterKey(value: unknown, field: FieldSpec, schema: PostingSchema, lists: "flow" | "block"): string {
  const doc = new Document({ [field.key]: value }, { version: "1.2" });
  applyStyle(doc, schema);
  if (lists === "flow") visit(doc, { Seq: (_, seq) => void (seq.flow = true) });
  const text = stringifyFrontMatter(doc);
  return text.slice(text.indexOf(":") + 1).replace(/\n$/, "");
}

/**
 * A text holding a control, bidi or invisible character (sanitize.ts's set) is printed double-
 * quoted with that character as a `\u` escape: yaml's printer escapes only C0 controls, and a
 * `"\x9b"` read from the file must not be written back as a raw C1 byte.
 */
function keepUnsafeCharactersEscaped(doc: Document): void {
  const schema = doc.schema;
  schema.tags = schema.tags.map((tag) => {
    if (tag.tag !== "tag:yaml.org,2002:str" || !tag.stringify) return tag;
    const print = tag.stringify;
    return {
      ...tag,
      stringify: (item, ctx, onComment, onChompKeep) => {
        if (!isScalar(item) || typeof item.value !== "string" || !hasUnsafeText(item.value)) return print(item, ctx, onComment, onChompKeep);
        item.type = Scalar.QUOTE_DOUBLE;
        const text = print(item, ctx, onComment, onChompKeep);
        // JSON's \uXXXX is also a YAML double-quoted escape.
        return text.startsWith('"') ? escapeUnsafe(text, "json", "yaml-file") : text;
      },
    } as typeof tag;
  });
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

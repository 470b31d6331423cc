// The size a YAML document takes once its aliases are expanded, counted on the Document before
// any toJS(). yaml's own maxAliasCount weighs an alias by the aliases inside its target, so an
// alias of `{}` or `[]` weighs nothing: 310 bytes of such aliases made `list --format json` write
// 28 MB. Here every alias weighs the whole node it stands for.
import { isAlias, isMap, isPair, isSeq } from "yaml";
import type { Document } from "yaml";

/**
 * Nodes (mappings, lists, pairs' keys and values, scalars) a front matter may hold with its aliases
 * expanded. Front matter is at most 16 KB, about 8,000 nodes written out, and postings use a few
 * dozen: the budget is far above any real posting and keeps the plain data under about 1 MB.
 */
export const MAX_EXPANDED_NODES = 20_000;

/**
 * Whether the document, its aliases expanded, has more than `budget` nodes. An alias counts as the
 * whole node it refers to (the latest anchor of that name before it, as YAML reads it); an alias
 * inside the node it refers to is a cycle, which never ends, so it exceeds any budget. Each node is
 * sized once (memoized), so the cost is linear in the document. The caller has already bounded the
 * nesting depth (walk() in yaml.ts), which bounds this recursion.
 */
export function expandedSizeExceeds(doc: Document, budget = MAX_EXPANDED_NODES): boolean {
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  let exceeded = false;

  // Size of a node with its aliases expanded; Infinity once the budget is passed or on a cycle.
  const sizeOf = (node: unknown): number => {
    if (exceeded) return Infinity;
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return 1; // reported as a syntax error by walk()
      if (inProgress.has(target)) return fail();
      return sizes.get(target) ?? fail();
    }
    const anchor = (node as { anchor?: unknown }).anchor;
    if (typeof anchor === "string") anchors.set(anchor, node);
    inProgress.add(node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) size += sizeOf(item.key) + sizeOf(item.value);
        else size += sizeOf(item);
        if (size > budget) return fail();
      }
    }
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  const fail = (): number => {
    exceeded = true;
    return Infinity;
  };

  return sizeOf(doc.contents) > budget || exceeded;
}

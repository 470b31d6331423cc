// What the site sees: the front matter data with every plain scalar read as Psych (YAML 1.1) reads
// it, as Jekyll does. One place, used by validation and by list.
import type { LocatedFrontMatter } from "./posting.js";

/**
 * What the site will see: plain scalars read as Psych (YAML 1.1) reads them, as Jekyll does
 * (`yes` is true, `0123` is 83, `0612345678` stays text). Keys stay as written.
 */
export function siteView(frontMatter: Pick<LocatedFrontMatter, "data" | "yaml11Readings">): Record<string, unknown> {
  const data = frontMatter.data ?? {};
  const readings = frontMatter.yaml11Readings.filter((r) => !r.key);
  if (readings.length === 0) return data;
  if (readings.every((r) => r.path.length === 1)) {
    // The usual case, `open: yes`: a copy of the top level is enough.
    const copy = { ...data };
    for (const r of readings) setOwn(copy, String(r.path[0]), r.value);
    return copy;
  }
  // Inside a list, which an alias may share with another key (`contacts: *list`): a deep copy
  // keeps that sharing, so the site view changes both, as Jekyll reads them.
  const copy = structuredClone(data);
  for (const r of readings) setAt(copy, r.path, r.value);
  return copy;
}

function setAt(data: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: unknown = data;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== "object") return;
    node = (node as Record<string | number, unknown>)[path[i]!];
  }
  const last = path.at(-1);
  if (last !== undefined && node !== null && typeof node === "object") setOwn(node as Record<string | number, unknown>, last, value);
}

/** defineProperty, not assignment: a key named __proto__ stays an ordinary key. */
function setOwn(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

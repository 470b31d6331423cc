// The differential check of the fast reader (src/core/read/simple-yaml.ts) against the `yaml`
// package, shared by test/simple-yaml.test.ts and test/simple-yaml-forms.test.ts.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml";
import { expect } from "vitest";
import { parseSimpleYaml, SimpleLocation } from "../../src/core/read/simple-yaml.js";
import { offsetOf, parseYaml } from "../../src/core/read/yaml.js";

/** A node as parseSimpleYaml describes it: scalars with value, style and offset; lists with their offset. */
function describeNode(node: unknown): unknown {
  if (isScalar(node)) return { value: node.value, plain: node.type === Scalar.PLAIN, offset: node.range![0] };
  if (isSeq(node)) return { items: node.items.map(describeNode), offset: node.range![0] };
  return "other";
}

/** What `yaml` reads, in the shape parseSimpleYaml returns; entries undefined when it reports a problem. */
export function readByYaml(source: string) {
  const parsed = parseYaml(source);
  const contents = parsed.doc.contents;
  if (parsed.problems.length > 0 || !isMap(contents)) return { problems: parsed.problems.length, data: parsed.data, entries: undefined, yaml11Readings: [] };
  const entries = contents.items.map((pair) => ({ key: isScalar(pair.key) ? String(pair.key.value) : "?", offset: isScalar(pair.key) ? pair.key.range![0] : -1, value: describeNode(pair.value) }));
  return { problems: 0, data: parsed.data, entries, yaml11Readings: parsed.yaml11Readings };
}

/**
 * Asserts the simple reader agrees with `yaml` on `source` (data, every offset, the style of
 * every scalar, YAML 1.1 booleans, and the position of every key path); returns whether it accepted.
 */
export function agrees(source: string): boolean {
  const simple = parseSimpleYaml(source);
  if (simple === undefined) return false;
  const full = readByYaml(source);
  expect(full.problems, source).toBe(0);
  expect(simple.data, source).toStrictEqual(full.data);
  expect(simple.entries, source).toEqual(full.entries);
  expect(simple.yaml11Readings, source).toEqual(full.yaml11Readings);
  const located = new SimpleLocation(simple, source, 2);
  const lineCounter = new LineCounter();
  parseDocument(source, { lineCounter });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const doc = parseYaml(source).doc;
  for (const entry of simple.entries) {
    const paths: (string | number)[][] = [[entry.key], [entry.key, 0], [entry.key, 1], [entry.key, 7], [entry.key, "x"]];
    for (const path of paths) {
      expect(located.locate(path), `${source} ${path}`).toEqual(position(offsetOf(doc, path)));
      expect(located.locate(path, "key"), `${source} ${path}`).toEqual(position(offsetOf(doc, path, "key")));
    }
  }
  expect(located.locate(["absent"]), source).toEqual(position(offsetOf(doc, ["absent"])));
  expect(located.locate([]), source).toEqual(position(offsetOf(doc, [])));
  return true;
}


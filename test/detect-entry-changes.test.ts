// detectEntryChanges plans the values of the usual front matter in one pass and starts over with
// planAliases at the first alias key: the changes of the keys before it must not be counted twice.
import { describe, expect, it } from "vitest";
import { detectEntryChanges } from "../src/core/normalize/value-rules.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { loadSchema } from "../src/core/schema/schema.js";

const schema = loadSchema();

function changesOf(yaml: string) {
  const { frontMatter } = readPosting("t.md", `---\n${yaml}---\nBody\n`);
  return detectEntryChanges(frontMatter!.entries(), schema);
}

describe("detectEntryChanges", () => {
  it("reports a change before an alias key once, with the alias renamed", () => {
    const changes = changesOf("title: E\u0301te\u0301\nrole: Dev\nopen: yes\n");
    expect(changes.values.map((v) => v.key)).toEqual(["title", "open"]);
    expect(changes.renamed).toEqual([{ from: "role", to: "roles", offset: 13 }]);
  });

  it("plans every value without an alias key, and the same values with one", () => {
    const plain = changesOf("title: E\u0301te\u0301\nroles: Dev\nopen: yes\n");
    const aliased = changesOf("title: E\u0301te\u0301\nrole: Dev\nopen: yes\n");
    // The same changes, the offsets apart: `role` is a character shorter than `roles`.
    const withoutOffsets = (values: { offset: number }[]) => values.map(({ offset: _, ...rest }) => rest);
    expect(withoutOffsets(aliased.values)).toEqual(withoutOffsets(plain.values));
    expect(plain.values.map((v) => v.why)).toEqual(["nfc", "yaml11-boolean"]);
    expect(plain.renamed).toEqual([]);
  });
});

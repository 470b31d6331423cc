// readPosting is the one way from bytes or text to front matter: whichever reader it picks, the
// caller sees the same data, positions, findings and value changes, and a YAML document is built
// only when asked.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPosting } from "../src/core/read/read-posting.js";
import type { PostingReading } from "../src/core/read/read-posting.js";
import { detectEntryChanges } from "../src/core/normalize/value-rules.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { markdownFixtures } from "./helpers/front-matter-gen.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const schema = loadSchema();

/** What a caller can see of a reading, the reader itself left out. */
function seen({ parsed, frontMatter }: PostingReading) {
  if (!frontMatter) return { findings: parsed.findings, frontMatter: undefined };
  const entries = frontMatter.entries();
  return {
    findings: parsed.findings,
    data: frontMatter.data,
    yaml11Readings: frontMatter.yaml11Readings,
    keys: entries.map((e) => [e.key, frontMatter.locate([e.key ?? ""], "key"), frontMatter.locate([e.key ?? ""])]),
    changes: frontMatter.data ? detectEntryChanges(entries, schema) : undefined,
    aliases: frontMatter.hasAliases(),
  };
}

describe("readPosting", () => {
  it("answers the same from bytes and from the text they hold, whichever reader it picks", () => {
    let simple = 0;
    let full = 0;
    for (const file of markdownFixtures(join(ROOT, "fixtures"))) {
      const bytes = readFileSync(file);
      const fast = readPosting(file, bytes);
      if (fast.frontMatter?.simple) simple++;
      else if (fast.frontMatter) full++;
      // The full reader on the same bytes gives what the caller saw.
      expect(seen(readPosting(file, bytes, { fullParse: true })), file).toEqual(seen(fast));
      // Text in (an editor's buffer, standard input) is the UTF-8 bytes it stands for.
      const text = bytes.toString("utf8");
      if (Buffer.from(text, "utf8").equals(bytes)) expect(seen(readPosting(file, text)), file).toEqual(seen(fast));
    }
    // Both readers must have been used, or the comparison proves little.
    expect(simple).toBeGreaterThan(20);
    expect(full).toBeGreaterThan(20);
  });

  it("builds a YAML document only when asked, with no new findings", () => {
    const text = "---\ntitle: Développeur·se\nroles: Dev\nopen: true\ntechno: [React, Vue]\n---\nBody\n";
    const reading = readPosting("a.md", text);
    expect(reading.frontMatter?.simple).toBeDefined();
    expect(reading.parsed.frontMatter).toBeUndefined();
    const findings = [...reading.parsed.findings];
    const doc = reading.frontMatter!.document();
    expect(doc.doc.toJS()).toEqual(reading.frontMatter!.data);
    expect(reading.frontMatter!.document()).toBe(doc);
    expect(reading.parsed.findings).toEqual(findings);
  });

  it("reads what the fast reader refuses with the full one, behind the same shape", () => {
    const reading = readPosting("b.md", "---\nbase: &b Dev\nroles: *b\nopen: yes\n---\n");
    expect(reading.frontMatter?.simple).toBeUndefined();
    expect(reading.frontMatter?.data).toEqual({ base: "Dev", roles: "Dev", open: "yes" });
    expect(reading.frontMatter?.hasAliases()).toBe(true);
    expect(reading.frontMatter?.locate(["open"])).toEqual({ line: 4, column: 7 });
    expect(reading.frontMatter?.yaml11Readings.map((r) => [r.path, r.value])).toEqual([[["open"], true]]);
  });
});

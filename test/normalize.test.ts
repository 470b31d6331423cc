// Normalize over the fixtures in fixtures/normalize/<case>/: input.md (real bytes), case.json
// (expected status, change descriptions and finding codes) and, for changed files, expected.md.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { describeChanges, normalizeBytes } from "../src/core/normalize/normalize.js";
import { parsePosting } from "../src/core/read/posting.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { wordFindings } from "../src/core/messages/word.js";

const root = join(import.meta.dirname, "..", "fixtures", "normalize");
const schema = loadSchema();
// These fixtures' expected.md are the canonical style (--canonical); test/normalize-minimal.test.ts holds the default.
const CANONICAL = { schema, style: "canonical" } as const;
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, "input.md")));

interface CaseSpec {
  status: "changed" | "unchanged" | "refused";
  changes?: string[];
  codes?: string[];
}

describe("normalize fixtures", () => {
  it("has a case.json for every fixture", () => {
    expect(cases.length).toBeGreaterThan(15);
    for (const name of cases) expect(existsSync(join(root, name, "case.json")), name).toBe(true);
  });

  for (const name of cases) {
    const dir = join(root, name);
    const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseSpec;
    const input = readFileSync(join(dir, "input.md"));

    it(`${name}: ${spec.status}`, () => {
      const result = normalizeBytes(`${name}.md`, input, CANONICAL);
      expect(result.status).toBe(spec.status);
      expect(result.findings.map((f) => f.code).sort()).toEqual([...(spec.codes ?? [])].sort());
      if (result.status === "changed") {
        const described = describeChanges(result.changes).join("\n");
        for (const expected of spec.changes ?? []) expect(described).toContain(expected);
        expect(Buffer.from(result.output).toString("utf8")).toBe(readFileSync(join(dir, "expected.md"), "utf8"));
      } else {
        expect(existsSync(join(dir, "expected.md")), "unchanged/refused cases have no expected.md").toBe(false);
      }
    });

    if (spec.status === "refused") continue;

    it(`${name}: normalizing twice changes nothing more (idempotent)`, () => {
      const once = normalizeBytes("x.md", input, CANONICAL);
      const bytes = once.status === "changed" ? once.output : input;
      const twice = normalizeBytes("x.md", bytes, CANONICAL);
      expect(twice.status).toBe("unchanged");
    });

    it(`${name}: the result is UTF-8, LF, no BOM, one final newline, and lints without fixable findings`, () => {
      const once = normalizeBytes("x.md", input, CANONICAL);
      const bytes = Buffer.from(once.status === "changed" ? once.output : input);
      const text = bytes.toString("utf8");
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(text.includes("\r")).toBe(false);
      expect(text.includes("\uFFFD")).toBe(false);
      expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
      const fixable = lintBytes("x.md", bytes, schema).filter((f) => f.fixable);
      expect(fixable).toEqual([]);
    });
  }
});

describe("normalize guarantees", () => {
  it("keeps the data except the documented changes (comments, key order)", () => {
    for (const name of ["comments", "key-order", "whitespace"]) {
      const input = readFileSync(join(root, name, "input.md"));
      const result = normalizeBytes("x.md", input, CANONICAL);
      if (result.status !== "changed") throw new Error(`${name} should change`);
      const before = parsePosting("x.md", input).frontMatter?.data;
      const after = parsePosting("x.md", result.output).frontMatter?.data;
      expect(after).toEqual(before);
      expect(Object.keys(after ?? {})).not.toEqual(Object.keys(before ?? {}));
    }
  });

  it("keeps comments in the front matter", () => {
    const result = normalizeBytes("x.md", readFileSync(join(root, "comments", "input.md")), { schema });
    if (result.status !== "changed") throw new Error("should change");
    const text = Buffer.from(result.output).toString("utf8");
    expect(text).toContain("# Annonce relayée pour un partenaire");
    expect(text).toContain("# iOS et Android");
    expect(text).toContain("# le lien vers l'annonce d'origine\nexternalURL:");
  });

  it("never changes the body: NFD names, Markdown line breaks and --- lines stay byte for byte", () => {
    const input = readFileSync(join(root, "body-preserved", "input.md"));
    const result = normalizeBytes("x.md", input, { schema });
    if (result.status !== "changed") throw new Error("should change");
    const bodyBefore = parsePosting("x.md", input).body;
    const bodyAfter = parsePosting("x.md", result.output).body;
    expect(bodyAfter).toBe(bodyBefore.replace(/\n+$/, "\n"));
    expect(bodyAfter).toContain("Capture d’écran".normalize("NFD"));
    expect(bodyAfter).toContain("Markdown  \n");
    // ...while the front matter is NFC.
    expect(parsePosting("x.md", result.output).frontMatter?.data?.roles).toBe("Développeur·se".normalize("NFC"));
  });

  it("leaves both spellings when an alias conflicts with its key (nothing dropped)", () => {
    const input = readFileSync(join(root, "alias-conflict", "input.md"));
    const result = normalizeBytes("x.md", input, { schema });
    expect(wordFindings(result.findings)[0]?.message).toContain("`title`");
    expect(result.findings[0]?.line).toBe(2);
  });
});

describe("normalize over every fixture in the repository", () => {
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".md")) all.push(full);
    }
  };
  walk(join(import.meta.dirname, "..", "fixtures"));

  it.each(["minimal", "canonical"] as const)("is idempotent, never writes U+FFFD, and never changes a body beyond encoding repairs (%s style)", (style) => {
    expect(all.length).toBeGreaterThan(100);
    let changed = 0;
    for (const file of all) {
      const input = readFileSync(file);
      const once = normalizeBytes(file, input, { schema, style });
      if (once.status !== "changed") continue;
      changed++;
      const text = Buffer.from(once.output).toString("utf8");
      expect(text.includes("\uFFFD"), file).toBe(false);
      expect(normalizeBytes(file, once.output, { schema, style }).status, file).toBe("unchanged");
      // The body only loses trailing blank lines (and gets mojibake/encoding repairs).
      const before = parsePosting(file, input).body.replace(/\n+$/, "");
      const after = parsePosting(file, once.output).body.replace(/\n+$/, "");
      if (once.changes.mojibake.length === 0 && !once.changes.encodingFrom) expect(after, file).toBe(before);
    }
    expect(changed).toBeGreaterThan(20);
  });
});

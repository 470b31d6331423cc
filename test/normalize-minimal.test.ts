// normalize's default (minimal) style: only what is broken or read differently by the site
// changes, in place. Held on every Markdown fixture and on a generated collection, against lint's
// fixable findings (an independent count: lint reads, it does not edit).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCollection } from "../bench/generate.mjs";
import { lintBytes } from "../src/core/lint/lint.js";
import { checkBytes, normalizeBytes } from "../src/core/normalize/normalize.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { minimalEdit, readsBackAsMeant } from "../src/core/normalize/minimal.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { markdownFixtures } from "./helpers/front-matter-gen.js";
import { runCli } from "./helpers/cli.js";

const schema = loadSchema();
const ROOT = join(import.meta.dirname, "..", "fixtures");
const fixtures = markdownFixtures(ROOT).filter((file) => {
  try {
    return statSync(file).isFile() && readFileSync(file).length >= 0;
  } catch {
    return false;
  }
});

/** Lines (1-based) lint marks fixable, with the lines a flagged value goes on over (its continuation). */
function flaggedLines(bytes: Uint8Array, lines: readonly string[]): Set<number> {
  const flagged = new Set(lintBytes("x.md", bytes, schema).filter((f) => f.fixable).map((f) => f.line));
  for (let line = 2; line <= lines.length; line++) {
    if (flagged.has(line - 1) && /^[\s-]/.test(lines[line - 1] ?? "") && (lines[line - 1] ?? "").trim() !== "---") flagged.add(line);
  }
  return flagged;
}

/** Whether `sub` appears in `all` in order (not necessarily next to each other). */
function isSubsequence(sub: readonly string[], all: readonly string[]): boolean {
  let at = 0;
  for (const line of all) if (at < sub.length && line === sub[at]) at++;
  return at === sub.length;
}

const keysOf = (bytes: Uint8Array) => Object.keys(readPosting("x.md", bytes).frontMatter?.data ?? {});

describe("normalize's default style over every fixture", () => {
  it("changes no front matter line that is neither broken nor read differently, and keeps the key order", () => {
    expect(fixtures.length).toBeGreaterThan(100);
    let changed = 0;
    for (const file of fixtures) {
      const input = readFileSync(file);
      // A `# posting-disable…` comment hides a finding from lint, not the repair from normalize
      // (README, "Rules"): such a file's changed lines have no finding to match.
      if (input.includes("posting-disable")) continue;
      const result = normalizeBytes(file, input, { schema });
      if (result.status !== "changed" || result.changes.encodingFrom || result.changes.mojibake.length > 0) continue;
      changed++;
      const before = result.before.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "").split("\n");
      const close = readPosting(file, input).frontMatter?.source.closeLine ?? 1;
      const flagged = flaggedLines(input, before);
      const kept = before.slice(0, close).filter((_, i) => !flagged.has(i + 1));
      expect(isSubsequence(kept, result.after.split("\n")), `${relative(ROOT, file)}: a line without a fixable finding changed\n${result.after}`).toBe(true);
      // Key order: the keys as read, an alias under its new name in its place, a redundant one gone.
      const renamed = new Map((result.changes.frontMatter?.renamed ?? []).map((r) => [r.from, r.to]));
      const removed = new Set((result.changes.frontMatter?.duplicateAliasesRemoved ?? []).map((r) => r.from));
      const expected = keysOf(input).filter((k) => !removed.has(k)).map((k) => renamed.get(k) ?? k);
      expect(keysOf(result.output), relative(ROOT, file)).toEqual(expected);
      expect(result.changes.frontMatter?.reordered ?? false).toBe(false);
    }
    expect(changed).toBeGreaterThan(30);
  });

  it.each(["minimal", "canonical"] as const)("is idempotent and --check passes after --write (%s style)", (style) => {
    for (const file of fixtures) {
      const once = normalizeBytes(file, readFileSync(file), { schema, style });
      if (once.status !== "changed") continue;
      expect(normalizeBytes(file, once.output, { schema, style }).status, file).toBe("unchanged");
      expect(checkBytes(file, once.output, { schema, style }).status, file).toBe("unchanged");
    }
  });

  it("the canonical style applies on top of the default one (to the same file), and the default finds nothing to do after the canonical", () => {
    let both = 0;
    for (const file of fixtures) {
      const input = readFileSync(file);
      const minimal = normalizeBytes(file, input, { schema });
      const canonical = normalizeBytes(file, input, { schema, style: "canonical" });
      if (minimal.status !== "changed" || canonical.status !== "changed") continue;
      both++;
      const onTop = normalizeBytes(file, minimal.output, { schema, style: "canonical" });
      const result = onTop.status === "changed" ? Buffer.from(onTop.output) : Buffer.from(minimal.output);
      expect(readPosting(file, result).frontMatter?.data, file).toEqual(readPosting(file, canonical.output).frontMatter?.data);
      expect(normalizeBytes(file, result, { schema, style: "canonical" }).status, file).toBe("unchanged");
      expect(normalizeBytes(file, canonical.output, { schema }).status, file).toBe("unchanged");
    }
    expect(both).toBeGreaterThan(20);
  });
});

describe("the minimal style's read-back check", () => {
  const docOf = (yaml: string) => readPosting("x.md", `---\n${yaml}---\n`, { fullParse: true }).frontMatter!.document().doc;
  const source = "role: Dev\nopen: oui\ntechno: Go, Rust\n";
  const edit = minimalEdit(docOf(source), source, 2, [], schema)!;

  it("prints each fix in place and accepts exactly what reads back to the data meant, in the key order", () => {
    expect(edit.yaml).toBe("roles: Dev\nopen: true\ntechno: [Go, Rust]\n");
    expect(readsBackAsMeant(edit, docOf(edit.yaml))).toBe(true);
    expect(readsBackAsMeant(edit, docOf("roles: Dev\nopen: true\ntechno: [Go]\n"))).toBe(false);
    expect(readsBackAsMeant(edit, docOf("roles: Dev\nopen: false\ntechno: [Go, Rust]\n"))).toBe(false);
    expect(readsBackAsMeant(edit, docOf("open: true\nroles: Dev\ntechno: [Go, Rust]\n"))).toBe(false);
    expect(readsBackAsMeant(edit, docOf("role: Dev\nopen: true\ntechno: [Go, Rust]\n"))).toBe(false);
  });
});

describe("normalize --write on a generated collection", () => {
  const dir = mkdtempSync(join(tmpdir(), "posting-minimal-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const COUNT = 2000;

  it(`touches exactly the ${COUNT} postings' files lint finds something fixable in`, async () => {
    generateCollection(dir, COUNT, 1515);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    expect(files.length).toBe(COUNT);
    const before = new Map(files.map((f) => [f, readFileSync(f)]));
    const fixable = new Set(files.filter((f) => lintBytes(f, before.get(f)!, schema).some((x) => x.fixable)));
    const write = await runCli(["normalize", "--write", "--", ...files], dir);
    expect(write.exitCode).not.toBe(2);
    const touched = new Set(files.filter((f) => !readFileSync(f).equals(before.get(f)!)));
    expect([...touched].filter((f) => !fixable.has(f)).map((f) => relative(dir, f)), "changed without a fixable finding").toEqual([]);
    expect([...fixable].filter((f) => !touched.has(f)).map((f) => relative(dir, f)), "fixable yet left as it was").toEqual([]);
    expect(touched.size).toBeGreaterThan(COUNT / 20);
    expect(touched.size).toBeLessThan(COUNT);
    const check = await runCli(["normalize", "--check", "--", ...files], dir);
    expect(check.stdout).toBe("");
  }, 240_000);
});

// The YAML reading bugs of issue 12, through the CLI and the readers: explicit tags read as the
// text written (never a Date, a Set or bytes), nothing from yaml on stderr, anchors on keys,
// flow collections across a blank line, and the one-digit hours Psych accepts.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isJekyllDate } from "../src/core/read/dates.js";
import { splitFrontMatter } from "../src/core/read/frontmatter.js";
import { parseYaml } from "../src/core/read/yaml.js";
import { runCli } from "./helpers/cli.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/yaml/", import.meta.url));

describe("YAML as the site reads it", () => {
  it("lists tagged values as the text (or plain collection) written", async () => {
    const r = await runCli(["list", ".", "--format", "json", "--fields", "date,domaines,equipe,techno"], `${FIXTURES}tags`);
    expect(r.stderr).toBe("");
    const [posting] = JSON.parse(r.stdout).postings ?? JSON.parse(r.stdout);
    expect(r.stdout).not.toContain("T00:00:00.000Z");
    expect(JSON.stringify(posting)).toContain('"2026-01-12"');
    expect(JSON.stringify(posting)).toContain('"UMO0bGUgZG9ubsOpZXM="');
    expect(JSON.stringify(posting)).toMatch(/"Produit":null,"Design":null/);
    expect(JSON.stringify(posting)).toMatch(/\[\{"Git":1\},\{"Linux":2\}\]/);
  });

  it("lists values as Jekyll reads them, in data and in fields (0612345678 stays text)", async () => {
    const r = await runCli(["list", ".", "--format", "json"], `${FIXTURES}jekyll-reading`);
    expect(r.stderr).toBe("");
    const [posting] = JSON.parse(r.stdout) as { data: Record<string, unknown> }[];
    expect(posting!.data).toMatchObject({ contrat: "0612345678", experience: 83, salaire: 45000, domaines: ["Produit", 83] });
    const fields = await runCli(["list", ".", "--format", "json", "--fields", "contrat,experience"], `${FIXTURES}jekyll-reading`);
    expect(JSON.parse(fields.stdout)).toEqual([{ contrat: "0612345678", experience: 83 }]);
  });

  it("reports tags: standard ones as warnings, unknown ones as errors", () => {
    const parsed = parseYaml("a: !!timestamp 2026-01-12\nb: !include x.yml\nc: !!python/object:os.system x\nd: !ruby/object:Foo {a: 1}\ne: !!str 5");
    expect(parsed.problems).toEqual([]);
    expect(parsed.tags.map((t) => [t.path.join("."), t.standard])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
      ["d", false],
    ]);
    expect(parsed.data).toEqual({ a: "2026-01-12", b: "x.yml", c: "x", d: { a: 1 }, e: "5" });
    // Placed on the tag itself, not on the value after it.
    expect(parsed.tags.map((t) => t.offset)).toEqual([3, 29, 47, 78]);
  });

  it("says nothing on stderr about keys that are collections", async () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on("warning", listener);
    try {
      const r = await runCli(["lint", "."], `${FIXTURES}collection-key`);
      expect(r.stderr).toBe("");
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listener);
    }
    expect(warnings).toEqual([]);
  });

  it("reads an anchor on a key, as yaml and Psych do", () => {
    const parsed = parseYaml("&t roles: Dev\ntitle: *t");
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ roles: "Dev", title: "roles" });
    // An alias with no anchor above it is still an error.
    expect(parseYaml("title: *t\n&t roles: Dev").problems.map((p) => p.kind)).toEqual(["syntax"]);
  });

  it("flags a `<<` key, which Psych reads as a merge", () => {
    const parsed = parseYaml("base: &b {x: 1}\nk:\n  <<: *b\n  y: 2");
    expect(parsed.yaml11Readings.map((r) => [r.path, r.kind, r.key])).toEqual([[["k", "<<"], "merge", true]]);
    expect(parsed.data).toEqual({ base: { x: 1 }, k: { "<<": { x: 1 }, y: 2 } });
  });

  it("finds the end of a front matter whose flow collection holds a blank line", () => {
    for (const yaml of ["key: {a: 1,\n\nb}", "roles: [Dev,\n\nOps]", "k: [\"a]\",\n\nb]", "- [a,\n\nb]"]) {
      expect(splitFrontMatter(`---\n${yaml}\n---\nBody.\n`).kind, yaml).toBe("ok");
    }
    // Brackets in plain text open nothing: prose after a blank line still ends an unclosed block.
    expect(splitFrontMatter("---\ntitle: a [b\n\nSome prose here.\n").kind).toBe("unterminated");
    expect(splitFrontMatter("---\nk: [a]\n\nSome prose here.\n").kind).toBe("unterminated");
  });

  it("accepts a date-time with a one-digit hour, as Psych does", () => {
    expect(isJekyllDate("2022-02-21T9:00:00.000Z")).toBe(true);
    expect(isJekyllDate("2022-02-21 9:05")).toBe(true);
    expect(isJekyllDate("2022-02-21T24:00:00Z")).toBe(false);
  });
});

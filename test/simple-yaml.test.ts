// Lint's fast path (src/core/read/simple-yaml.ts) against the `yaml` package: whenever the simple
// reader accepts a front matter, its data and key offsets must be what `yaml` reads; and lint with
// the fast path must report exactly what the full path reports. Checked on every Markdown fixture
// and on thousands of seeded front matters built from scalars YAML reads in surprising ways.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { readPostingText } from "../src/core/read/posting.js";
import { parseSimpleYaml } from "../src/core/read/simple-yaml.js";
import { compileSchema, loadSchema } from "../src/core/schema/schema.js";
import type { PostingSchema } from "../src/core/schema/schema.js";
import { mulberry32 as random } from "../bench/generate.mjs";
import { frontMatter, GOOD, markdownFixtures, pick, TRICKY_SCALARS } from "./helpers/front-matter-gen.js";
import { agrees, readByYaml } from "./helpers/simple-yaml-agree.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const bundled = loadSchema();
// The same schema open to unknown keys: more files get past validation to the value checks.
const open = compileSchema({ ...bundled.json, additionalProperties: true }, "open-schema");
const SCHEMAS: [string, PostingSchema][] = [
  ["bundled", bundled],
  ["open", open],
];
const CASES = Number(process.env.POSTING_SIMPLE_YAML_CASES ?? 6000);

describe("simple-yaml reads what yaml reads", () => {
  it("on every front matter among the fixtures", () => {
    let accepted = 0;
    let total = 0;
    for (const file of markdownFixtures(join(ROOT, "fixtures"))) {
      const { yaml } = readPostingText(file, readFileSync(file));
      if (!yaml) continue;
      total++;
      if (agrees(yaml.source)) accepted++;
    }
    expect(total).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(total / 4);
  });

  it(`on ${CASES} generated front matters from tricky scalars`, () => {
    const rnd = random(20261122);
    let accepted = 0;
    for (let i = 0; i < CASES; i++) if (agrees(frontMatter(rnd))) accepted++;
    // Both verdicts must be common, or the comparison proves little.
    expect(accepted).toBeGreaterThan(CASES / 10);
    expect(accepted).toBeLessThan(CASES * 0.9);
  });

  it("on each tricky scalar as a value, a list item and a flow item", () => {
    for (const scalar of TRICKY_SCALARS) {
      agrees(`k: ${scalar}`);
      agrees(`k:\n- ${scalar}\nj: 1`);
      agrees(`k:\n  - ${scalar}`);
      agrees(`k: [${scalar}]`);
      agrees(`k: [x, ${scalar}]`);
    }
  });

  it("reads Psych's YAML 1.1 readings of values and keys as yaml does", () => {
    const sources = ["k: tRUE", "k: nULL", "k: 45,000", "k: 1_000", "k: 9:00", "k: 1:30:00", "k: [tRUE, 1_000]", "k:\n  - 12,500\n  - NuLl", "on: x", "yes: 1\nNo: 2", "k: y", "k: 1_0.5", "tRUE: x"];
    for (const source of sources) expect(agrees(source), source).toBe(true);
    // Digits after a leading zero: a number for yaml, octal (or text) for Psych.
    for (const source of ["k: 0123", "k: 0612345678", "k: [0755, 089]", "k:\n  - 0123"]) expect(agrees(source), source).toBe(true);
    // Left to yaml, which must then find the same readings.
    for (const source of ["k: 0o17", "k: 1e3", "0123: x", "k: -0123", "k: 0123456789012345", "&t roles: Dev\ntitle: *t", "k: !!timestamp 2026-01-12"]) {
      expect(parseSimpleYaml(source), source).toBeUndefined();
    }
    expect(parseSimpleYaml("on: 45,000\nk: [nULL, x]")!.yaml11Readings.map((r) => [r.path, r.value, r.key ?? false])).toEqual([
      [["on"], true, true],
      [["on"], 45000, false],
      [["k", 0], null, false],
    ]);
    expect(readByYaml("k: 0123\nj: 0612345678").yaml11Readings.map((r) => [r.path, r.kind, r.value])).toEqual([
      [["k"], "integer", 83],
      [["j"], "text", "0612345678"],
    ]);
  });

  it("refuses what it must leave to yaml", () => {
    for (const source of ["k: 1\nk: 2", "k: a#c: d", "k: &a x", "k: *a", "k: !t x", "? k\n: v", "k: |\n  x", "k: \"a\nb\"", " k: v", "k:\tv", "k: a\tb", "k: 0x1F", "k: +1", "__proto__: x", "k:\n# c\n  - x", "k: v\r"]) {
      expect(parseSimpleYaml(source), source).toBeUndefined();
    }
  });

  it("reads YAML 1.1 booleans, blank lines and trailing spaces as yaml does (lint reports them)", () => {
    for (const source of ["k: yes", "k: [on, 'off', No]", "k:\n  - Off\n  - \"yes\"", "k: v ", "k:   \n\nj: 1", "k:\n\n- a  \n\n- b\n", "\n\nk: YES\n\n"]) {
      expect(agrees(source), source).toBe(true);
    }
    expect(parseSimpleYaml("k: [on, 'off', No]")!.yaml11Readings.map((b) => [b.path, b.value])).toEqual([
      [["k", 0], true],
      [["k", 2], false],
    ]);
  });
});

describe("lint with the fast path reports what the full path reports", () => {
  const same = (file: string, bytes: Uint8Array, schema: PostingSchema) => {
    const full = lintBytes(file, bytes, schema, { fullParse: true });
    expect(lintBytes(file, bytes, schema), file).toEqual(full);
    return full.length === 0;
  };

  it.each(SCHEMAS)("on every Markdown fixture (%s schema)", (_, schema) => {
    let clean = 0;
    for (const file of markdownFixtures(join(ROOT, "fixtures"))) if (same(file, readFileSync(file), schema)) clean++;
    expect(clean).toBeGreaterThan(10);
  });

  it.each(SCHEMAS)(`on ${CASES} generated postings (%s schema)`, (_, schema) => {
    const rnd = random(7);
    let clean = 0;
    for (let i = 0; i < CASES; i++) {
      // Most postings have the two required keys; the rest are left to chance.
      const required = rnd() < 0.8 ? `roles: ${pick(GOOD.roles!, rnd)}\nopen: ${pick(GOOD.open!, rnd)}\n` : "";
      // Half of them close to a valid posting, so that many reach the value checks.
      const text = `---\n${required}${frontMatter(rnd, i % 2 === 0 ? 0.6 : 0.95)}\n---\n\nBody ${i}.\n`;
      if (same(`gen-${i}.md`, Buffer.from(text), schema)) clean++;
    }
    expect(clean).toBeGreaterThan(CASES / 50);
  }, 120_000);
});

// `normalize --check` judges simple front matter without a YAML document (checkBytes, quickVerdict
// and canonical-simple.ts). Its verdicts and findings must be exactly normalizeBytes': checked on
// every Markdown fixture, on what normalize makes of each (canonical files), and on thousands of
// generated postings, canonical or a small edit away from it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderFrontMatter } from "../src/core/normalize/canonical.js";
import { checkBytes, normalizeBytes, quickVerdict } from "../src/core/normalize/normalize.js";
import { compileSchema, loadSchema } from "../src/core/schema/schema.js";
import type { PostingSchema } from "../src/core/schema/schema.js";
import { mulberry32 as random } from "../bench/generate.mjs";
import { frontMatter, GOOD, markdownFixtures, pick } from "./helpers/front-matter-gen.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const bundled = loadSchema();
const open = compileSchema({ ...bundled.json, additionalProperties: true }, "open-schema");
const CASES = Number(process.env.POSTING_SIMPLE_YAML_CASES ?? 3000);

/** Asserts checkBytes answers what normalizeBytes does; returns the quick verdict, if there was one. */
function sameVerdict(file: string, bytes: Uint8Array, schema: PostingSchema) {
  const full = normalizeBytes(file, bytes, { schema, verify: false });
  const expected = { file, status: full.status, findings: full.findings };
  const quick = quickVerdict(file, bytes, { schema });
  if (quick) expect(quick, `${file}\n${Buffer.from(bytes).toString()}`).toEqual(expected);
  expect(checkBytes(file, bytes, { schema })).toEqual(expected);
  return { quick: quick?.status, output: full.status === "changed" ? full.output : undefined };
}

function tally(verdicts: (string | undefined)[]) {
  return { unchanged: verdicts.filter((v) => v === "unchanged").length, changed: verdicts.filter((v) => v === "changed").length };
}

describe("normalize --check's quick verdict is normalize's verdict", () => {
  it.each([
    ["bundled", bundled],
    ["open", open],
  ] as const)("on every Markdown fixture and on its normalized form (%s schema)", (_, schema) => {
    const verdicts: (string | undefined)[] = [];
    for (const file of markdownFixtures(join(ROOT, "fixtures"))) {
      const first = sameVerdict(file, readFileSync(file), schema);
      verdicts.push(first.quick);
      if (first.output) verdicts.push(sameVerdict(`${file} (normalized)`, first.output, schema).quick);
    }
    // Both quick answers must be common, or the comparison proves little.
    const { unchanged, changed } = tally(verdicts);
    expect(unchanged).toBeGreaterThan(30);
    expect(changed).toBeGreaterThan(20);
  });

  it("on quoted texts yaml keeps quoted because its own schema would read them as numbers, booleans or null", () => {
    for (const value of ['"09"', '"0o17"', "'01.5'", '"01e3"', '"1e3"', '".inf"', '"~"', '"TRUE"', '"08"']) {
      for (const text of [`---\nroles: Dev\nopen: true\ntitle: ${value}\n---\nBody\n`, `---\nroles: Dev\nopen: true\ntechno:\n  - ${value}\n---\nBody\n`]) {
        sameVerdict("quoted.md", Buffer.from(text), bundled);
      }
    }
    // Not left to chance: the canonical spelling of "09" is "09", so that file is unchanged.
    expect(checkBytes("q.md", Buffer.from('---\ntitle: "09"\nroles: Dev\nopen: true\n---\nBody\n'), { schema: bundled }).status).toBe("unchanged");
  });

  it(`on ${CASES} generated postings, canonical or one edit away`, () => {
    const rnd = random(11);
    const verdicts: (string | undefined)[] = [];
    for (let i = 0; i < CASES; i++) {
      const data: Record<string, unknown> = { roles: pick(["Développeur·se", "Coach agile", "Product owner"], rnd), open: rnd() < 0.5 };
      for (const key of Object.keys(GOOD)) if (rnd() < 0.4) data[key] = pick(GOOD[key]!, rnd).replace(/^['"\[]|['"\]]$/g, "");
      if (rnd() < 0.3) data.domaines = [pick(["Produit", "Design", "Développement"], rnd)];
      const canonical = `---\n${renderFrontMatter(data, bundled)}---\n\nBody ${i}.\n`;
      verdicts.push(sameVerdict(`canonical-${i}.md`, Buffer.from(canonical), bundled).quick);
      // One edit: a random front matter line swapped in, a quote style, a flow list, a blank line.
      const lines = canonical.split("\n");
      const at = 1 + Math.floor(rnd() * (lines.indexOf("---", 1) - 1));
      const edit = pick(["replace", "insert", "blank", "quote"], rnd);
      if (edit === "replace") lines[at] = frontMatter(rnd, 0.9).split("\n")[0]!;
      else if (edit === "insert") lines.splice(at, 0, frontMatter(rnd, 0.9));
      else if (edit === "blank") lines.splice(at, 0, "");
      else lines[at] = lines[at]!.replace(/: (.+)$/, ": '$1'");
      verdicts.push(sameVerdict(`edited-${i}.md`, Buffer.from(lines.join("\n")), bundled).quick);
    }
    const { unchanged, changed } = tally(verdicts);
    expect(unchanged).toBeGreaterThan(CASES / 2);
    expect(changed).toBeGreaterThan(CASES / 4);
    // 6,000 documents read twice each: well under 20 s alone, 25 s on a loaded 2-core runner.
  }, 120_000);
});

// "Fixable" is a promise: every finding lint marks fixable is gone after `normalize --write`, a
// second normalize changes nothing, and `--check` then passes. Held on every Markdown fixture
// (copied to a temp folder and normalized through the CLI, as a user would) and on seeded
// generated front matters (through the library).
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { checkBytes, normalizeBytes } from "../src/core/normalize/normalize.js";
import type { NormalizeStyle } from "../src/core/normalize/normalize.js";
import { loadSchema } from "../src/core/schema/schema.js";
import type { Finding } from "../src/core/findings.js";
import { mulberry32 as random } from "../bench/generate.mjs";
import { runCli } from "./helpers/cli.js";
import { frontMatter, pick } from "./helpers/front-matter-gen.js";
import { wordFindings } from "../src/core/messages/word.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const schema = loadSchema();
const FUZZ_CASES = Number(process.env.POSTING_FIXABLE_CASES ?? 600);

const fixable = (findings: readonly Finding[]) => wordFindings(findings.filter((f) => f.fixable)).map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`);

/** Lines lint reports as fixable layout, or values normalize rewrites, mixed into generated front matter. */
const NOISE = [
  "",
  "",
  "#",
  "#   ",
  "# note",
  "techno: Stack X (A, B) + Y (C), Z",
  "techno: Vue (Nuxt, Pinia",
  "techno: Cafe\u0301, The\u0301",
  "domaines: Design, De\u0301ploiement",
  "domaine: Design",
  "domaines: [Design]",
  "roles:\n  - \n  - Dev",
  "techno:\n  -\n  - React",
  "contrat:",
  "equipe: |\n  a\n\n  b",
  "equipe: |+\n  a\n\n",
  "equipe: >-\n  a  \n  b",
  "title: Titre ",
];

function withLayoutNoise(yaml: string, rnd: () => number): string {
  const lines = yaml.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (rnd() < 0.15) out.push(pick(NOISE, rnd));
    out.push(rnd() < 0.05 ? `${line}  ` : line);
  }
  if (rnd() < 0.2) out.push(pick(["", "#", "# end", "\n# end"], rnd));
  return out.join("\n");
}

/** Regular Markdown files under `dir`, as the CLI would find them (no symlinks, no hidden folders). */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (entry.name.endsWith(".md") && lstatSync(path).isFile()) out.push(path);
  }
  return out.sort();
}

/** The promise for one input: what lint calls fixable, normalize fixes, once and for all. */
function holdsFixablePromise(label: string, input: Uint8Array, style: NormalizeStyle = "minimal"): "changed" | "unchanged" | "refused" {
  const result = normalizeBytes("x.md", input, { schema, style });
  if (result.status === "refused") {
    // normalize will not touch it, so lint must not promise that it would.
    expect(fixable(lintBytes("x.md", input, schema)), `${label}: refused by normalize (${result.findings.map((f) => f.code).join(", ")}) yet lint says fixable`).toEqual([]);
    return "refused";
  }
  const output = result.status === "changed" ? result.output : input;
  expect(fixable(lintBytes("x.md", output, schema)), `${label}: still fixable after normalize\n${Buffer.from(output).toString()}`).toEqual([]);
  expect(normalizeBytes("x.md", output, { schema, style }).status, `${label}: normalize is idempotent`).toBe("unchanged");
  expect(checkBytes("x.md", output, { schema, style }).status, `${label}: --check passes after --write`).toBe("unchanged");
  return result.status;
}

describe("after normalize --write, lint reports nothing fixable", () => {
  const temp = mkdtempSync(join(tmpdir(), "posting-fixable-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("on every Markdown fixture, through the CLI", async () => {
    const copy = join(temp, "fixtures");
    cpSync(join(ROOT, "fixtures"), copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !lstatSync(src).isFIFO() && !lstatSync(src).isSocket() });
    const files = markdownFiles(copy).filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false; // the unreadable fixture
      }
    });
    expect(files.length).toBeGreaterThan(100);
    const inputs = new Map(files.map((f) => [f, readFileSync(f)]));

    const write = await runCli(["normalize", "--write", "--", ...files], temp);
    expect(write.exitCode, write.stderr).not.toBe(2);

    let changed = 0;
    for (const file of files) {
      const label = relative(copy, file);
      const after = readFileSync(file);
      if (!after.equals(inputs.get(file)!)) changed++;
      holdsFixablePromise(label, after);
    }
    expect(changed).toBeGreaterThan(30);

    // --check exits 1 on a refusal or on what normalize leaves to a person (ALIAS_CONFLICT...).
    const settled = files.filter((f) => {
      const result = normalizeBytes(f, readFileSync(f), { schema });
      return result.status !== "refused" && result.findings.length === 0;
    });
    expect(settled.length).toBeGreaterThan(80);
    const check = await runCli(["normalize", "--check", "--", ...settled], temp);
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it.each([
    ["minimal", 5],
    ["canonical", 3],
  ] as const)(`on ${FUZZ_CASES} seeded generated front matters, %s style`, (style, share) => {
    const rnd = random(1212);
    const statuses = { changed: 0, unchanged: 0, refused: 0 };
    for (let i = 0; i < FUZZ_CASES; i++) {
      const yaml = withLayoutNoise(frontMatter(rnd), rnd);
      const text = `---\n${yaml}\n---\nBody ${i}.\n`;
      statuses[holdsFixablePromise(`case ${i}:\n${text}`, Buffer.from(text, "utf8"), style)]++;
    }
    // The generator must exercise rewrites, or the property proves little.
    expect(statuses.changed).toBeGreaterThan(FUZZ_CASES / share);
  }, 120_000);
});

// Seeded fuzzing of the core (issue 8): valid postings mutated at the byte level and at the YAML
// level must always end in findings or success, never an exception; normalize never writes U+FFFD
// it did not read, and what it writes is already canonical. Then near-miss strings for every
// `pattern` and `format` of the schema: each gets a verdict naming that key only (bench/redos.mjs
// times them).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explainBadDate, isJekyllDate, rewriteDayFirstDate } from "../src/core/read/dates.js";
import { lintBytes, summarize } from "../src/core/lint/lint.js";
import { REPORTERS } from "../src/reporters/index.js";
import { NEVER_RAW, NEVER_RAW_PATTERN } from "./helpers/unsafe.js";
import { postingFrom } from "../src/core/list/list.js";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { parsePosting } from "../src/core/read/posting.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { mulberry32 as random } from "../bench/generate.mjs";
import { wordFindings } from "../src/core/messages/word.js";
import { nearMisses } from "../bench/near-misses.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const schema = loadSchema();
const SEEDS = ["fixtures/postings", "fixtures/lint/valid-full", "fixtures/lint/valid-friend", "fixtures/lint/valid-datetime-and-dots"].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(join(ROOT, dir, f))),
);
// POSTING_FUZZ_ITERATIONS=20000 npx vitest run test/fuzz.test.ts searches further than CI does.
const ITERATIONS = Number(process.env.POSTING_FUZZ_ITERATIONS ?? 600);
const REPLACEMENT = Buffer.from("\uFFFD");


type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;
const at = (length: number, rnd: () => number) => Math.floor(rnd() * (length + 1));
const INTERESTING_BYTES = [0x00, 0x0a, 0x0d, 0x1b, 0x9b, 0xe2, 0x82, 0xc2, 0x80, 0xae, 0x22, 0x27, 0x2d, 0x3a, 0x23, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x5b, 0x7b, 0x80, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xfe, 0xff];
const YAML_SNIPPETS = ["---", "...", "---js", "- ", ": ", "&a ", "*a", "<<: *a", "!!js/function ", "!tag ", "? ", "|", ">-", '"', "'", "\t", "  ", "[", "]", "{", "}", "#", "%YAML 1.1", "__proto__: ", "\u202e", "\u001b[2J", "Ã©", "\r\n", "\uFEFF"];

const byteMutations: Record<string, Mutation> = {
  flipByte: (b, rnd) => {
    const out = Buffer.from(b);
    if (out.length > 0) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  },
  insertBytes: (b, rnd) => {
    const i = at(b.length, rnd);
    const extra = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(INTERESTING_BYTES, rnd)));
    return Buffer.concat([b.subarray(0, i), extra, b.subarray(i)]);
  },
  deleteBytes: (b, rnd) => {
    const i = at(b.length, rnd);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + Math.floor(rnd() * 8))]);
  },
  truncate: (b, rnd) => b.subarray(0, at(b.length, rnd)),
  randomBytes: (b, rnd) => {
    const i = at(b.length, rnd);
    return Buffer.concat([b.subarray(0, i), Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 16) }, () => Math.floor(rnd() * 256))), b.subarray(i)]);
  },
};

const lineMutations: Record<string, (lines: string[], rnd: () => number) => string[]> = {
  insertLine: (lines, rnd) => {
    const i = at(lines.length, rnd);
    return [...lines.slice(0, i), pick(YAML_SNIPPETS, rnd) + (rnd() < 0.5 ? "x" : ""), ...lines.slice(i)];
  },
  deleteLine: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    return [...lines.slice(0, i), ...lines.slice(i + 1)];
  },
  duplicateLine: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    return [...lines.slice(0, i + 1), lines[i] ?? "", ...lines.slice(i + 1)];
  },
  swapQuotes: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const copy = [...lines];
    copy[i] = (copy[i] ?? "").replace(/["']/g, (q) => (q === '"' ? "'" : '"')).replace(/: /, rnd() < 0.5 ? ': "' : ": '");
    return copy;
  },
  deepIndent: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const copy = [...lines];
    copy[i] = " ".repeat(1 + Math.floor(rnd() * 40)) + (copy[i] ?? "");
    return copy;
  },
  snippetInLine: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const copy = [...lines];
    const line = copy[i] ?? "";
    const j = at(line.length, rnd);
    copy[i] = line.slice(0, j) + pick(YAML_SNIPPETS, rnd) + line.slice(j);
    return copy;
  },
  nestDeep: (lines, rnd) => {
    const i = 1 + Math.floor(rnd() * Math.max(1, lines.length - 1));
    const depth = 1 + Math.floor(rnd() * 3000);
    return [...lines.slice(0, i), `statut: ${"[".repeat(depth)}${"]".repeat(rnd() < 0.9 ? depth : 0)}`, ...lines.slice(i)];
  },
};

function mutate(seed: number): { input: Buffer; steps: string[] } {
  const rnd = random(seed);
  let input: Buffer = Buffer.from(pick(SEEDS, rnd));
  const steps: string[] = [];
  const count = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < count; k++) {
    if (rnd() < 0.5) {
      const name = pick(Object.keys(byteMutations), rnd);
      steps.push(name);
      input = byteMutations[name]!(input, rnd);
    } else {
      const name = pick(Object.keys(lineMutations), rnd);
      steps.push(name);
      input = Buffer.from(lineMutations[name]!(input.toString("utf8").split("\n"), rnd).join("\n"), "utf8");
    }
  }
  return { input, steps };
}

describe("fuzz: mutated postings end in findings or success, never an exception", () => {
  it(`${ITERATIONS} seeded mutations through lint, normalize and the list reader`, () => {
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const { input, steps } = mutate(seed);
      const label = `seed ${seed} (${steps.join(", ")})`;
      let findings;
      try {
        findings = lintBytes("fuzz.md", input, schema);
        const parsed = parsePosting("fuzz.md", input, {});
        postingFrom(parsed, schema);
        const result = normalizeBytes("fuzz.md", input, { schema });
        if (result.status === "changed") {
          // Control, bidi and invisible characters in the output were raw in the input (a body
          // is kept byte for byte); an escape in the front matter stays an escape.
          const written = Buffer.from(result.output).toString("utf8");
          for (const ch of NEVER_RAW) if (ch !== "\r" && written.includes(ch)) expect(input.includes(Buffer.from(ch)), `${label}: normalize wrote a raw U+${ch.charCodeAt(0).toString(16)}`).toBe(true);
          if (Buffer.from(result.output).includes(REPLACEMENT)) expect(input.includes(REPLACEMENT), `${label}: normalize wrote U+FFFD`).toBe(true);
          const again = normalizeBytes("fuzz.md", result.output, { schema });
          expect(again.status, `${label}: normalize is idempotent`).toBe("unchanged");
        }
        if (result.status === "refused") expect(result.findings.length, `${label}: a refusal says why`).toBeGreaterThan(0);
      } catch (error) {
        throw new Error(`${label}: ${(error as Error).stack ?? String(error)}`);
      }
      // Whatever the bytes, every reporter prints nothing raw and no huge line.
      const report = summarize([{ file: "fuzz.md", findings }]);
      for (const [name, reporter] of Object.entries(REPORTERS)) {
        const printed = reporter(report, { color: false }).replace(/\r\n/g, "\n");
        expect(NEVER_RAW_PATTERN.test(printed), `${label}: ${name} printed a raw control`).toBe(false);
      }
      for (const f of wordFindings(findings)) {
        expect(f.message.length, `${label}: message length`).toBeLessThan(1500);
        expect(f.line, label).toBeGreaterThanOrEqual(1);
        expect(f.column, label).toBeGreaterThanOrEqual(1);
        expect(f.message, label).not.toBe("");
      }
    }
  }, Math.max(20_000, ITERATIONS * 20));
});

/** Every `pattern` and `format` in the schema, with the key path that holds it. */
function patternsAndFormats(): { key: string; list: boolean; what: string }[] {
  const out: { key: string; list: boolean; what: string }[] = [];
  const properties = schema.json.properties as Record<string, Record<string, unknown>>;
  for (const [key, spec] of Object.entries(properties)) {
    for (const [node, list] of [[spec, false], [spec.items as Record<string, unknown> | undefined, true]] as const) {
      if (!node) continue;
      if (typeof node.pattern === "string") out.push({ key, list, what: `pattern ${node.pattern}` });
      if (typeof node.format === "string") out.push({ key, list, what: `format ${node.format}` });
    }
  }
  return out;
}

describe("no ReDoS: near-miss strings for every pattern and format of the schema", () => {
  // Work is bounded by counts here (errors, findings, verdicts); a backtracking blow-up on 100,000
  // characters would not end within the test timeout. How the time grows with the length is
  // measured by bench/redos.mjs (a ratio, not a bound).
  const targets = patternsAndFormats();
  const onKey = (target: { key: string }) => (path: string | undefined) => path !== undefined && (path === target.key || path.startsWith(`${target.key}[`) || path.startsWith(`${target.key}.`));

  it("finds the schema's patterns and formats", () => {
    expect(targets.map((t) => t.what)).toEqual(expect.arrayContaining(["pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$", "format jekyll-date", "format email", "format uri"]));
  });

  it.each(targets.map((t) => [`${t.key}${t.list ? "[]" : ""} ${t.what}`, t] as const))("%s: each validation of a 100,000-character near miss gives a verdict on that key only", (_, target) => {
    for (const text of nearMisses(100_000)) {
      const value = target.list ? [text] : text;
      const valid = schema.validate({ roles: "Dev", open: true, [target.key]: value });
      const errors = schema.validate.errors ?? [];
      const label = `${target.what} on ${JSON.stringify(text.slice(0, 24))}…`;
      expect(valid, label).toBe(errors.length === 0);
      expect(errors.length, label).toBeLessThanOrEqual(2);
      for (const e of errors) expect(e.instancePath, label).toMatch(new RegExp(`^/${target.key}(?:/|$)`));
    }
  });

  it.each(targets.map((t) => [`${t.key}${t.list ? "[]" : ""} ${t.what}`, t] as const))("%s: lint and normalize of a posting holding a near miss report on that key only", (_, target) => {
    // Front matter is capped at 16 KB, so the strings that reach the whole pipeline are shorter.
    for (const text of nearMisses(8_000)) {
      const yamlValue = JSON.stringify(text);
      const posting = Buffer.from(`---\nroles: Dev\nopen: true\n${target.key}: ${target.list ? `[${yamlValue}]` : yamlValue}\n---\n\nTexte.\n`);
      const label = `${target.what} on ${JSON.stringify(text.slice(0, 24))}…`;
      const findings = lintBytes("near-miss.md", posting, schema);
      expect(findings.length, label).toBeLessThanOrEqual(2);
      for (const f of findings) {
        expect(f.code, label).toMatch(/^(?:SCHEMA_PATTERN|SCHEMA_FORMAT|NORMALIZE_VALUE)$/);
        expect(f.path, label).toSatisfy(onKey(target));
      }
      expect(["changed", "unchanged"], label).toContain(normalizeBytes("near-miss.md", posting, { schema }).status);
    }
  });

  it("the date helpers normalize and lint use refuse every near miss", () => {
    for (const text of nearMisses(100_000)) {
      expect(isJekyllDate(text), JSON.stringify(text.slice(0, 24))).toBe(false);
      expect(rewriteDayFirstDate(text), JSON.stringify(text.slice(0, 24))).toBeUndefined();
      expect(explainBadDate(text)?.length ?? 0, JSON.stringify(text.slice(0, 24))).toBeLessThan(200);
    }
  });
});

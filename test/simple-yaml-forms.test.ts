// The forms the fast reader (src/core/read/simple-yaml.ts) reads beyond `key: value` on one line:
// a space before the colon, a comment after a value, plain and quoted scalars over several lines
// (folded), a no-break space in a value, trailing tabs, digits after a leading zero. Generated
// front matters mix each form with its near misses (`#` with no space before it, `: ` inside
// quotes, a URL's colon, tabs, CRLF, blank continuation lines, lines indented less than they
// must be, comments between lines), and every answer the fast path gives must be the full path's:
// the data, every offset and position, the YAML 1.1 readings (agrees), lint's findings and
// normalize --check's verdicts.
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { checkBytes, normalizeBytes, quickVerdict } from "../src/core/normalize/normalize.js";
import { parseSimpleYaml } from "../src/core/read/simple-yaml.js";
import { compileSchema, loadSchema } from "../src/core/schema/schema.js";
import type { PostingSchema } from "../src/core/schema/schema.js";
import { mulberry32 as random } from "../bench/generate.mjs";
import { GOOD, pick } from "./helpers/front-matter-gen.js";
import { agrees } from "./helpers/simple-yaml-agree.js";

const bundled = loadSchema();
const open = compileSchema({ ...bundled.json, additionalProperties: true }, "open-schema");
const CASES = Number(process.env.POSTING_SIMPLE_YAML_CASES ?? 3000);

const KEYS = ["title", "roles", "startup", "open", "contrat", "junior", "domaines", "techno", "equipe", "contact", "externalURL", "date", "other", "on", "yes"];
const WORDS = ["Un titre", "Développeur·se", "recrute", "yes", "No", "true", "12", "0123", "0612345678", "089", "3.14", "2021-06-24", "12:30", "a, b", "Produit, Design", "~", "null", "C#", "a#b", "x-y", "-x", "https://example.org/a?b=c#d", "mailto:x@y.fr", "a:b", "(x)", "$5", "+1", ".5", "Café", "日本語"];
const NBSP = "\u00a0";
const pickWord = (rnd: () => number) => pick(WORDS, rnd);
const words = (rnd: () => number, most = 3) => Array.from({ length: 1 + Math.floor(rnd() * most) }, () => pickWord(rnd)).join(" ");
const spaces = (rnd: () => number, most = 3) => " ".repeat(Math.floor(rnd() * (most + 1)));
const comment = (rnd: () => number) => pick([" # c", "   # une note: x", " #", " # - a", "# no space before", "\t# tab before", " #x #y"], rnd);

/** The continuation lines of a value whose parent (key or dash) stands at `indent`: mostly deeper, sometimes not. */
function continuation(rnd: () => number, indent: number, text: () => string): string[] {
  const lines: string[] = [];
  const count = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    if (roll < 0.12) lines.push(pick(["", " ", "  ", "\t"], rnd)); // a blank line inside
    else if (roll < 0.17) lines.push(`${" ".repeat(indent)}# between`);
    const depth = rnd() < 0.85 ? indent + 1 + Math.floor(rnd() * 3) : Math.max(0, indent - Math.floor(rnd() * 2));
    lines.push(`${" ".repeat(depth)}${text()}`);
  }
  return lines;
}

/** A value (first line after `key: ` or `- `, then the lines that continue it) in one of the forms, or a near miss. */
function value(rnd: () => number, indent: number): string[] {
  const roll = rnd();
  if (roll < 0.2) return [`${words(rnd)}${rnd() < 0.5 ? comment(rnd) : ""}`];
  if (roll < 0.4) {
    // A plain scalar over several lines.
    const lines = [words(rnd), ...continuation(rnd, indent, () => `${words(rnd)}${rnd() < 0.1 ? comment(rnd) : rnd() < 0.05 ? pick([": x", ":", " - y"], rnd) : ""}`)];
    return rnd() < 0.1 ? [`${lines[0]}${comment(rnd)}`, ...lines.slice(1)] : lines;
  }
  if (roll < 0.6) {
    // A quoted scalar over several lines; `: `, `#` and `- ` inside are text.
    const quote = rnd() < 0.5 ? '"' : "'";
    const inner = () => pick([words(rnd), "a: b", "# pas un commentaire", "- pas un item", quote === "'" ? "it''s" : 'dit \\"oui\\"', "fin\\", "x\\ty", "https://x.fr/#a"], rnd);
    const middle = continuation(rnd, indent, inner);
    const last = `${middle.pop() ?? ""}${quote}${rnd() < 0.2 ? comment(rnd) : rnd() < 0.05 ? "x" : ""}`;
    return [`${quote}${inner()}${spaces(rnd, 2)}`, ...middle, last];
  }
  if (roll < 0.7) {
    // A no-break space: inside, at the end, at the start, before `#`.
    return [pick([`a${NBSP}b`, `Offre${NBSP}`, `${NBSP}Offre`, `a${NBSP}# c`, `"a${NBSP}b"`, `${words(rnd)}${NBSP}:${NBSP}x`], rnd)];
  }
  if (roll < 0.8) return [`${pick(["[a, b]", "[a, 'b c']", `[a${NBSP}, b]`, "[0123, x]", "[a, b"], rnd)}${rnd() < 0.5 ? comment(rnd) : ""}`];
  if (roll < 0.9) return [`${pickWord(rnd)}${pick(["\t", " \t", "\t ", "  "], rnd)}`];
  return [pick(["'a'# c", '"a: b"', "'#x'", "\"a\" x", "a\tb", "a #b: c", `${pickWord(rnd)} #`], rnd)];
}

/** One front matter of a few entries in the forms above, with LF or (rarely) CRLF line ends. */
function formsFrontMatter(rnd: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(rnd() * 6);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let key = pick(KEYS, rnd);
    if (used.has(key) && rnd() < 0.95) continue;
    used.add(key);
    if (rnd() < 0.05) lines.push(pick(["# note", "  # note indentée", "#"], rnd));
    const colon = rnd() < 0.25 ? `${spaces(rnd)} :` : ":";
    if (rnd() < 0.03) key = ` ${key}`;
    const roll = rnd();
    if (roll < 0.65) {
      const [first, ...rest] = value(rnd, 0);
      lines.push(`${key}${colon} ${first}`, ...rest);
    } else if (roll < 0.75) {
      // The value on the next line, or nothing.
      lines.push(`${key}${colon}${rnd() < 0.3 ? comment(rnd) : ""}`);
      if (rnd() < 0.7) {
        const [first, ...rest] = value(rnd, 0);
        lines.push(`  ${first}`, ...rest);
      }
    } else {
      // A block list, each item perhaps over several lines or with a comment.
      lines.push(`${key}${colon}${rnd() < 0.2 ? comment(rnd) : ""}`);
      const dash = pick([0, 2, 2, 4], rnd);
      const items = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < items; j++) {
        const [first, ...rest] = value(rnd, dash);
        lines.push(`${" ".repeat(rnd() < 0.05 ? dash + 1 : dash)}- ${first}`, ...rest);
      }
    }
  }
  return lines.join(rnd() < 0.05 ? "\r\n" : "\n");
}

/** Every case, as the front matter source and as a posting around it. */
function cases(seed: number): { source: string; posting: Buffer }[] {
  const rnd = random(seed);
  return Array.from({ length: CASES }, (_, i) => {
    const source = formsFrontMatter(rnd);
    const required = rnd() < 0.7 ? `roles: ${pick(GOOD.roles!, rnd)}\nopen: ${pick(GOOD.open!, rnd)}\n` : "";
    return { source, posting: Buffer.from(`---\n${required}${source}\n---\n\nBody ${i}.\n`) };
  });
}

describe("simple-yaml reads the forms beyond one-line `key: value` as yaml does", () => {
  it("on each form alone, and refuses its near misses", () => {
    const read = [
      "title : Un titre",
      "title   :   x  \nroles : Dev",
      "title :\nroles: x",
      "open: true # à fermer fin février",
      "startup: ma-cantine   # l'identifiant",
      "k: # rien\nj: 1",
      "k: # une liste\n- a\n- b",
      "k: [a, b] # c",
      "k:\n  - a # c\n  - b",
      "k: a#b",
      "url: https://example.org/a#b",
      "title: Un titre\n  qui continue\n  encore\nroles: x",
      "title: a\n\n  b",
      "title: a\n\n\n  b\n",
      "title: a\n  # fin\nroles: x",
      "k:\n- a\n  b\n- c",
      "k:\n  - a\n   b",
      'title: "Un titre\n  qui continue"',
      "title: 'It''s\n  ok' # c",
      'title: "a\n\n  b"',
      'title: "a: b\n  # pas un commentaire"',
      'k:\n- "a\n  b"\n- c',
      `title: a${NBSP}b`,
      `title: Offre${NBSP}`,
      `title: a${NBSP}# pas un commentaire`,
      `k: [a${NBSP}, b]`,
      "title: Offre\t",
      "k:\t\n- a",
      "contrat: 0493827156",
      "equipe: 0755 # octal pour Jekyll",
      "status: =",
      "k: [=, =x]",
    ];
    for (const source of read) expect(agrees(source), JSON.stringify(source)).toBe(true);
    const refused = [
      "k: 'v'# c",
      "title :x",
      "k: a # c\n  b",
      "k: a\n# c\n  b",
      "k: a\nb",
      "k: a\n  b: c",
      "k: a\n  b:",
      "k: a\n  - b",
      'k: "a\nb"',
      'k:\n  - "a\n  b"',
      "k:\n  - a\n  b",
      'k: "a\n  b"x',
      'k: "a\\\n  b"',
      "k: a\n \t b",
      "k: a\n\t\nj: 1",
      "k: a\t# c",
      `k: ${NBSP}a`,
      `k${NBSP}: a`,
      "k: a\r\nj: b",
      "k: 'a",
      "k: # c\n  a",
      "title:\n  Un titre\n  sur deux lignes",
    ];
    for (const source of refused) expect(parseSimpleYaml(source), JSON.stringify(source)).toBeUndefined();
  });

  it(`on ${CASES} generated front matters`, () => {
    let accepted = 0;
    let multiLine = 0;
    let commented = 0;
    for (const { source } of cases(20261202)) {
      if (!agrees(source)) continue;
      accepted++;
      const simple = parseSimpleYaml(source)!;
      if (simple.comments) commented++;
      if (simple.entries.some((e) => ("items" in e.value ? e.value.items : [e.value]).some((s) => typeof s.value === "string" && /[ \n]/.test(s.value) && !source.includes(`${s.value}`)))) multiLine++;
    }
    // Both verdicts common, and the new forms among those read, or the comparison proves little.
    expect(accepted).toBeGreaterThan(CASES / 10);
    expect(accepted).toBeLessThan(CASES * 0.9);
    expect(multiLine).toBeGreaterThan(CASES / 50);
    expect(commented).toBeGreaterThan(CASES / 50);
  });
});

describe("lint and normalize --check give the full path's answers on these forms", () => {
  it.each([
    ["bundled", bundled],
    ["open", open],
  ] as [string, PostingSchema][])("lint's findings (%s schema)", (_, schema) => {
    cases(7).forEach(({ posting }, i) => {
      expect(lintBytes(`forms-${i}.md`, posting, schema), posting.toString()).toEqual(lintBytes(`forms-${i}.md`, posting, schema, { fullParse: true }));
    });
  }, 120_000);

  it.each(["minimal", "canonical"] as const)("normalize --check's verdicts (%s style)", (style) => {
    let quick = 0;
    cases(11).forEach(({ posting }, i) => {
      const file = `forms-${i}.md`;
      const full = normalizeBytes(file, posting, { schema: bundled, style, verify: false });
      const expected = { file, status: full.status, findings: full.findings };
      const verdict = quickVerdict(file, posting, { schema: bundled, style });
      if (verdict) {
        quick++;
        expect(verdict, posting.toString()).toEqual(expected);
      }
      expect(checkBytes(file, posting, { schema: bundled, style })).toEqual(expected);
    });
    expect(quick).toBeGreaterThan(CASES / 20);
  }, 120_000);
});

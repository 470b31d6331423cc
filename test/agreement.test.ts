// Each small idea lives once, so commands that read the same input give the same answer. These
// case tables put one input through every command that reads it.
import { Buffer } from "node:buffer";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readPostings } from "../src/core/list/list.js";
import { buildQuery, matchesQuery } from "../src/core/list/list-query.js";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { parseText, resolveKey } from "../src/core/scaffold/answers.js";
import { postingFileName } from "../src/core/scaffold/scaffold.js";
import { dateInFileName, suggestFileName } from "../src/core/files/file-name.js";
import { dateFromFileName } from "../src/core/read/dates.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { confirmAnswer, yesNo } from "../src/core/words/yes-no.js";
import { EXIT } from "../src/core/exit-codes.js";

const schema = loadSchema();
const junior = resolveKey("junior", schema)!;
const temp = mkdtempSync(join(tmpdir(), "posting-agreement-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const posting = (juniorLine: string) => `---\ntitle: Dev\nroles: Dev\nopen: true\n${juniorLine}\n---\nBody\n`;

/** What normalize leaves in `junior` for this front matter line. */
function normalizedJunior(juniorLine: string): unknown {
  const bytes = Buffer.from(posting(juniorLine), "utf8");
  const result = normalizeBytes("p.md", bytes, { schema });
  return readPosting("p.md", result.status === "changed" ? result.output : bytes).frontMatter?.data?.junior;
}

// Two postings to filter: one junior, one not.
writeFileSync(join(temp, "2026-01-01-yes.md"), posting("junior: true"));
writeFileSync(join(temp, "2026-01-02-no.md"), posting("junior: false"));

/** The postings `posting list --where junior=<word>` keeps, by file name. */
async function listWhere(word: string): Promise<string[]> {
  const { postings } = await readPostings([temp], { cwd: temp, schema });
  const query = buildQuery({ where: [`junior=${word}`] }, schema);
  return postings.filter((p) => matchesQuery(p, query)).map((p) => p.file.replace(/^.*[\\/]/, ""));
}

const YES = ["true", "yes", "y", "on", "oui", "o", "vrai", "1", "OUI", "Vrai", " oui ", "Yes"];
const NO = ["false", "no", "n", "off", "non", "faux", "0", "NON", "Faux", " non "];
// None of the words has an accent: an accented letter is a typo or another word, never a yes or a no.
const NEITHER = ["peut-être", "yess", "nope", "2", "ouii", "oui non", "ô", "ö", "nö", "ñ", "ÓN", "nón"];

describe("yes/no words: new --set, the prompt, normalize and list --where give one answer", () => {
  const cases = [...YES.map((w) => [w, true] as const), ...NO.map((w) => [w, false] as const), ...NEITHER.map((w) => [w, undefined] as const)];
  it.each(cases)("%j is %s", async (word, meant) => {
    expect(yesNo(word)).toBe(meant);
    // posting new --set junior=<word> (and --from-json, which parses text the same way)
    const typed = parseText(junior, word, schema, "en");
    expect(typed.ok ? typed.value : undefined).toBe(meant);
    // the prompt for a boolean field
    expect(confirmAnswer(word, false)).toBe(meant);
    // normalize on the word quoted, and unquoted where YAML reads it as text
    expect(normalizedJunior(`junior: ${JSON.stringify(word)}`)).toBe(meant ?? word);
    if (typeof readPosting("p.md", posting(`junior: ${word.trim()}`)).frontMatter?.data?.junior === "string") {
      expect(normalizedJunior(`junior: ${word.trim()}`)).toBe(meant ?? word.trim());
    }
    // posting list --where junior=<word>
    const kept = await listWhere(word.trim());
    expect(kept).toEqual(meant === undefined ? [] : [meant ? "2026-01-01-yes.md" : "2026-01-02-no.md"]);
  });
});

it("an invisible character around a word leaves it text (only spaces and tabs are trimmed)", () => {
  expect(["\u2028oui", "oui\u2029", "\ufeffnon", "oui\u00a0", "\u200bvrai"].map((w) => yesNo(w))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  expect(["\toui", "non  ", " \tVRAI\t"].map((w) => yesNo(w))).toEqual([true, false, true]);
});

describe("comma lists: new --set, normalize and list --where split one way", () => {
  const techno = resolveKey("techno", schema)!;
  it.each([
    ["React, Vue.js", ["React", "Vue.js"]],
    ["Stack X (A, B), Y", ["Stack X (A, B)", "Y"]],
    ["Go , , Rust,", ["Go", "Rust"]],
    ["Python", ["Python"]],
    // Brackets that do not pair up: one text for everyone (normalize reports COMMA_LIST_UNBALANCED).
    ["Java (8, 11", undefined],
  ] as const)("%j", async (text, items) => {
    const typed = parseText(techno, text, schema, "en");
    expect(typed.ok ? typed.value : undefined).toEqual(items ?? [text]);
    const bytes = Buffer.from(`---\ntitle: Dev\nroles: Dev\nopen: true\ntechno: ${JSON.stringify(text)}\n---\nBody\n`, "utf8");
    const result = normalizeBytes("t.md", bytes, { schema });
    expect(readPosting("t.md", result.status === "changed" ? result.output : bytes).frontMatter?.data?.techno).toEqual(items ?? text);
    // list --where on the text as written: each item matches, and text that is split no longer does.
    const dir = mkdtempSync(join(temp, "list-"));
    writeFileSync(join(dir, "2026-01-01-t.md"), bytes);
    const { postings } = await readPostings([dir], { cwd: dir, schema });
    const matches = (value: string) => matchesQuery(postings[0]!, buildQuery({ where: [`techno=${value}`] }, schema));
    for (const item of items ?? [text]) expect(matches(item), item).toBe(true);
    if (items && items.length > 1) expect(matches(text)).toBe(false);
  });
});

describe("slugs: the name new writes is the name lint suggests", () => {
  it.each(["Cœur de métier", "Œuvre & Æther", "Straße du Søren", "Łódź, Þór et Ðenis", "Chargé·e de projet", "Développeur·se back-end", "Un·e développeur·se front-end", "chargé.e de projet", "Directeur(rice) technique"])("%j", (title) => {
    const written = postingFileName({ date: "2026-05-11", title });
    expect(written).toMatch(/^2026-05-11-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    expect(suggestFileName(`2026-05-11 ${title}.md`, "YYYY-MM-DD-slug.md")).toBe(written);
  });
});

describe("dates from file names: list and lint read one date", () => {
  it.each([
    ["2026-05-11-dev.md", "2026-05-11"],
    ["content/_jobs/2024-02-29-dev.md", "2024-02-29"],
    ["2026-02-29-dev.md", undefined],
    ["2026-13-01-dev.md", undefined],
    ["2026-05-11.md", undefined],
    ["dev-2026-05-11.md", undefined],
  ] as const)("%s", async (file, date) => {
    expect(dateFromFileName(file)).toBe(date);
    expect(dateInFileName(file.replace(/^.*\//, ""), "YYYY-MM-DD-slug.md")).toBe(date);
    const dir = mkdtempSync(join(temp, "dates-"));
    const name = file.replace(/^.*\//, "");
    writeFileSync(join(dir, name), posting("junior: true"));
    const { postings } = await readPostings([dir], { cwd: dir, schema });
    expect(postings[0]!.date).toBe(date);
  });
});

describe("exit codes: one table (core/exit-codes.ts) for the CLI and every command", () => {
  const ROOT = join(fileURLToPath(new URL("..", import.meta.url)));
  it("no command returns a bare number or keeps its own exit code constant", () => {
    const files = ["src/cli.ts", ...readdirSync(join(ROOT, "src/commands")).filter((f) => f.endsWith(".ts")).map((f) => `src/commands/${f}`)];
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/return (?:[0-9]+|[^;\n]*\? [0-9]+ : [0-9]+);|EXIT\w* = [0-9]+|process\.exit\([^)]*\b[0-9]+\b/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it("the README documents each code of the table", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Exit codes"), readme.indexOf("## Configuration"));
    for (const code of [EXIT.clean, EXIT.findings, EXIT.failure, EXIT.interrupted]) expect(section).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
  });
});

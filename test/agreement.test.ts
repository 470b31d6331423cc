// Each small idea lives once, so commands that read the same input give the same answer. These
// case tables put one input through every command that reads it.
import { Buffer } from "node:buffer";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPostings } from "../src/core/list/list.js";
import { buildQuery, matchesQuery } from "../src/core/list/list-query.js";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { parseText, resolveKey } from "../src/core/scaffold/answers.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { confirmAnswer, yesNo } from "../src/core/words/yes-no.js";

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
const NEITHER = ["peut-être", "yess", "nope", "2", "ouii", "oui non"];

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

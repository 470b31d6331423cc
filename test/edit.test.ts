// `posting set` / `posting close` properties: over every fixture posting, an edit changes exactly
// the lines of its keys and reads back as asked; on a generated collection, `set` and `close`
// touch exactly the files `list` selects with the same filters; the read-back invariant refuses.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { diffArrays } from "diff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editPosting, readsAsAsked } from "../src/core/edit/edit-text.js";
import type { EditRequest } from "../src/core/edit/edit-text.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { siteView } from "../src/core/read/site-view.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { ROOT, runCli } from "./helpers/cli.js";
import { mulberry32 } from "../bench/generate.mjs";

const schema = loadSchema();
const FIXTURES = join(ROOT, "fixtures");
const postings = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith(".md"))
  .map((d) => join(d.parentPath, d.name));

const REQUESTS: [string, EditRequest, RegExp][] = [
  ["open=false", { values: [["open", false]], unset: [] }, /^open:/],
  ["techno=Alpha,Beta", { values: [["techno", ["Alpha", "Beta"]]], unset: [] }, /^techno:|^[ \t]*-( |\r?\n|$)/],
  ["contrat=CDI", { values: [["contrat", "CDI"]], unset: [] }, /^contrat:/],
  ["title=yes (needs quotes)", { values: [["title", "yes"]], unset: [] }, /^titles?:/],
  ["--unset techno", { values: [], unset: ["techno"] }, /^techno:|^[ \t]*-( |\r?\n|$)/],
];

const linesOf = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

describe("set on every fixture posting", () => {
  it("has postings to edit", () => expect(postings.length).toBeGreaterThan(100));
  for (const [name, request, keyLine] of REQUESTS) {
    it(`${name}: only the key's lines change, and the data reads back as asked`, () => {
      let changed = 0;
      for (const path of postings) {
        const bytes = readFileSync(path);
        const file = relative(ROOT, path);
        const result = editPosting(file, bytes, request, schema);
        if (result.status !== "changed") continue;
        changed++;
        expect(Buffer.from(result.before, "utf8").equals(bytes), file).toBe(true);
        // Every line removed or added is a line of the key (or an item of its list).
        for (const part of diffArrays(linesOf(result.before), linesOf(result.after))) {
          if (!part.added && !part.removed) continue;
          for (const line of part.value) expect(line, `${file}: ${name}`).toMatch(keyLine);
        }
        // Independently of the editor's own check: the other keys read the same, the asked one as asked.
        const before = siteView(readPosting(file, bytes).frontMatter!.document());
        const after = siteView(readPosting(file, result.after).frontMatter!.document());
        const key = result.changes[0]!.key;
        const { [key]: _a, ...restBefore } = before;
        const { [key]: b, ...restAfter } = after;
        expect(restAfter, file).toEqual(restBefore);
        expect(b, file).toEqual(request.values[0]?.[1]);
      }
      expect(changed).toBeGreaterThan(20);
    });
  }
});

describe("the read-back invariant", () => {
  const text = "---\nroles: Designer\nopen: true\n---\nCorps.\n";
  const before = { roles: "Designer", open: true };
  it("accepts the text that reads as asked", () => {
    expect(readsAsAsked("a.md", "---\nroles: Designer\nopen: false\n---\nCorps.\n", { roles: "Designer", open: false }, before, new Set(), "Corps.\n")).toBe(true);
  });
  it.each([
    ["a value written so it reads otherwise", "---\nroles: Designer\nopen: \"false\"\n---\nCorps.\n"],
    ["another key changed too", "---\nroles: Design\nopen: false\n---\nCorps.\n"],
    ["keys reordered", "---\nopen: false\nroles: Designer\n---\nCorps.\n"],
    ["the body changed", "---\nroles: Designer\nopen: false\n---\nCorps\n"],
    ["broken YAML", "---\nroles: Designer\nopen: [false\n---\nCorps.\n"],
  ])("refuses %s", (_name, after) => {
    expect(readsAsAsked("a.md", after, { roles: "Designer", open: false }, before, new Set(), "Corps.\n")).toBe(false);
  });
  it("a text that would read as a boolean is quoted, so it reads back as text", () => {
    const result = editPosting("a.md", Buffer.from(text), { values: [["roles", "yes"]], unset: [] }, schema);
    expect(result.status).toBe("changed");
    if (result.status === "changed") expect(result.after).toBe('---\nroles: "yes"\nopen: true\n---\nCorps.\n');
  });
});

describe("what the editor keeps and refuses", () => {
  const open = { values: [["open", false]], unset: [] } as EditRequest;
  it("keeps a UTF-8 BOM and the rest byte for byte", () => {
    const bytes = Buffer.from("\uFEFF---\nroles: Designer\nopen: true\n---\nCorps.\n", "utf8");
    const result = editPosting("a.md", bytes, open, schema);
    expect(result.status).toBe("changed");
    if (result.status === "changed") expect(Buffer.from(result.output).equals(Buffer.from("\uFEFF---\nroles: Designer\nopen: false\n---\nCorps.\n", "utf8"))).toBe(true);
  });
  it("keeps a lone CR in the body (only the key's line is touched)", () => {
    const result = editPosting("a.md", Buffer.from("---\nroles: Designer\nopen: true\n---\nCorps.\rSuite\n"), open, schema);
    expect(result.status === "changed" && result.after).toBe("---\nroles: Designer\nopen: false\n---\nCorps.\rSuite\n");
  });
  it.each([
    ["Windows-1252 bytes", Buffer.concat([Buffer.from("---\nroles: Charg"), Buffer.from([0xe9]), Buffer.from("e\nopen: true\n---\n")]), "ENCODING_INVALID_UTF8"],
    ["a lone CR in the front matter", Buffer.from("---\nroles: Designer\ropen: true\n---\n"), "YAML_SYNTAX"],
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\nroles: Designer\nopen: true\n---\n", "utf16le")]), "ENCODING_UTF16"],
    ["an anchor on the key's value", Buffer.from("---\nroles: Designer\nopen: &o true\n---\n"), "EDIT_REFUSED alias"],
    ["a multi-line flow list", Buffer.from("---\nroles: Designer\nopen: true\ntechno: [a,\n  b]\n---\n"), "EDIT_REFUSED multi-line"],
  ])("refuses %s, with a finding", (_name, bytes, code) => {
    const request: EditRequest = _name.includes("flow list") ? { values: [["techno", ["c"]]], unset: [] } : open;
    const result = editPosting("a.md", bytes, request, schema);
    expect(result.status).toBe("refused");
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.map((f) => `${f.code}${f.code === "EDIT_REFUSED" && "reason" in f.args ? ` ${String(f.args.reason)}` : ""}`), _name).toContain(code);
  });
});

// A collection in several authors' styles: quoted or plain, comments, flow or block lists, CRLF, keys missing.
const COUNT = 2000;
// Each run reads and (with --write) fsyncs every selected file: slow on a shared machine, never timed.
const SLOW = 240_000;
const STARTUPS = ["ma-cantine-egalim", "aides-jeunes", "pass-culture", "domifa"];
let dir: string;
const pad = (n: number) => String(n).padStart(2, "0");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "posting-edit-"));
  const rnd = mulberry32(15);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < COUNT; i++) {
    const day = `${pick([2019, 2023, 2025, 2099])}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const lines: string[] = [];
    if (rnd() < 0.3) lines.push("# relu par l'équipe");
    lines.push(rnd() < 0.5 ? `roles: "Rôle ${i}"` : `roles: Rôle ${i}`);
    if (rnd() < 0.9) lines.push(`startup: ${pick(STARTUPS)}${rnd() < 0.2 ? "  # id" : ""}`);
    const open = pick(["true", "false", "yes", "no", "true # à revoir", undefined]);
    if (open !== undefined) lines.push(`open: ${open}`);
    if (rnd() < 0.7) lines.push(`date: ${day}`);
    const t = rnd();
    if (t < 0.3) lines.push("techno: [React, Vue]");
    else if (t < 0.6) lines.push("techno:", "  - Python", "  - Django");
    else if (t < 0.7) lines.push("techno: React, Vue");
    if (rnd() < 0.5) lines.push(`contrat: ${pick(["CDI", "indépendant", "stage"])}`);
    const eol = rnd() < 0.1 ? "\r\n" : "\n";
    await writeFile(join(dir, `${rnd() < 0.8 ? `${day}-` : ""}poste-${i}.md`), ["---", ...lines, "---", `Annonce ${i}.`, ""].join(eol));
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function listed(filters: string[]): Promise<string[]> {
  const result = await runCli(["list", ".", "--format", "json", ...filters], dir);
  expect(result.exitCode).toBe(0);
  return (JSON.parse(result.stdout) as { file: string }[]).map((p) => p.file).sort();
}

async function snapshot(): Promise<Map<string, string>> {
  const names = readdirSync(dir).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), "utf8")] as const)));
}

function changedFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  expect([...b.keys()]).toEqual([...a.keys()]);
  return [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe("set and close on a generated collection", () => {
  it("set touches exactly the files list selects with the same filters, one line each", async () => {
    for (const filters of [["--startup", "pass-culture", "--open"], ["--where", "techno~react", "--since", "2023-01-01"], ["--closed", "--until", "2024-12-31"]]) {
      const expected = await listed(filters);
      expect(expected.length, filters.join(" ")).toBeGreaterThan(20);
      const before = await snapshot();
      // contrat=CDD 6 mois: no generated posting has it, so every selected file changes.
      const result = await runCli(["set", "contrat=CDD 6 mois", ".", "--write", ...filters], dir);
      expect(result.exitCode, result.stderr).toBe(0);
      const after = await snapshot();
      const touched = changedFiles(before, after);
      expect(touched, filters.join(" ")).toEqual(expected);
      for (const name of touched) {
        const diff = diffArrays(linesOf(before.get(name)!), linesOf(after.get(name)!)).filter((p) => p.added || p.removed);
        expect(diff.flatMap((p) => p.value).every((l) => /^contrat: /.test(l)), name).toBe(true);
      }
      // Undo, so each filter starts from the same collection.
      await runCli(["set", "--unset", "contrat", ".", "--write", "--where", "contrat=CDD 6 mois"], dir);
    }
  }, SLOW);

  it("close --stale 30 closes exactly the stale postings, and none is left", async () => {
    const stale = await listed(["--stale", "30"]);
    expect(stale.length).toBeGreaterThan(50);
    const before = await snapshot();
    const result = await runCli(["close", "--stale", "30", "--write", "."], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(changedFiles(before, await snapshot())).toEqual(stale);
    expect(await listed(["--stale", "30"])).toEqual([]);
    // A second run has nothing left to do.
    const again = await runCli(["close", "--stale", "30", "--check", "."], dir);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe("");
  }, SLOW);
});

describe("the library API", () => {
  it("set() and close() return each file's result as data, and write nothing without write: true", async () => {
    const { set, close } = await import("../src/index.js");
    const cwd = join(ROOT, "fixtures/edit/close");
    const before = readFileSync(join(cwd, "2020-01-01-ancienne.md"), "utf8");
    const setResults = await set(["."], { cwd, values: { contrat: "CDI" }, filters: { startup: ["pass-culture"] } });
    expect(setResults.map((r) => [r.file, r.status])).toEqual([["2020-02-01-fermee.md", "changed"], ["2099-01-01-future.md", "changed"]]);
    const closeResults = await close(["."], { cwd, filters: { stale: 30 } });
    expect(closeResults.map((r) => r.status === "changed" && [r.file, r.changes])).toEqual([["2020-01-01-ancienne.md", [{ key: "open", from: true, to: false }]]]);
    await expect(close([], { cwd })).rejects.toThrow(/all: true/);
    expect(readFileSync(join(cwd, "2020-01-01-ancienne.md"), "utf8")).toBe(before);
  });
});

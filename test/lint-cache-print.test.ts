// `lint --cache` prints an unchanged file's block from its entry's note (core/lint/lint-cache.ts):
// the re-run gives the bytes a run without the cache gives, in every format, language, colour and
// with --quiet; a note edited in the cache file (escape sequences, wrong types, other options) is
// not printed; files in a collection get the cross-file findings the other files give them now.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTERS } from "../src/reporters/index.js";
import { runCli } from "./helpers/cli.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** Lint scenarios whose findings quote hostile text (bidi controls, unknown keys, values). */
const SCENARIOS = ["text-bidi-control", "unknown-key", "schema-enum", "yaml11-boolean", "yaml-syntax"];
/** A file name with an escape sequence in it: its display is escaped in every block. */
const HOSTILE_NAME = "2026-01-05-offre-\u001b[31mrouge.md";

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-cache-print-"));
  env = { NO_COLOR: "1", XDG_CACHE_HOME: join(dir, "home") };
  // Files in no collection: printed from the cache when unchanged.
  cpSync(join(FIXTURES, "postings"), join(dir, "loose"), { recursive: true });
  for (const name of SCENARIOS) copyFileSync(join(FIXTURES, "lint", name, "posting.md"), join(dir, "loose", `2026-01-01-${name}.md`));
  copyFileSync(join(FIXTURES, "lint", "text-bidi-control", "posting.md"), join(dir, "loose", HOSTILE_NAME));
  // A collection with duplicates checked: its files' findings depend on the other files.
  mkdirSync(join(dir, "content", "_jobs"), { recursive: true });
  cpSync(join(FIXTURES, "postings"), join(dir, "content", "_jobs"), { recursive: true });
  writeFileSync(join(dir, "posting.config.json"), JSON.stringify({ content: ["content/_jobs"], duplicates: true }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = ["loose", "content/_jobs"];
const lint = (args: string[], cache?: string, inputs = INPUTS) => runCli(["lint", ...args, ...(cache ? ["--cache", "--cache-location", cache] : []), ...inputs], dir, { env });
/** A file with warnings only: `--max-warnings` decides its exit code. */
const WARNINGS_ONLY = ["loose/2026-01-01-text-bidi-control.md"];

/** Rewrite the note of every lint entry that has one (the 8th field of its line). */
function editNotes(cache: string, edit: (note: unknown[], line: string) => string): void {
  const lines = readFileSync(cache, "utf8").split("\n");
  writeFileSync(cache, lines.map((line) => {
    const fields = line.split("\t");
    return fields[0] === "lint" && fields.length === 8 ? [...fields.slice(0, 7), edit(JSON.parse(fields[7]!) as unknown[], line)].join("\t") : line;
  }).join("\n"));
}

/** The notes of the cache file whose block is not empty (files with findings). */
function notesWithBlocks(cache: string): unknown[][] {
  return readFileSync(cache, "utf8").split("\n").map((line) => line.split("\t")).filter((f) => f[0] === "lint" && f.length === 8).map((f) => JSON.parse(f[7]!) as unknown[]).filter((note) => note[2] !== "");
}

describe("lint --cache, run again on unchanged files", () => {
  it("prints the bytes a run without the cache prints, in every format, language and colour, with and without --quiet", async () => {
    const cache = join(dir, "every.cache");
    for (const format of Object.keys(REPORTERS)) {
      for (const lang of ["en", "fr"]) {
        for (const color of ["--no-color", "--color"]) {
          for (const quiet of [[], ["--quiet"]]) {
            const args = ["--format", format, "--lang", lang, color, ...quiet];
            const plain = await lint(args);
            expect(plain.exitCode, args.join(" ")).toBe(1);
            // The first run after another's options prints afresh and keeps its blocks; the second prints them.
            expect(await lint(args, cache), args.join(" ")).toEqual(plain);
            expect(await lint(args, cache), args.join(" ")).toEqual(plain);
          }
        }
      }
    }
  });

  it("prints the kept block indeed", async () => {
    const cache = join(dir, "marker.cache");
    for (const args of [["--color"], ...Object.keys(REPORTERS).map((format) => ["--format", format, "--lang", "fr"])]) {
      await lint(args, cache);
      expect(notesWithBlocks(cache).length).toBeGreaterThan(SCENARIOS.length);
      editNotes(cache, (note) => JSON.stringify([...note.slice(0, 2), (note[2] as string).replace(/UNKNOWN_KEY/g, "KEPT_BLOCK"), ...note.slice(3)]));
      const cached = await lint(args, cache);
      expect(cached.stdout, args.join(" ")).toContain("KEPT_BLOCK");
      // Every block from its note, in the collection too (no other file gives its files a finding); SARIF's header names every rule.
      if (!args.includes("sarif")) expect(cached.stdout, args.join(" ")).not.toContain("UNKNOWN_KEY");
    }
  });
});

describe("lint --cache after an edit", () => {
  it("prints a changed file afresh (its size or time changed), the others from their notes", async () => {
    const cache = join(dir, "edited.cache");
    await lint([], cache);
    const file = join(dir, "loose", "2026-01-01-yaml11-boolean.md");
    const before = readFileSync(file);
    try {
      writeFileSync(file, Buffer.concat([before.subarray(0, 4), Buffer.from("salaire: 1\n"), before.subarray(4)]));
      const plain = await lint([]);
      expect(plain.stdout).toMatch(/yaml11-boolean\.md\n(?:.*\n)*?.*`salaire` is not a known key/);
      expect(await lint([], cache)).toEqual(plain);
    } finally {
      writeFileSync(file, before);
    }
  });
});

describe("lint --cache across names", () => {
  it("prints a file under the name this run shows it by, not the one a run from elsewhere kept", async () => {
    const cache = join(dir, "names.cache");
    await lint([], cache);
    const inside = join(dir, "loose");
    const plain = await runCli(["lint", "."], inside, { env });
    expect(plain.stdout).toContain("\n2026-01-01-unknown-key.md\n");
    expect(await runCli(["lint", "--cache", "--cache-location", cache, "."], inside, { env })).toEqual(plain);
  });
});

describe("lint --cache never prints a note edited into something else", () => {
  type Note = [string, string, string, number, number, number, number, number];
  const withBlock = (n: Note, block: string): Note => [n[0], n[1], block, ...n.slice(3)] as Note;
  const withCounts = (n: Note, errors: number, warnings: number, fixable: number, findings: number, all: number): Note => [n[0], n[1], n[2], errors, warnings, fixable, findings, all];
  const tampered: [string, string[], string[], (note: Note) => unknown][] = [
    ["an escape sequence", [], INPUTS, (n) => withBlock(n, `${n[2]}\u001b[2J`)],
    ["a colour code without --color", [], INPUTS, (n) => withBlock(n, `\u001b[31m${n[2]}`)],
    ["a code chalk does not write (conceal)", ["--color"], INPUTS, (n) => withBlock(n, `\u001b[8m${n[2]}`)],
    ["an OSC sequence", ["--color"], INPUTS, (n) => withBlock(n, `\u001b]0;title\u0007${n[2]}`)],
    ["a C1 CSI", [], INPUTS, (n) => withBlock(n, `\u009b2J${n[2]}`)],
    ["a bidi control", [], INPUTS, (n) => withBlock(n, `\u202e${n[2]}`)],
    ["a zero-width space", [], INPUTS, (n) => withBlock(n, `\u200b${n[2]}`)],
    ["a carriage return", [], INPUTS, (n) => withBlock(n, `${n[2]}\rok`)],
    ["a block that is not text", [], INPUTS, (n) => [...n.slice(0, 2), 42, ...n.slice(3)]],
    ["counts as text", [], INPUTS, (n) => [...n.slice(0, 3), ...n.slice(3).map(String)]],
    // Each of these adds up (errors + warnings = findings), so only the check of each count stops it.
    ["a negative count", [], INPUTS, (n) => withCounts(n, -1, n[4] + n[3] + 1, n[5], n[6], n[7] + n[3] + 1)],
    ["a count past 2^53", [], INPUTS, (n) => withCounts(n, 2 ** 60, n[4], n[5], 2 ** 60 + n[4], n[7])],
    ["a count that is not whole", [], INPUTS, (n) => withCounts(n, n[3], n[4], n[6] > 0 ? 0.5 : n[5], n[6], n[7])],
    ["more errors than findings", [], INPUTS, (n) => withCounts(n, n[3] + 1, n[4], n[5], n[6], n[7])],
    ["fewer warnings found than shown", ["--max-warnings", "0"], WARNINGS_ONLY, (n) => withCounts(n, n[3], n[4], n[5], n[6], 0)],
    ["other options", [], INPUTS, (n) => ["json:plain:en", ...n.slice(1)]],
    ["another file's name", [], INPUTS, (n) => [n[0], "loose/other.md", ...n.slice(2)]],
    ["too few fields", [], INPUTS, (n) => n.slice(0, 7)],
    ["an object", [], INPUTS, (n) => Object.fromEntries(n.entries())],
  ];
  it.each(tampered)("%s", async (what, args, inputs, edit) => {
    const cache = join(dir, `tampered-${what.replace(/\W+/g, "-")}.cache`);
    const plain = await lint(args, undefined, inputs);
    await lint(args, cache, inputs);
    editNotes(cache, (note) => JSON.stringify(edit(note as Note)));
    expect(await lint(args, cache, inputs)).toEqual(plain);
  });

  it("a note that is not JSON, or has a tab in it", async () => {
    const cache = join(dir, "not-json.cache");
    const plain = await lint([]);
    await lint([], cache);
    editNotes(cache, (note) => JSON.stringify(note).slice(0, -1));
    expect(await lint([], cache)).toEqual(plain);
    await lint([], cache);
    editNotes(cache, (note) => JSON.stringify(note).replace(",", "\t,"));
    expect(await lint([], cache)).toEqual(plain);
  });
});

describe("lint --cache and the cross-file checks", () => {
  it("gives an unchanged file of a collection the duplicate a new file makes", async () => {
    const cache = join(dir, "cross.cache");
    const jobs = join(dir, "content", "_jobs");
    const first = (await lint([])).stdout;
    expect(await lint([], cache)).toMatchObject({ stdout: first });
    // Every file's block is kept, as no other file gave it a finding.
    const lines = readFileSync(cache, "utf8").split("\n").filter((line) => line.startsWith("lint\t"));
    expect(lines.filter((line) => line.split("\t").length !== 8)).toEqual([]);
    // A copy that sorts first: the unchanged original is now the later file, the one reported.
    const original = "2026-01-12-developpeur-fullstack-aides-territoires.md";
    const copy = join(jobs, "2026-01-01-copie.md");
    copyFileSync(join(jobs, original), copy);
    const noteOfOriginal = () => readFileSync(cache, "utf8").split("\n").find((line) => line.includes(`/content/_jobs/${original}"`))!.split("\t")[7];
    const kept = noteOfOriginal();
    try {
      const cached = await lint([], cache);
      expect(cached).toEqual(await lint([]));
      expect(cached.stdout).toMatch(new RegExp(`content/_jobs/${original}\\n[^\\n]*DUPLICATE_POSTING`));
      // The block with the duplicate is not kept: the one kept holds for the file alone.
      expect(noteOfOriginal()).toBe(kept);
    } finally {
      rmSync(copy);
    }
    // The copy gone, the kept block is right again.
    expect(await lint([], cache)).toMatchObject({ stdout: first });
  });

  it("never prints a file of a collection from its note before the cross-file checks", async () => {
    const cache = join(dir, "cross-note.cache");
    const jobs = join(dir, "content", "_jobs");
    const original = "2026-01-12-developpeur-fullstack-aides-territoires.md";
    const copy = join(jobs, "2026-01-01-autre-copie.md");
    await lint([], cache);
    copyFileSync(join(jobs, original), copy);
    try {
      const plain = await lint([]);
      expect(plain.stdout).toMatch(/DUPLICATE_POSTING/);
      // Its note says "no finding" (as a stand-in printed before the checks would): not printed.
      editNotes(cache, (note, line) => (line.includes(`/content/_jobs/${original}"`) ? JSON.stringify([...note.slice(0, 2), "", 0, 0, 0, 0, 0]) : JSON.stringify(note)));
      expect(await lint([], cache)).toEqual(plain);
    } finally {
      rmSync(copy);
    }
  });
});

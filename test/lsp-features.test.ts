// The language server's features as the pure functions they are (src/lsp/): (text, position,
// project) → LSP data, on the fixture site (fixtures/lsp/site), read but never written.
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver";
import { beforeAll, describe, expect, it } from "vitest";
import { codeActions, formatEdits } from "../src/lsp/actions.js";
import { completions } from "../src/lsp/completion.js";
import { diagnose, diagnosticsOf, MAX_DIAGNOSTICS } from "../src/lsp/diagnostics.js";
import { hover } from "../src/lsp/hover.js";
import { Workspace } from "../src/lsp/project.js";
import { linesOf, tokenRange } from "../src/lsp/text.js";
import { fieldWords } from "../src/lsp/words.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { en } from "../src/core/messages/word.js";
import { finding } from "../src/core/messages.js";

const SITE = fileURLToPath(new URL("../fixtures/lsp/site", import.meta.url));
const job = (name: string) => join(SITE, "content", "_jobs", name);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create("file:///x.md", "markdown", 1, text), edits);

describe("tokenRange: the whole token a finding points at", () => {
  const range = (line: string, character: number) => {
    const r = tokenRange([line], 0, character);
    return line.slice(r.start.character, r.end.character);
  };
  it.each([
    ["titles: Coach", 0, "titles"],
    ["open: yes # à revoir", 6, "yes"],
    ['title: "a \\" b" # c', 7, '"a \\" b"'],
    ["title: 'l''été' x", 7, "'l''été'"],
    ["techno: [React, [Vue]] # x", 8, "[React, [Vue]]"],
    ["  - Développeur", 4, "Développeur"],
    ["roles: Data   ", 11, "   "],
    ["---", 0, "---"],
  ])("%j at %i → %j", (line, character, token) => {
    expect(range(line, character)).toBe(token);
  });
  it("is never empty on a line that has characters, and stays on the line", () => {
    expect(range("abc", 3)).toBe("c");
    expect(tokenRange([""], 0, 0)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(tokenRange(["x"], 4, 2)).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 0 } });
  });
});

describe("the editor features on the fixture site", () => {
  const workspace = new Workspace(SITE, {});
  beforeAll(async () => {
    await workspace.load();
    await workspace.scan();
  });

  it("speaks the config's language (fr) and words findings with the catalog it picks", () => {
    expect(workspace.lang).toBe("fr");
    const { diagnostics } = diagnose(job("2026-05-01-x.md"), "---\ntitles: x\nroles: x\nopen: true\n---\n", workspace);
    expect((diagnostics[0]!.message as string).split("\n")[0]).toBe(workspace.catalog.codes.UNKNOWN_KEY.word({ key: "titles", suggestion: "title", isAlias: true }).message);
  });

  it("escapes control characters quoted from the file in messages", () => {
    const { diagnostics } = diagnose(job("2026-05-09-esc.md"), "---\nroles: x\nopen: true\ncle\u001b[31m: x\n---\n", workspace);
    const message = diagnostics.map((d) => d.message as string).join("\n");
    expect(message).toContain("cle");
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it("caps the diagnostics of one buffer", () => {
    const many = Array.from({ length: MAX_DIAGNOSTICS + 5 }, (_, i) => finding("FRONT_MATTER_BLANK_LINE", { file: "x.md", line: i + 1, column: 1 }, {}));
    expect(diagnosticsOf("", many, en)).toHaveLength(MAX_DIAGNOSTICS);
  });

  it("counts an unsaved buffer as a file for references, and finds a duplicate among buffers and the disk", () => {
    const path = job("2026-05-02-y.md");
    const text = "---\nroles: Coach\nstartup: pas-encore-enregistree\nopen: true\n---\n";
    expect(diagnose(path, text, workspace).diagnostics.map((d) => d.code)).toEqual(["REFERENCE_MISSING"]);
    workspace.setBuffer(join(SITE, "content", "_startups", "pas-encore-enregistree.md"), "---\ntitle: x\n---\n");
    expect(diagnose(path, text, workspace).diagnostics).toEqual([]);
    const duplicate = "---\nroles: Développeur·se full-stack\nstartup: cantine-durable\nopen: true\ndate: 2026-01-05\n---\n";
    const linted = diagnose(job("2026-05-03-z.md"), duplicate, workspace);
    expect(linted.diagnostics.map((d) => d.code)).toEqual(["DUPLICATE_POSTING"]);
    // The posting on disk comes first in lint's order: it is not the duplicate.
    expect(diagnose(job("2026-01-05-developpeur.md"), duplicate, workspace).diagnostics).toEqual([]);
  });

  it("quick fixes what normalize does not: a near-miss key (not preferred), a YAML 1.1 value quoted, the file renamed", () => {
    const path = job("2026-05-04-fix.md");
    const uri = pathToFileURL(path).href;
    const text = "---\ntitel: x\nroles: x\nopen: true\ncontrat: 0123\n---\n";
    const all = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    const actions = codeActions(uri, path, text, all, workspace, ["quickfix"]);
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([
      ["Renommer `titel` en `title`", false],
      ['Écrire "0123" (ce que Jekyll lit comme du texte)', true],
    ]);
    expect(apply(text, actions[0]!.edit!.changes![uri]!)).toBe(text.replace("titel:", "title:"));
    expect(apply(text, actions[1]!.edit!.changes![uri]!)).toBe(text.replace("0123", '"0123"'));
    const badName = job("2026-05-04 Coach Agilé.md");
    const renamed = codeActions(pathToFileURL(badName).href, badName, "---\nroles: x\nopen: true\ndate: 2026-05-04\n---\n", all, workspace, ["quickfix"]);
    const rename = renamed.find((a) => a.edit?.documentChanges)!;
    expect(rename.edit!.documentChanges![0]).toMatchObject({ kind: "rename", newUri: pathToFileURL(job("2026-05-04-coach-agile.md")).href });
    expect(rename.title).toBe("Renommer le fichier en 2026-05-04-coach-agile.md");
  });

  it("formats as normalize's default style: only what is broken, in place", () => {
    const path = job("2026-05-05-format.md");
    const text = "---\nopen: yes\ntitles: x   \nroles: x # gardé\n---\ncorps";
    expect(apply(text, formatEdits(path, text, workspace))).toBe("---\nopen: true\ntitle: x\nroles: x # gardé\n---\ncorps\n");
    expect(formatEdits(path, "---\nroles: x\nopen: true\n---\n", workspace)).toEqual([]);
  });

  it("edits an old Mac (CR only) file where the client counts the lines", () => {
    const path = job("2026-05-06-cr.md");
    for (const text of ["---\rtitles: x\ropen: oui\r---\r", "---\rtitles: x\ropen: oui\r---\rcorps\rsuite\r"]) {
      const normalized = "---\ntitle: x\nopen: true\n---\n";
      const edited = apply(text, formatEdits(path, text, workspace));
      expect(edited.startsWith(normalized), JSON.stringify(edited)).toBe(true);
      expect(edited).not.toMatch(/\r/);
    }
  });

  it("normalizes the file in the config's style (canonical here); fix all keeps to the findings' fixes", () => {
    const path = job("2026-05-08-style.md");
    const uri = pathToFileURL(path).href;
    const text = "---\nopen: yes\nroles: x\n---\n";
    const saved = workspace.config;
    workspace.config = { ...saved, normalizeStyle: "canonical" };
    try {
      const actions = codeActions(uri, path, text, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, workspace);
      const byKind = new Map(actions.map((a) => [a.kind, apply(text, a.edit!.changes![uri]!)]));
      expect(byKind.get("source.fixAll")).toBe("---\nopen: true\nroles: x\n---\n");
      expect(byKind.get("source.normalize")).toBe("---\nroles: x\nopen: true\n---\n");
    } finally {
      workspace.config = saved;
    }
  });

  it("completes nothing outside the front matter, and keys only where a key can be typed", () => {
    const path = job("2026-05-06-c.md");
    const text = "---\nroles: x\n  \n---\nCorps\n";
    expect(completions(path, text, { line: 4, character: 0 }, workspace)).toEqual([]);
    expect(completions(path, text, { line: 0, character: 3 }, workspace)).toEqual([]);
    expect(completions(path, text, { line: 2, character: 2 }, workspace)).toEqual([]);
    const keys = completions(path, "---\nro\n---\n", { line: 1, character: 2 }, workspace).map((i) => i.label);
    expect(keys).toContain("roles");
  });
});

describe("hover and completion text: one lookup per language (fieldWords)", () => {
  const schema = loadSchema();
  const roles = schema.fieldsByKey.get("roles")!;
  it("English: the schema's description; French: its x-help; the label of the language", () => {
    expect(fieldWords(roles, schema, "en")).toEqual({ title: "Role(s) being recruited", description: roles.description, examples: roles.examples });
    expect(fieldWords(roles, schema, "fr").title).toBe("Poste(s) recherché(s)");
    expect(fieldWords(roles, schema, "fr").description).toMatch(/^Le ou les postes recrutés/);
  });
  it("hover shows them on the key only, for an old spelling too", async () => {
    const workspace = new Workspace(SITE, { LANG: "en_GB.UTF-8" });
    await workspace.load();
    const text = "---\nrole: x\nopen: true\n---\n";
    const shown = hover(job("2026-05-07-h.md"), text, { line: 1, character: 1 }, workspace);
    expect((shown!.contents as { value: string }).value).toContain("**Poste(s) recherché(s)** (`roles`)");
    expect(hover(job("2026-05-07-h.md"), text, { line: 1, character: 7 }, workspace)).toBeNull();
    expect(linesOf(text)).toHaveLength(5);
  });
});

// `posting lsp --stdio` driven by a real LSP client (vscode-jsonrpc) over the built bin: the
// fixture site (fixtures/lsp/site: a config with "lang": "fr", a startup reference, one posting)
// copied to a temp folder, buffers opened and changed, every feature asked for.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from "vscode-languageserver-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { catalogFor, resolveLang } from "../src/core/messages/lang.js";
import { wordFinding } from "../src/core/messages/word.js";
import { todayIso } from "../src/core/read/dates.js";
import { initialize, startLsp, uriOf } from "./helpers/lsp-client.js";
import type { LspClient } from "./helpers/lsp-client.js";

const SITE = fileURLToPath(new URL("../fixtures/lsp/site", import.meta.url));
const TITLES = "---\ntitles: Coach agile\nroles: Coach agile\nstartup: cantine-durable\nopen: true\n---\n\nTexte.\n";

describe("posting lsp --stdio", () => {
  let root: string;
  let client: LspClient;
  let version = 1;
  const jobs = (name: string) => join(root, "content", "_jobs", name);
  const open = async (path: string, text: string) => {
    const uri = uriOf(path);
    const next = client.diagnostics(uri);
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: version++, text } });
    return next;
  };
  const change = async (path: string, text: string) => {
    const uri = uriOf(path);
    const v = version++;
    const next = client.diagnostics(uri, (p) => p.version === v);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return next;
  };
  const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create("file:///x.md", "markdown", 1, text), edits);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "posting-lsp-"));
    cpSync(SITE, root, { recursive: true });
    client = startLsp(root);
    await initialize(client, root);
  });
  afterAll(() => {
    client.child.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it("reports `titles:` on line 2 (0-based 1) over the whole key, with lint's code and message in the config's language", async () => {
    const path = jobs("2026-03-09-coach-agile.md");
    const diagnostics = await open(path, TITLES);
    expect(diagnostics.map((d) => d.code)).toEqual(["UNKNOWN_KEY"]);
    const [d] = diagnostics as [Diagnostic];
    expect(d.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    expect(d.severity).toBe(1);
    expect(d.source).toBe("posting");
    // The words of the catalog the config's "lang" picks (French once core/messages/fr.ts is in).
    const lang = resolveLang({ config: "fr", env: {}, fallback: "en" });
    expect(lang).toBe("fr");
    const [finding] = lintBytes("2026-03-09-coach-agile.md", TITLES, loadSchema());
    const worded = wordFinding(finding!, catalogFor(lang));
    expect(d.message).toBe(`${worded.message}\n→ ${worded.hint}`);
  });

  it("offers the rename as a quick fix; applied, the buffer is diagnosed clean", async () => {
    const path = jobs("2026-03-09-coach-agile.md");
    const uri = uriOf(path);
    const diagnostics = await change(path, TITLES);
    const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === "quickfix")!;
    expect(fix.title).toBe("Renommer `titles` en `title`");
    expect(fix.isPreferred).toBe(true);
    const fixed = apply(TITLES, fix.edit!.changes![uri]!);
    expect(fixed).toBe(TITLES.replace("titles:", "title:"));
    expect(await change(path, fixed)).toEqual([]);
    // The whole-file actions are there too.
    const all = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    expect(all).toEqual([]);
  });

  it("fixes all, normalizes the file and formats it as normalize's default style does", async () => {
    const path = jobs("2026-03-10-data.md");
    const uri = uriOf(path);
    const text = "---\ntitles: Données\nroles: Data scientist \nstartup: cantine-durable\nopen: yes\n---\n\nTexte.";
    const diagnostics = await open(path, text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(["FRONT_MATTER_TRAILING_SPACE", "UNKNOWN_KEY", "YAML11_BOOLEAN"]);
    const boolean = diagnostics.find((d) => d.code === "YAML11_BOOLEAN")!;
    expect(boolean.range).toEqual({ start: { line: 4, character: 6 }, end: { line: 4, character: 9 } });
    const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: boolean.range, context: { diagnostics: [boolean] } })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(["quickfix", "source.fixAll", "source.normalize"]);
    expect(apply(text, actions[0]!.edit!.changes![uri]!)).toBe(text.replace("open: yes", "open: true"));
    const fixedAll = apply(text, actions[1]!.edit!.changes![uri]!);
    expect(fixedAll).toBe("---\ntitle: Données\nroles: Data scientist\nstartup: cantine-durable\nopen: true\n---\n\nTexte.");
    const normalized = apply(text, actions[2]!.edit!.changes![uri]!);
    expect(normalized).toBe(`${fixedAll}\n`);
    const formatting = (await client.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(apply(text, formatting)).toBe(normalized);
    expect(await change(path, normalized)).toEqual([]);
  });

  it("completes the missing keys on an empty line, required ones first, with their labels in French", async () => {
    const path = jobs("2026-03-11-vide.md");
    const uri = uriOf(path);
    const text = "---\ntitle: Une annonce\n\n---\n";
    await open(path, text);
    const items = (await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 0 } })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    expect(sorted.slice(0, 2).map((i) => i.label)).toEqual(["roles", "open"]);
    expect(sorted[0]!.detail).toBe("Poste(s) recherché(s) (obligatoire)");
    expect(sorted[0]!.insertText).toBe("roles: ");
    expect(items.map((i) => i.label)).not.toContain("title");
    expect(items.map((i) => i.label)).toContain("startup");
  });

  it("completes values: reference ids from the startups folder, booleans, today's date, enum items", async () => {
    const path = jobs("2026-03-12-valeurs.md");
    const uri = uriOf(path);
    const text = "---\nstartup: \nopen: \ndate: \ndomaines:\n  - \n---\n";
    await open(path, text);
    const labels = async (line: number, character: number) =>
      ((await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line, character } })) as CompletionItem[]).map((i) => i.label);
    expect(await labels(1, 9)).toEqual(["aides-jeunes", "cantine-durable"]);
    expect(await labels(2, 6)).toEqual(["true", "false"]);
    expect(await labels(3, 6)).toEqual([todayIso()]);
    const domains = loadSchema().fieldsByKey.get("domaines")!.enum!.map(String);
    expect(await labels(5, 4)).toEqual(domains);
  });

  it("shows the field's description on hover, in French", async () => {
    const path = jobs("2026-03-09-coach-agile.md");
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(path) }, position: { line: 2, character: 2 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain("**Poste(s) recherché(s)** (`roles`)");
    expect(value).toContain("Le ou les postes recrutés, en toutes lettres");
    expect(value).toContain("Exemples\u00a0: `Développeur·se full-stack`");
  });

  it("checks references and duplicates against the disk and the open buffers, refreshed by file events and config changes", async () => {
    const path = jobs("2026-01-06-developpeur.md");
    const uri = uriOf(path);
    const text = "---\nroles: Développeur·se full-stack\nstartup: nouvelle-startup\nopen: true\ndate: 2026-01-05\n---\n";
    expect((await open(path, text)).map((d) => d.code)).toEqual(["REFERENCE_MISSING"]);
    // The startup's page appears on disk: the file event refreshes the open buffer.
    const startup = join(root, "content", "_startups", "nouvelle-startup.md");
    writeFileSync(startup, "---\ntitle: Nouvelle\n---\n");
    let next = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === "REFERENCE_MISSING"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(startup), type: 1 }] });
    expect(await next).toEqual([]);
    // The same startup, roles and date as the posting on disk: a duplicate, named.
    const duplicate = await change(path, text.replace("nouvelle-startup", "cantine-durable"));
    expect(duplicate.map((d) => d.code)).toEqual(["DUPLICATE_POSTING"]);
    expect(duplicate[0]!.message).toContain("content/_jobs/2026-01-05-developpeur.md");
    expect(duplicate[0]!.range.start.line).toBe(1);
    // The config turns the duplicate check off: picked up without a restart.
    const config = join(root, "posting.config.json");
    writeFileSync(config, JSON.stringify({ content: ["content/_jobs"], references: { startup: "content/_startups/{value}.md" }, lang: "fr", rules: { DUPLICATE_POSTING: "off" } }));
    next = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(config), type: 2 }] });
    expect(await next).toEqual([]);
  });

  it("survives hostile buffers: huge, binary, deeply nested, alias bombs, broken YAML", async () => {
    const bomb = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`), "roles: x", "open: true", "---", ""].join("\n");
    const buffers: [string, string][] = [
      ["2026-04-01-huge.md", `---\nroles: ${"é".repeat(100_000)}\nopen: true\n---\n${"texte ".repeat(300_000)}${"Ã© texte ".repeat(5_000)}`],
      ["2026-04-02-binary.md", `---\nroles: a\u0000b\nopen: true\n---\n\u0000\u0001\u0002`],
      ["2026-04-03-deep.md", `---\nroles: ${"[".repeat(5000)}${"]".repeat(5000)}\nopen: true\n---\n`],
      ["2026-04-04-bomb.md", bomb],
      ["2026-04-05-broken.md", '---\nroles: "jamais fermé\nopen: [\n'],
      ["2026-04-06-empty.md", ""],
    ];
    for (const [name, text] of buffers) {
      const path = jobs(name);
      const uri = uriOf(path);
      const diagnostics = await open(path, text);
      expect(diagnostics.length, name).toBeGreaterThan(0);
      expect(diagnostics.length, name).toBeLessThanOrEqual(1000);
      await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics } });
      await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 3 } });
      await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 1 } });
      await client.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    }
    expect(client.child.exitCode).toBeNull();
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(jobs("2026-03-09-coach-agile.md")) }, position: { line: 2, character: 0 } })) as Hover;
    expect(hover).not.toBeNull();
  });

  it("reports a broken schema as one diagnostic and keeps answering", async () => {
    writeFileSync(join(root, "broken.schema.json"), "{ not json");
    const config = join(root, "posting.config.json");
    writeFileSync(config, JSON.stringify({ content: ["content/_jobs"], schema: "broken.schema.json", lang: "fr" }));
    const path = jobs("2026-03-09-coach-agile.md");
    const uri = uriOf(path);
    const next = client.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.message).includes("broken.schema.json")));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(config), type: 2 }] });
    const [d] = await next;
    expect(d).toMatchObject({ severity: 1, source: "posting", range: { start: { line: 0, character: 0 } } });
    expect(d!.message).toMatch(/^posting: the schema .*broken\.schema\.json is not valid JSON/);
    expect(await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: d!.range, context: { diagnostics: [d] } })).toEqual([]);
    expect(await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 0 } })).toBeNull();
  });

  it("shuts down and exits on `exit` (code 0)", async () => {
    expect(await client.connection.sendRequest("shutdown")).toBeNull();
    await client.connection.sendNotification("exit");
    expect(await client.exited).toBe(0);
  });

  it("exits when the client's process (initialize's processId) is gone, its standard input still open", async () => {
    const parent = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const other = startLsp(root);
    await other.connection.sendRequest("initialize", { processId: parent.pid, rootUri: uriOf(root), capabilities: {} });
    parent.kill();
    expect(await other.exited).toBe(1);
  });

  it("exits when its standard input ends (the client went away)", async () => {
    const other = startLsp(root);
    await initialize(other, root);
    other.child.stdin!.end();
    expect(await other.exited).toBe(1);
  });
});

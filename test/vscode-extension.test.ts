// The VS Code extension (editors/vscode/) without VS Code: its manifest activates in a workspace
// holding posting.config.json and names the built client; the client starts `posting lsp
// --stdio` (the site's own install first) for Markdown files; its dependencies stay its own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without types (the extension is built by its own esbuild step)
import { DOCUMENT_SELECTOR, serverOptionsFor, WATCHED_FILES } from "../editors/vscode/src/server-options.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXTENSION = join(ROOT, "editors", "vscode");
const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, any>;

describe("editors/vscode", () => {
  const manifest = json(join(EXTENSION, "package.json"));

  it("activates in a workspace with posting.config.json and runs the built client", () => {
    expect(manifest.activationEvents).toEqual(["workspaceContains:**/posting.config.json"]);
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.scripts.build).toBe("node build.mjs");
    expect(readFileSync(join(EXTENSION, "build.mjs"), "utf8")).toContain('entryPoints: ["src/extension.js"]');
    expect(manifest.contributes.configuration.properties["posting.path"].type).toBe("string");
  });

  it("starts `posting lsp --stdio`: the setting, else the site's node_modules/.bin/posting, else the PATH's", () => {
    const site = "/site";
    expect(serverOptionsFor(site, "", () => true, "linux")).toEqual({ command: "/site/node_modules/.bin/posting", args: ["lsp", "--stdio"], options: { cwd: site, shell: false } });
    expect(serverOptionsFor(site, undefined, () => false, "linux").command).toBe("posting");
    expect(serverOptionsFor(site, "/opt/posting/bin/posting.js", () => true, "linux").command).toBe("/opt/posting/bin/posting.js");
    expect(serverOptionsFor(site, "", () => true, "win32")).toMatchObject({ command: join("/site", "node_modules", ".bin", "posting.cmd"), options: { shell: true } });
  });

  it("hands the server Markdown files on disk and the file events it refreshes on", () => {
    expect(DOCUMENT_SELECTOR).toEqual([{ scheme: "file", language: "markdown" }]);
    expect(WATCHED_FILES).toBe("**/{*.md,*.json}");
    const client = readFileSync(join(EXTENSION, "src", "extension.js"), "utf8");
    expect(client).toContain('from "vscode-languageclient/node"');
    expect(client).toContain("documentSelector: DOCUMENT_SELECTOR");
    expect(client).toContain("createFileSystemWatcher(WATCHED_FILES)");
  });

  it("keeps its dependencies in its own manifest and lockfile, not the root's", () => {
    expect(manifest.dependencies).toHaveProperty("vscode-languageclient");
    const lock = json(join(EXTENSION, "package-lock.json"));
    expect(lock.packages["node_modules/vscode-languageclient"]).toBeDefined();
    const root = json(join(ROOT, "package.json"));
    expect({ ...root.dependencies, ...root.devDependencies }).not.toHaveProperty("vscode-languageclient");
  });
});

// How the extension starts the server and which files it hands it: no `vscode` import here, so
// the main test suite checks it (test/vscode-extension.test.ts) without an editor.
import { join } from "node:path";

/** Markdown files on disk: the server itself keeps to the config's content folders. */
export const DOCUMENT_SELECTOR = [{ scheme: "file", language: "markdown" }];

/** Files whose changes the server hears of (postings, the startups' pages, the config, schemas). */
export const WATCHED_FILES = "**/{*.md,*.json}";

/**
 * `posting lsp --stdio` from the setting `posting.path`, else the site's own install
 * (node_modules/.bin/posting, as `npx --no-install` would run it), else `posting` on the PATH.
 */
export function serverOptionsFor(root, setting, exists, platform = process.platform) {
  const local = join(root, "node_modules", ".bin", platform === "win32" ? "posting.cmd" : "posting");
  const command = setting && setting.trim() !== "" ? setting : exists(local) ? local : "posting";
  return { command, args: ["lsp", "--stdio"], options: { cwd: root, shell: platform === "win32" } };
}

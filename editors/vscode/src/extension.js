// The VS Code client of posting's language server: started in a workspace that holds a
// posting.config.json, it runs `posting lsp --stdio` for the Markdown files (diagnostics, quick
// fixes, completion, hover and formatting all come from the server).
import { existsSync } from "node:fs";
import { workspace } from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { DOCUMENT_SELECTOR, serverOptionsFor, WATCHED_FILES } from "./server-options.js";

let client;

export async function activate(context) {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) return;
  const server = serverOptionsFor(folder.uri.fsPath, workspace.getConfiguration("posting").get("path"), existsSync);
  client = new LanguageClient("posting", "posting", { run: server, debug: server }, {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: workspace.createFileSystemWatcher(WATCHED_FILES) },
  });
  context.subscriptions.push(client);
  await client.start();
}

export function deactivate() {
  return client?.stop();
}

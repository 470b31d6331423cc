// A real LSP client for the tests: `posting lsp --stdio` spawned from the built bin, spoken to
// with vscode-jsonrpc, with a wait for the next diagnostics of a document.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { MessageConnection } from "vscode-jsonrpc/node";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const BIN = fileURLToPath(new URL("../../bin/posting.js", import.meta.url));

export interface LspClient {
  child: ChildProcess;
  connection: MessageConnection;
  stderr: () => string;
  /** The next diagnostics published for `uri` (after `since`, a count of publications seen for it), or a timeout. */
  diagnostics(uri: string, wait?: (d: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]>;
  exited: Promise<number | null>;
}

/** The server of this checkout's build, or of `bin` (an installed posting). */
export function startLsp(cwd: string, env: Record<string, string | undefined> = {}, bin = BIN): LspClient {
  const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd, env: { ...process.env, LC_ALL: "C", LANG: "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; wait: (d: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.wait(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params.diagnostics);
      }
    }
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => undefined);
  connection.onNotification("window/showMessage", () => undefined);
  connection.listen();
  return {
    child,
    connection,
    stderr: () => err,
    exited,
    diagnostics(uri, wait = () => true) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; stderr: ${err}`)), 15_000);
        waiters.push({ uri, wait, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
  };
}

export async function initialize(client: LspClient, root: string, extra: { watch?: boolean; initializationOptions?: unknown } = {}): Promise<unknown> {
  const result = await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: "site" }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: extra.watch ?? false }, workspaceEdit: { documentChanges: true, resourceOperations: ["rename"] } }, textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } } } } },
    initializationOptions: extra.initializationOptions ?? { debounceMs: 0 },
  });
  await client.connection.sendNotification("initialized", {});
  return result;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

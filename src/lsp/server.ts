// `posting lsp --stdio`: the Language Server Protocol wiring. Every feature is a pure function of
// (text, position, project) in this folder; here they meet the connection: buffers, debounced
// diagnostics, file events, config reloads. A handler that fails logs and answers empty: a buffer
// never stops the server. The server exits when the client says `exit`, when its standard input
// ends, or when the client's process (initialize's processId) is gone (vscode-languageserver's
// watchdog does the three).
import { fileURLToPath } from "node:url";
import { basename, resolve } from "node:path";
import { createConnection, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import type { Connection, InitializeParams, InitializeResult } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_FILE_NAME } from "../core/project/config.js";
import { codeActions, FIX_ALL_KIND, formatEdits, NORMALIZE_KIND, QUICK_FIX_KIND } from "./actions.js";
import { completions } from "./completion.js";
import { diagnose } from "./diagnostics.js";
import { hover } from "./hover.js";
import { Workspace } from "./project.js";

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** Folder used when the client names no workspace folder. */
  cwd: string;
}

/** Quiet time after a change before a buffer is linted again (a burst of keystrokes is linted once); `initializationOptions.debounceMs` sets it. */
export const DEFAULT_DEBOUNCE_MS = 10;
/** Quiet time before the other open buffers are checked again after a change (their cross-file findings). */
const REFRESH_DELAY_MS = 200;

/** Start the server on the streams; the returned promise never settles (the server ends the process). */
export function startServer(options: ServerOptions): Promise<number> {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  let workspace = new Workspace(options.cwd, options.env);
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let ready: Promise<void> = Promise.resolve();
  const timers = new Map<string, NodeJS.Timeout>();
  let refreshTimer: NodeJS.Timeout | undefined;
  const log = (what: string, error: unknown) => connection.console.error(`posting: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  /** The file path of a document URI (file: only), else undefined. */
  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith("file:")) return undefined;
    try {
      return resolve(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  };

  const reload = async () => {
    await workspace.load();
    if (workspace.configError) connection.window.showErrorMessage(`posting: ${workspace.configError}`);
    for (const doc of documents.all()) {
      const path = pathOf(doc.uri);
      if (path) workspace.setBuffer(path, doc.getText());
    }
    // Diagnostics come first; the identity index follows (then the buffers are checked again).
    void workspace
      .scan()
      .then(() => refreshAll())
      .catch((error) => log("reading the workspace", error));
  };

  const publish = async (doc: TextDocument) => {
    await ready;
    if (workspace.isStale()) {
      ready = reload();
      await ready;
    }
    // Closed or changed meanwhile: the newer version gets its own run.
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return;
    const path = pathOf(doc.uri);
    const text = doc.getText();
    if (!path || !workspace.concerns(path, text)) return void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
    try {
      const { diagnostics, linted } = diagnose(path, text, workspace);
      workspace.index(path, linted.result);
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    } catch (error) {
      log(`linting ${doc.uri}`, error);
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: "posting", message: `posting: ${error instanceof Error ? error.message : String(error)}` }] });
    }
  };

  const schedule = (doc: TextDocument, delay = debounceMs) => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        publish(doc).catch((error) => log("diagnostics", error));
      }, delay),
    );
  };

  /** Check every open buffer again (cross-file facts changed), after the changed one. */
  const refreshAll = (except?: string) => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      for (const doc of documents.all()) if (doc.uri !== except) schedule(doc, 0);
    }, REFRESH_DELAY_MS);
  };

  /** Run a request handler; a failure is logged and answered with `empty`. */
  const guarded = <T>(what: string, empty: T, handler: () => T | Promise<T>): Promise<T> =>
    Promise.resolve()
      .then(() => ready)
      .then(handler)
      .catch((error) => {
        log(what, error);
        return empty;
      });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder && pathOf(folder)) || (params.rootPath ? resolve(params.rootPath) : options.cwd);
    workspace = new Workspace(root, options.env);
    const init = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof init?.debounceMs === "number" && init.debounceMs >= 0 && init.debounceMs <= 5000) debounceMs = init.debounceMs;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    ready = reload();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND, NORMALIZE_KIND] },
        completionProvider: { triggerCharacters: [":", " ", "-"] },
        hoverProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: "posting" },
    };
  });
  let watchRegistration = false;
  connection.onInitialized(() => {
    if (!watchRegistration) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.md" }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: "**/package.json" }, { globPattern: "**/*.json" }] })
      .catch((error) => log("registering file watchers", error));
  });

  documents.onDidOpen(({ document }) => {
    const path = pathOf(document.uri);
    if (path) workspace.setBuffer(path, document.getText());
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (path) workspace.setBuffer(path, document.getText());
    schedule(document);
    refreshAll(document.uri);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    const path = pathOf(document.uri);
    if (path) void workspace.closeBuffer(path).then(() => refreshAll(), (error) => log("closing", error));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    void guarded("file events", undefined, async () => {
      const watched = new Set(workspace.watchedPaths());
      let reloadNeeded = false;
      for (const change of changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (watched.has(path) || basename(path) === CONFIG_FILE_NAME || basename(path) === "package.json") reloadNeeded = true;
        else if (change.type === FileChangeType.Deleted || !documents.get(change.uri)) await workspace.reindexFromDisk(path);
      }
      workspace.forgetFolders();
      if (reloadNeeded) {
        ready = reload();
        await ready;
      }
      refreshAll();
    });
  });

  connection.onCodeAction((params) =>
    guarded("code actions", [], () => {
      const doc = documents.get(params.textDocument.uri);
      const path = doc && pathOf(doc.uri);
      return doc && path ? codeActions(doc.uri, path, doc.getText(), params.range, workspace, params.context.only) : [];
    }),
  );
  connection.onCompletion((params) =>
    guarded("completion", [], () => {
      const doc = documents.get(params.textDocument.uri);
      const path = doc && pathOf(doc.uri);
      return doc && path && workspace.concerns(path, doc.getText()) ? completions(path, doc.getText(), params.position, workspace) : [];
    }),
  );
  connection.onHover((params) =>
    guarded("hover", null, () => {
      const doc = documents.get(params.textDocument.uri);
      const path = doc && pathOf(doc.uri);
      return doc && path && workspace.concerns(path, doc.getText()) ? hover(path, doc.getText(), params.position, workspace) : null;
    }),
  );
  connection.onDocumentFormatting((params) =>
    guarded("formatting", [], () => {
      const doc = documents.get(params.textDocument.uri);
      const path = doc && pathOf(doc.uri);
      return doc && path && workspace.concerns(path, doc.getText()) ? formatEdits(path, doc.getText(), workspace) : [];
    }),
  );

  // A bug reached outside a handler is logged, not fatal: the editor keeps its server.
  process.on("uncaughtException", (error) => log("internal error", error));
  process.on("unhandledRejection", (error) => log("internal error", error));

  documents.listen(connection);
  connection.listen();
  return new Promise<number>(() => {});
}

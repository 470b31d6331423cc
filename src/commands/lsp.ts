// `posting lsp --stdio`: the language server (src/lsp/). Built as its own bundle (lsp.cjs, next to
// the command line's), so `posting lint` neither loads nor compiles the LSP libraries.
import { createRequire } from "node:module";
import { join } from "node:path";
import { UserError } from "../core/errors.js";
import type { CliIO } from "../io.js";

export interface LspCommandOptions {
  stdio?: boolean;
}

// Set by the bundler (scripts/build.mjs): the server's bundle, in the command line's folder.
declare const __POSTING_LSP_FILE__: string | undefined;

type ServerModule = typeof import("../lsp/server.js");

export async function lspCommand(options: LspCommandOptions, io: CliIO): Promise<number> {
  if (!options.stdio) throw new UserError("posting lsp talks to an editor over standard input and output: run `posting lsp --stdio` (the editor starts it)");
  const { startServer } = await loadServer();
  return startServer({ input: io.stdin, output: process.stdout, env: io.env, cwd: io.cwd });
}

async function loadServer(): Promise<ServerModule> {
  if (typeof __POSTING_LSP_FILE__ === "string") return createRequire(import.meta.filename)(join(import.meta.dirname, __POSTING_LSP_FILE__)) as ServerModule;
  // From the library's build (dist/commands/): the module next door, by a name the bundler leaves alone.
  const source = "../lsp/server.js";
  return (await import(source)) as ServerModule;
}

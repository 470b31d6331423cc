// `posting lsp --stdio`: the language server (src/lsp/). Built as its own bundle (lsp.cjs, next to
// the command line's: SIDE_BUNDLES in scripts/build.mjs), so `posting lint` neither loads nor
// compiles the LSP libraries.
import { UserError } from "../core/errors.js";
import type { CliIO } from "../io.js";

export interface LspCommandOptions {
  stdio?: boolean;
}

export async function lspCommand(options: LspCommandOptions, io: CliIO): Promise<number> {
  if (!options.stdio) throw new UserError("posting lsp talks to an editor over standard input and output: run `posting lsp --stdio` (the editor starts it)");
  const { startServer } = await import("../lsp/server.js");
  return startServer({ input: io.stdin, output: process.stdout, env: io.env, cwd: io.cwd });
}

// `posting lsp` from the command line; the server itself is driven over stdio by
// test/lsp-server.test.ts (a real LSP client) and test/lsp-nvim.test.ts (Neovim).
import type { CliCase } from "./case.js";

export const LSP_CASES: CliCase[] = [
  {
    name: "without --stdio: says how editors start it, exit 2",
    args: ["lsp"],
    cwd: "fixtures/lsp/site",
    exitCode: 2,
    spawn: true,
    stdout: { equals: "" },
    stderr: { equals: "posting: posting lsp talks to an editor over standard input and output: run `posting lsp --stdio` (the editor starts it)\n" },
  },
];

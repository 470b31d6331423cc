// End to end in a real editor: Neovim headless (Debian's `neovim`) with the recipe of
// editors/neovim/posting.lua (the README's), opening a posting with `titles:` in the fixture site;
// the diagnostics Neovim holds (vim.diagnostic.get), the hover and the code actions it gets are
// written to a file and checked. Needs nvim: vitest.config.ts includes this file only with
// POSTING_NVIM_TEST=1, which .ci/run sets for its own run of it after installing neovim; nothing
// is skipped (without nvim on PATH, it fails).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "./helpers/lsp-client.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SITE = join(ROOT, "fixtures", "lsp", "site");
const RECIPE = join(ROOT, "editors", "neovim", "posting.lua");

// Waits for the diagnostics, then asks for a hover on line 3 (`roles`) and the code actions of line 2.
const DRIVER = `
vim.cmd("filetype on")
vim.g.posting_lsp_cmd = { vim.env.POSTING_NODE, vim.env.POSTING_BIN, "lsp", "--stdio" }
dofile(vim.env.POSTING_RECIPE)
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.POSTING_FILE))
local found = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = { found = found, diagnostics = {}, hover = "", actions = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message, code = d.code or lsp.code, source = d.source or lsp.source })
end
local pos = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 2, character = 1 } }
for _, r in pairs(vim.lsp.buf_request_sync(0, "textDocument/hover", pos, 10000) or {}) do
  if r.result then out.hover = r.result.contents.value end
end
local range = { start = { line = 1, character = 0 }, ["end"] = { line = 1, character = 6 } }
local params = { textDocument = vim.lsp.util.make_text_document_params(), range = range, context = { diagnostics = {} } }
for _, r in pairs(vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}) do
  for _, a in ipairs(r.result or {}) do table.insert(out.actions, a.title) end
end
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.POSTING_OUT)
vim.cmd("qa!")
`;

describe("Neovim headless with the README's recipe", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "posting-nvim-"));
    cpSync(SITE, root, { recursive: true });
    writeFileSync(join(root, "content", "_jobs", "2026-03-09-coach-agile.md"), "---\ntitles: Coach agile\nroles: Coach agile\nstartup: cantine-durable\nopen: true\n---\n\nTexte.\n");
    writeFileSync(join(root, "driver.lua"), DRIVER);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("shows `titles:` on line 2 with its code, the hover's description and the rename quick fix", () => {
    const out = join(root, "out.json");
    const run = spawnSync("nvim", ["--headless", "--clean", "-n", "-c", `luafile ${join(root, "driver.lua")}`], {
      cwd: root,
      env: { ...process.env, POSTING_NODE: process.execPath, POSTING_BIN: BIN, POSTING_RECIPE: RECIPE, POSTING_FILE: join(root, "content", "_jobs", "2026-03-09-coach-agile.md"), POSTING_OUT: out },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    const result = JSON.parse(readFileSync(out, "utf8")) as { found: boolean; diagnostics: { lnum: number; col: number; end_col: number; severity: number; code: string; message: string }[]; hover: string; actions: string[] };
    expect(result.found).toBe(true);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ lnum: 1, col: 0, end_col: 6, severity: 1, code: "UNKNOWN_KEY" });
    expect(result.diagnostics[0]!.message).toContain("`titles`");
    expect(result.hover).toContain("Le ou les postes recrutés");
    expect(result.actions).toContain("Renommer `titles` en `title`");
  }, 90_000);
});

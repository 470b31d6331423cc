-- posting's language server in Neovim: put this file in your config (for example
-- ~/.config/nvim/plugin/posting.lua). It starts `posting lsp --stdio` for Markdown files of a
-- site that has a posting.config.json (the server's workspace is that folder). Neovim 0.8 and
-- later use vim.lsp.start; 0.7 (Debian 12's) starts and attaches the client by hand.
local function start_posting(args)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
  local config_file = vim.fn.findfile("posting.config.json", dir .. ";")
  if config_file == "" then
    return
  end
  local root = vim.fn.fnamemodify(config_file, ":p:h")
  local config = {
    name = "posting",
    -- posting installed in the site (npm install --save-dev): its own copy, never a download.
    cmd = vim.g.posting_lsp_cmd or { "npx", "--no-install", "posting", "lsp", "--stdio" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = args.buf })
  else
    vim.g.posting_lsp_client = vim.g.posting_lsp_client or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(args.buf, vim.g.posting_lsp_client)
  end
end

vim.api.nvim_create_autocmd("FileType", { pattern = "markdown", callback = start_posting })

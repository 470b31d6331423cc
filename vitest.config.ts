import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The packaging test (npm pack, install, run: slow) has its own run in .ci/run, with
    // POSTING_PACK_TEST=1; it is not a skipped test of `npm test`.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.POSTING_PACK_TEST === "1" ? [] : ["test/pack.test.ts"]),
      // The real pre-commit framework (an install): its own run in .ci/run too.
      ...(process.env.POSTING_PRE_COMMIT_TEST === "1" ? [] : ["test/pre-commit-framework.test.ts"]),
      // Neovim headless with the language server (needs nvim): its own run in .ci/run too.
      ...(process.env.POSTING_NVIM_TEST === "1" ? [] : ["test/lsp-nvim.test.ts"]),
    ],
    environment: "node",
    // CLI tests spawn the built binary; keep the suite within CI's budget on 2 cores.
    testTimeout: 20_000,
    env: { NO_COLOR: "1", TZ: "UTC" },
    // The developer's locale does not pick the language of the output (test/setup-locale.ts).
    setupFiles: ["test/setup-locale.ts"],
  },
});

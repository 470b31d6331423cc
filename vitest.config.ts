import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // CLI tests spawn the built binary; keep the suite within CI's budget on 2 cores.
    testTimeout: 20_000,
    env: { NO_COLOR: "1", TZ: "UTC" },
  },
});

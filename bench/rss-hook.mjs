// Preloaded (node --import) by bench/run.mjs in one extra run per command: writes the process's
// peak resident memory (worker threads included) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});

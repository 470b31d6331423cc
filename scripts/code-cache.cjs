// Build step (scripts/build.mjs): loads a freshly built bundle as bin/load-cli.js does, runs the
// everyday commands once on the example postings so the code they run is compiled, and writes
// V8's code cache for it next to the bundle (<bundle>.cache).
// Usage: node scripts/code-cache.cjs <bundle> <name it will have> <postings folder>
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { Readable } = require("node:stream");
const { cacheFile, loadCli } = require("../bin/load-cli.js");

const [bundle, filename, postings] = process.argv.slice(2);
const { cli, script } = loadCli(bundle, { useCache: false, filename });
const sink = { write: () => true, isTTY: false };
const io = { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd: process.cwd(), env: { NO_COLOR: "1" } };
const commands = [["lint", postings], ["normalize", "--check", postings], ["list", "--format", "json", postings]];

(async () => {
  for (const args of commands) await cli.run(args, io);
  writeFileSync(`${bundle}.cache`, cacheFile(readFileSync(bundle, "utf8"), script.createCachedData()));
})();

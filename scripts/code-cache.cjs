// Build step (scripts/build.mjs): loads a freshly built bundle as bin/load-cli.js does, runs the
// everyday commands once on the example postings so the code they run is compiled, and writes
// V8's code cache for it next to the bundle (<bundle>.cache). Then it runs the commands that need
// the side bundles worth a cache (the full YAML reader, the glob matchers, diffs, list's table)
// and writes a cache next to each side bundle they loaded. The bundle's own cache is made before
// those: every run reads it, so it holds what everyday runs need, not the rarer paths.
// Usage: node scripts/code-cache.cjs <bundle> <name it will have> <fixtures folder>
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Readable } = require("node:stream");
const { cacheFile, loadCli } = require("../bin/load-cli.js");

const [bundle, filename, fixtures] = process.argv.slice(2);
const { cli, script, sideBundles } = loadCli(bundle, { useCache: false, filename });
const sink = { write: () => true, isTTY: false };
const io = { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd: process.cwd(), env: { NO_COLOR: "1" } };
const postings = join(fixtures, "postings");
// Front matter the fast reader leaves to the full one, read, normalized and shown as diffs (the
// lint scenarios: syntax errors, aliases, tags, block scalars...); a glob; a table. Nothing is written.
const scenarios = join(fixtures, "lint");
const everyday = [["lint", postings], ["normalize", "--check", postings], ["list", "--format", "json", postings]];
const rarer = [["lint", scenarios], ["normalize", scenarios], ["normalize", "--canonical", scenarios], ["lint", join(postings, "*.md")], ["lint", "--ignore-pattern", "*-agile.md", postings], ["list", "--format", "table", postings]];

const writeCache = (file, ran) => writeFileSync(`${file}.cache`, cacheFile(readFileSync(file, "latin1"), ran.createCachedData()));

(async () => {
  for (const args of everyday) await cli.run(args, io);
  writeCache(bundle, script);
  for (const args of rarer) await cli.run(args, io);
  for (const side of sideBundles) writeCache(side.file, side.script);
})();

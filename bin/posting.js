#!/usr/bin/env node
// Thin launcher: all behaviour lives in the bundled CLI (dist/bundle/cli.cjs, built by
// `npm run build`, loaded by load-cli.js); only this file touches process.exitCode. CommonJS
// (bin/package.json): no ES module loader to start, which a one-file `posting lint` would feel.
"use strict";
const { loadCli } = require("./load-cli.js");

const loaded = loadCli();
loaded.cli.main().then((code) => {
  process.exitCode = code;
  // A run that changed V8's heap flags (a large run, core/files/heap.ts) would write caches
  // that V8 refuses under the usual flags: the next run writes them instead.
  if (loaded.cli.heapFlagsChanged()) return;
  for (const bundle of [loaded, ...loaded.sideBundles]) bundle.saveCache?.();
});

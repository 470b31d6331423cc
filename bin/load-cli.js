// Loads the bundled command line (dist/bundle/cli.cjs) with the V8 code cache `npm run build`
// made for it (cli.cjs.cache): compiling the bundle is most of what a one-file `posting lint`
// costs beyond Node's own start, and Node 20 keeps no compile cache of its own. Without the
// cache, or with one this Node's V8 rejects (another V8 version or flags, another source
// length), the bundle compiles as usual. The build makes the cache from this very bundle and
// swaps the two in together (scripts/build.mjs); a bundle newer than its cache (rebuilt some
// other way) is compiled without it, since V8 checks only the source's length.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "bundle", "cli.cjs");

/**
 * Runs the bundle as require() would; `useCache: false` compiles it from source. `filename` is
 * the name it runs under (stack traces, __dirname): the build warms up a bundle in its staging
 * folder under the name it will have once swapped in, which the cache then keeps.
 */
function loadCli(file = BUNDLE, { useCache = true, filename = file } = {}) {
  let cachedData;
  if (useCache) {
    try {
      if (statSync(`${file}.cache`).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(`${file}.cache`);
    } catch {
      // no cache: compiled from source
    }
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, dirname(filename));
  return { cli: module.exports, script };
}

module.exports = { BUNDLE, loadCli };

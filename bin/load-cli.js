// Loads the bundled command line (dist/bundle/cli.cjs) with the V8 code cache `npm run build`
// made for it (cli.cjs.cache): compiling the bundle is most of what a one-file `posting lint`
// costs beyond Node's own start, and Node 20 keeps no compile cache of its own. V8 itself
// rejects a cache made by another version or with other flags, but checks the source only by
// its length; so each build stamps the bundle's first line and the cache's header with the same
// random id, and a cache whose id is not the bundle's is not used. Without a usable cache the
// bundle compiles from source, as require() would.
"use strict";
const { readFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "bundle", "cli.cjs");
/** The bundle's first line is `// posting build <id>`; its cache starts with `posting code cache <id>\n`. */
const BUILD_LINE = "// posting build ";
const CACHE_HEADER = "posting code cache ";

/**
 * Runs the bundle as require() would; `useCache: false` compiles it from source. `filename` is
 * the name it runs under (stack traces, __dirname): the build warms up a bundle in its staging
 * folder under the name it will have once swapped in, which the cache then keeps.
 */
function loadCli(file = BUNDLE, { useCache = true, filename = file } = {}) {
  const source = readFileSync(file, "utf8");
  const cachedData = useCache ? cacheFor(file, source) : undefined;
  const script = new Script(Module.wrap(source), { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, dirname(filename));
  return { cli: module.exports, script };
}

/** The V8 data of `<file>.cache` when it was made for this very build of `source`, else undefined. */
function cacheFor(file, source) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return undefined; // no cache: compiled from source
  }
  const id = buildId(source);
  const header = Buffer.from(`${CACHE_HEADER}${id}\n`);
  if (id === undefined || !cache.subarray(0, header.length).equals(header)) return undefined;
  return cache.subarray(header.length);
}

function buildId(source) {
  if (!source.startsWith(BUILD_LINE)) return undefined;
  const end = source.indexOf("\n");
  return end === -1 ? undefined : source.slice(BUILD_LINE.length, end);
}

/** What the build writes as the cache file: the header with the bundle's id, then V8's data. */
function cacheFile(source, data) {
  return Buffer.concat([Buffer.from(`${CACHE_HEADER}${buildId(source)}\n`), data]);
}

module.exports = { BUNDLE, cacheFile, loadCli };

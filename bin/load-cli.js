// Loads the bundled command line (dist/bundle/cli.cjs) with the V8 code cache `npm run build`
// made for it (cli.cjs.cache): compiling the bundle is most of what a one-file `posting lint`
// costs beyond Node's own start, and Node 20 keeps no compile cache of its own. V8 itself
// rejects a cache made by another version or with other flags, but checks the source only by
// its length; so each build stamps the bundle's first line and the cache's header with the same
// random id, and a cache whose id is not the bundle's is not used. The header also names the V8
// version and architecture the cache was made with: on another Node (22, 24…) V8 would reject it
// after reading it, so it is not given to V8 at all and the bundle is required with Node's own
// compile cache (module.enableCompileCache, Node 22.1+), which keeps one per version. Without
// either the bundle compiles from source, as require() would.
"use strict";
const { readFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "bundle", "cli.cjs");
/** The bundle's first line is `// posting build <id>`; its cache starts with `posting code cache <id> <engine>\n`. */
const BUILD_LINE = "// posting build ";
const CACHE_HEADER = "posting code cache ";
/** What a V8 code cache is bound to besides the source: V8's version and the CPU architecture. */
const ENGINE = `v8-${process.versions.v8}-${process.arch}`;

/**
 * Runs the bundle as require() would; `useCache: false` compiles it from source. `filename` is
 * the name it runs under (stack traces, __dirname): the build warms up a bundle in its staging
 * folder under the name it will have once swapped in, which the cache then keeps.
 * `enableCompileCache` is Node's (tests pass their own): used when the build's cache is not
 * for this engine. `script` is undefined when the bundle was required that way.
 */
function loadCli(file = BUNDLE, { useCache = true, filename = file, enableCompileCache = Module.enableCompileCache } = {}) {
  // The build keeps the bundle ASCII-only (scripts/build.mjs): read as latin1, it is the same
  // text without UTF-8 decoding.
  const source = readFileSync(file, "latin1");
  const cache = useCache ? cacheFor(file, source) : { data: undefined };
  if (cache.data === undefined && useCache && filename === file && typeof enableCompileCache === "function") {
    enableCompileCache();
    return { cli: require(file), script: undefined };
  }
  const script = new Script(Module.wrap(source), { filename, cachedData: cache.data });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, dirname(filename));
  return { cli: module.exports, script };
}

/** The V8 data of `<file>.cache` when it was made for this very build of `source` and this engine, else undefined. */
function cacheFor(file, source) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return { data: undefined }; // no cache: compiled from source
  }
  const id = buildId(source);
  const header = Buffer.from(`${CACHE_HEADER}${id} ${ENGINE}\n`);
  if (id === undefined || !cache.subarray(0, header.length).equals(header)) return { data: undefined };
  return { data: cache.subarray(header.length) };
}

function buildId(source) {
  if (!source.startsWith(BUILD_LINE)) return undefined;
  const end = source.indexOf("\n");
  return end === -1 ? undefined : source.slice(BUILD_LINE.length, end);
}

/** What the build writes as the cache file: the header with the bundle's id, then V8's data. */
function cacheFile(source, data) {
  return Buffer.concat([Buffer.from(`${CACHE_HEADER}${buildId(source)} ${ENGINE}\n`), data]);
}

module.exports = { BUNDLE, cacheFile, loadCli };

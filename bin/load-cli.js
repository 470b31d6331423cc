// Loads the bundled command line (dist/bundle/cli.cjs) with the V8 code cache `npm run build`
// made for it (cli.cjs.cache): compiling the bundle is most of what a one-file `posting lint`
// costs beyond Node's own start, and Node 20 keeps no compile cache of its own. V8 itself
// rejects a cache made by another version or with other flags, but checks the source only by
// its length; so each build stamps the bundle's first line and the cache's header with the same
// random id, and a cache whose id is not the bundle's is not used. The header also names the V8
// version and architecture the cache was made with: on another Node (22, 24…) V8 would reject it
// after reading it, so it is not given to V8 at all. There the first run compiles the bundle from
// source and, once its command is done, writes a cache for its own engine next to the bundle
// (cli.cjs.<engine>.cache, same header), which later runs use as Node 20 uses the build's: made
// after the work, it holds the functions the command ran, which Node's own compile cache
// (made at load) does not. Where the bundle's folder cannot be written, Node's compile cache
// (module.enableCompileCache, Node 22.1+) is used instead; without either the bundle compiles
// from source, as require() would. The cache is code for V8: it is only ever read from the
// bundle's own folder, as trusted as the bundle.
"use strict";
const { accessSync, constants, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
// The CommonJS loader's Module (wrap, createRequire) without node:module's public API, whose
// loading brings the ES module loader and source maps (about 1 ms): that is only needed for
// Node's compile cache, below.
const Module = module.constructor;
const { basename, dirname, join } = require("node:path");
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
 * `enableCompileCache` is Node's (tests pass their own): used when no cache is for this engine
 * and none can be written. `script` is undefined when the bundle was required that way.
 * `saveCache`, when set, writes this engine's cache from what has run so far (the bin calls it
 * once the command is done). `engine` and `writable` (whether a folder can be written) are for tests.
 * `sideBundles` fills as the bundle requires its side bundles (`./<name>.cjs` next to it, see
 * SIDE_BUNDLES in scripts/build.mjs), and as they require theirs: each is loaded the same way,
 * with its own cache, as `{ file, script, saveCache }` (the build writes their caches from it,
 * the bin saves them); `options.sideBundles` is that list, passed down to the side bundles.
 */
function loadCli(file = BUNDLE, options = {}) {
  const { useCache = true, filename = file, engine = ENGINE, writable = canWrite } = options;
  // The build keeps the bundle ASCII-only (scripts/build.mjs): read as latin1, it is the same
  // text without UTF-8 decoding.
  const source = readFileSync(file, "latin1");
  const cache = useCache ? cacheFor(file, source, engine) : { data: undefined };
  const mayWrite = useCache && filename === file && (cache.data === undefined || cache.own) && writable(dirname(file));
  if (cache.data === undefined && useCache && filename === file && !mayWrite) {
    const enableCompileCache = "enableCompileCache" in options ? options.enableCompileCache : require("node:module").enableCompileCache;
    if (typeof enableCompileCache === "function") {
      enableCompileCache();
      return { cli: require(file), script: undefined, sideBundles: [] };
    }
  }
  const script = new Script(Module.wrap(source), { filename, cachedData: cache.data });
  const module = { exports: {} };
  // One list for the bundle and the side bundles it loads, theirs included (tinyglobby.cjs requires picomatch.cjs).
  const sideBundles = options.sideBundles ?? [];
  script.runInThisContext().call(module.exports, module.exports, bundleRequire(file, filename, options, sideBundles), module, filename, dirname(filename));
  const stale = cache.data === undefined || script.cachedDataRejected === true;
  const saveCache = mayWrite && stale ? () => writeEngineCache(file, source, script, engine) : undefined;
  return { cli: module.exports, script, saveCache, sideBundles };
}

/** The exports of each side bundle loaded, by file: one instance per process, as require() keeps one per module. */
const loadedSideBundles = new Map();

/** A side bundle of the build: `./<name>.cjs`, required from a bundle in the same folder. */
const SIDE_BUNDLE = /^\.\/[a-z0-9-]+\.cjs$/;

/**
 * The `require` a bundle runs with: as require() would, except that a side bundle is loaded as
 * its bundle was, with the code cache the build made for it: compiling the full YAML reader
 * (yaml.cjs, 121 kB) from source cost a run that needs it about 8 ms more than reading its
 * cache. Each side bundle is loaded once (its modules are shared, as require() shares them), from
 * the folder of the file read (the build's staging folder) under the name the bundle runs under.
 * A test (test/load-cli.test.ts) may put an array at `globalThis.__postingSideBundles` to see
 * which side bundles a run loaded.
 */
function bundleRequire(file, filename, options, sideBundles) {
  const plain = Module.createRequire(filename);
  const bundleRequire = (id) => {
    if (typeof id !== "string" || !SIDE_BUNDLE.test(id)) return plain(id);
    const sideFile = join(dirname(file), id);
    let exports = loadedSideBundles.get(sideFile);
    if (exports === undefined) {
      globalThis.__postingSideBundles?.push(id.slice(2));
      const side = loadCli(sideFile, { ...options, filename: join(dirname(filename), id), sideBundles });
      sideBundles.push({ file: sideFile, script: side.script, saveCache: side.saveCache });
      loadedSideBundles.set(sideFile, (exports = side.cli));
    }
    return exports;
  };
  return Object.assign(bundleRequire, { resolve: plain.resolve, cache: plain.cache, main: plain.main, extensions: plain.extensions });
}

/** The build's cache for this engine, else the one a run wrote for it (`own`), else no data. */
function cacheFor(file, source, engine) {
  const id = buildId(source);
  if (id === undefined) return { data: undefined };
  const header = Buffer.from(`${CACHE_HEADER}${id} ${engine}\n`);
  for (const [path, own] of [[`${file}.cache`, false], [engineCachePath(file, engine), true]]) {
    let cache;
    try {
      cache = readFileSync(path);
    } catch {
      continue; // no such cache
    }
    if (cache.subarray(0, header.length).equals(header)) return { data: cache.subarray(header.length), own };
  }
  return { data: undefined };
}

function engineCachePath(file, engine) {
  return `${file}.${engine}.cache`;
}

function canWrite(folder) {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `<file>.<engine>.cache` as the project writes every file: a temporary file in the same
 * folder, then a rename, so a reader finds the old cache, the new one or none. A temporary file
 * a killed run left is removed by the next write. Any failure leaves things as they were: the
 * cache only saves time.
 */
function writeEngineCache(file, source, script, engine) {
  const target = engineCachePath(file, engine);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    removeLeftovers(dirname(file), `${basename(target)}.tmp-`);
    writeFileSync(temp, cacheFile(source, script.createCachedData(), engine), { flag: "wx", mode: 0o644 });
    renameSync(temp, target);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** Temporary files of earlier writes (older than a minute: not a concurrent run's). */
function removeLeftovers(folder, prefix) {
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(folder, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
    } catch {}
  }
}

function buildId(source) {
  if (!source.startsWith(BUILD_LINE)) return undefined;
  const end = source.indexOf("\n");
  return end === -1 ? undefined : source.slice(BUILD_LINE.length, end);
}

/** What the build writes as the cache file: the header with the bundle's id, then V8's data. */
function cacheFile(source, data, engine = ENGINE) {
  return Buffer.concat([Buffer.from(`${CACHE_HEADER}${buildId(source)} ${engine}\n`), data]);
}

module.exports = { BUNDLE, cacheFile, loadCli };

// `npm run build`: (1) regenerate the precompiled schema validator, (2) tsc for the library API
// (dist/*.js + .d.ts, one file per module), (3) esbuild for the command line: dist/bundle/cli.cjs
// and its worker script, each one CommonJS file, and V8's code cache for cli.cjs (bin/load-cli.js).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (...parts) => join(root, ...parts);
const requireAtBuild = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(at("package.json"), "utf8")).version;

export const GENERATED_VALIDATOR = at("src/generated/posting-validator.js");

/** Build src/core/schema/validator-codegen.ts on the fly and return its module. */
export async function loadCodegen() {
  const outfile = at("node_modules/.cache/posting-build/validator-codegen.mjs");
  await build({
    entryPoints: [at("src/core/schema/validator-codegen.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

async function generateValidator() {
  const { validatorModuleSource } = await loadCodegen();
  const source = validatorModuleSource({
    posting: readFileSync(at("schemas/posting.schema.json"), "utf8"),
    config: readFileSync(at("schemas/config.schema.json"), "utf8"),
  });
  let current = "";
  try {
    current = readFileSync(GENERATED_VALIDATOR, "utf8");
  } catch {}
  if (current !== source) {
    writeFileSync(GENERATED_VALIDATOR, source);
    console.log("build: regenerated src/generated/posting-validator.js");
  }
}

function compileLibrary() {
  execFileSync(process.execPath, [at("node_modules/typescript/bin/tsc"), "-p", at("tsconfig.build.json")], { stdio: "inherit" });
  // tsc does not copy plain JavaScript: the generated validator and its types go next to the rest.
  mkdirSync(at("dist/generated"), { recursive: true });
  for (const name of ["posting-validator.js", "posting-validator.d.ts"]) copyFileSync(at("src/generated", name), at("dist/generated", name));
}

/**
 * Parts of the command line few runs need, each built as its own bundle next to cli.cjs (and
 * worker.cjs): the name of that bundle, its entry, and the import that leads to it, a package
 * name or a source file. Every import of it from another bundle is left as a require() of
 * `./<name>.cjs`, which esbuild places where the importing module first runs (a dynamic import(),
 * or the module's own start): `posting lint` neither reads nor compiles them. The sources import
 * them as usual, so the library build (tsc, dist/*.js) is unchanged. A side bundle keeps its own
 * copy of what it imports: only packages, or code that keeps no state the rest shares (lsp.cjs
 * is the whole language server).
 */
const SIDE_BUNDLES = {
  // `posting lsp`: vscode-languageserver and the server (src/commands/lsp.ts).
  lsp: { entry: at("src/lsp/server.ts"), imported: at("src/lsp/server.ts") },
  // The terminal questions of `posting new` and `init` (src/prompter-inquirer.ts), with the
  // external editor's chardet and iconv-lite: about a third of everything bundled.
  inquirer: { entry: "@inquirer/prompts", imported: "@inquirer/prompts" },
  // `posting list`'s table (src/reporters/list-table.ts), with @colors/colors.
  "cli-table3": { entry: "cli-table3", imported: "cli-table3" },
  // The diffs of normalize, set and close.
  diff: { entry: "diff", imported: "diff" },
  // The full YAML reader, for front matter the fast reader leaves to it and normalize's rewrites
  // (required on first use: LAZY_PACKAGES).
  yaml: { entry: "yaml", imported: "yaml" },
  // Glob inputs and ignore patterns (src/core/files/targets.ts), each with its own picomatch.
  picomatch: { entry: "picomatch", imported: "picomatch" },
  tinyglobby: { entry: "tinyglobby", imported: "tinyglobby" },
};

/** esbuild plugin: an import of a side bundle's entry, from any other bundle, requires that bundle instead. */
const sideBundles = {
  name: "side-bundles",
  setup(build) {
    const byImport = new Map(Object.entries(SIDE_BUNDLES).map(([name, { imported }]) => [imported, name]));
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const name = byImport.get(args.path) ?? byImport.get(join(args.resolveDir, args.path).replace(/\.js$/, ".ts"));
      return name === undefined ? undefined : { path: `./${name}.cjs`, external: true };
    });
  },
};

/**
 * Packages that most runs never use, though modules every run loads import them: each is
 * required on first use instead. `yaml` (a side bundle, yaml.cjs: 121 kB minified, 72 modules) is the
 * full YAML reader, needed only for front matter the fast reader (src/core/read/simple-yaml.ts)
 * leaves to it, and by normalize's rewrites.
 */
const LAZY_PACKAGES = ["yaml"];

/**
 * esbuild plugin: each of the LAZY_PACKAGES is imported through a CommonJS stand-in whose exports
 * are getters that require the real package (its side bundle, or the bundled package) on first
 * access; this plugin comes before the side bundles' so that their require is the stand-in's.
 * An import of a CommonJS module reads its exports where they are used, so `new LineCounter()`, `Scalar.PLAIN`,
 * `isMap(node)` and `instanceof` all reach the real package's values; nothing runs before then.
 */
const lazyPackages = {
  name: "lazy-packages",
  setup(build) {
    const names = new RegExp(`^(?:${LAZY_PACKAGES.join("|")})$`);
    build.onResolve({ filter: names }, (args) => (args.namespace === "lazy-package" || args.kind === "entry-point" ? undefined : { path: args.path, namespace: "lazy-package" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => {
      const keys = Object.keys(requireAtBuild(args.path)).filter((key) => key !== "default" && key !== "__esModule");
      const contents = [
        `let real;`,
        // A test (test/load-cli.test.ts) may put an array there to see which packages a run loaded.
        `const load = () => (real ??= (globalThis.__postingLazyPackages?.push(${JSON.stringify(args.path)}), require(${JSON.stringify(args.path)})));`,
        `for (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { get: () => load()[key], enumerable: true });`,
        "",
      ].join("\n");
      return { contents, loader: "js", resolveDir: root };
    });
  },
};

/**
 * Node modules whose loading lint never needs, though modules it runs import them: each is
 * required on first use instead (commander's child_process, for subcommands run as separate
 * executables, brings net, dgram and streams: some 5 ms; fs/promises brings readline and streams,
 * for the async reads and writes a one-file lint never does; os, for the worker count and the
 * home folder, 1 ms; module, for createRequire, brings the ES module loader and source maps).
 */
const LAZY_BUILTINS = ["child_process", "fs/promises", "os", "module"];

/**
 * esbuild plugin: the LAZY_BUILTINS, each bundled as stand-ins that require the real module on
 * the first call of one of its functions (or first read of a property of its default export);
 * and `process` as the global.
 */
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    const names = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.map((name) => name.replace("/", "\\/")).join("|")})$`);
    build.onResolve({ filter: names }, (args) =>
      args.namespace === "lazy-builtin" ? { path: args.path, external: true } : { path: `node:${args.path.replace(/^node:/, "")}`, namespace: "lazy-builtin" },
    );
    // An ES module exporting a stand-in for each of the module's functions (a class or a value
    // imported from it fails the build: it would need the real module at once).
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => {
      const real = requireAtBuild(args.path);
      const functions = Object.keys(real).filter((key) => /^[a-z]\w*$/.test(key) && typeof real[key] === "function");
      const standIns = functions.map((key) => `export function ${key}(...args) { return load().${key}(...args); }`);
      // `import os from "node:os"` (a prompt's editor): the module's every export, read from the real one when used.
      const whole = `const whole = {}; for (const key of ${JSON.stringify(Object.keys(real))}) Object.defineProperty(whole, key, { get: () => load()[key], enumerable: true });`;
      return { contents: [`let real;`, `const load = () => (real ??= require(${JSON.stringify(args.path)}));`, ...standIns, whole, "export default whole;", ""].join("\n"), loader: "js" };
    });
    // `require("process")` (commander, yaml) is the global process, without loading the module.
    build.onResolve({ filter: /^(?:node:)?process$/ }, (args) => ({ path: args.path, namespace: "global-process" }));
    build.onLoad({ filter: /.*/, namespace: "global-process" }, () => ({ contents: "module.exports = process;\n", loader: "js" }));
  },
};

async function bundleCli() {
  // Built aside, then swapped in: a CLI started meanwhile finds the old bundle or the new one.
  const staging = at("dist/bundle.new");
  rmSync(staging, { recursive: true, force: true });
  // One CommonJS file per entry, not ES modules split per command: a script V8 can keep a code
  // cache for (see bin/load-cli.js). What each command needs still runs only when the command
  // does (esbuild evaluates modules reached by import() on first use).
  await build({
    entryPoints: { cli: at("src/cli.ts"), worker: at("src/worker.ts"), ...Object.fromEntries(Object.entries(SIDE_BUNDLES).map(([name, { entry }]) => [name, entry])) },
    outdir: staging, // package files (schemas/, templates/) are found from here by src/core/paths.ts
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    define: {
      __POSTING_VERSION__: JSON.stringify(version),
      __POSTING_WORKER_FILE__: JSON.stringify("worker.cjs"),
      // The sources find their own folder with import.meta.dirname/filename (Node 20.11+): in a
      // CommonJS file they are __dirname/__filename, with no file URL to build at start-up.
      "import.meta.dirname": "__dirname",
      "import.meta.filename": "__filename",
      // Dependencies that ask for import.meta.url (tinyglobby's fdir) get it when they do.
      "import.meta.url": "__postingImportMeta.url",
    },
    // The first line stamps this build for its code cache (bin/load-cli.js).
    banner: { js: `// posting build ${randomBytes(8).toString("hex")}\nconst __postingImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };` },
    legalComments: "none",
    // Less to read at every start, for V8 to scan when a function first runs, and in its code
    // cache (every top-level name is a string there): whitespace and names minified, 888 -> 499 kB,
    // a one-file lint 174 -> 162 million instructions. Stack traces of an internal error then
    // name minified functions, at a line and column of the bundle of that version. (keepNames
    // would cost the whole gain: one call per function at every start.) POSTING_BUILD_NAMES=1
    // keeps the names, for a CPU profile that names them.
    minifyWhitespace: true,
    minifyIdentifiers: process.env.POSTING_BUILD_NAMES !== "1",
    logLevel: "warning",
    // import() of a side bundle as require(): the bundle runs in a vm.Script (bin/load-cli.js),
    // which has no ES module loader to import with.
    // Regular expressions with \p{…} left as literals (esbuild would write each as new RegExp(…),
    // made again, with its Unicode table, every time the code around it runs).
    supported: { "dynamic-import": false, "regexp-unicode-property-escapes": true },
    plugins: [lazyPackages, sideBundles, lazyBuiltins],
  });
  for (const name of readdirSync(staging)) asciiOnly(join(staging, name));
  // V8's code caches for the bundle and the side bundles worth one, made from them in the
  // staging folder so that each always matches its bundle.
  execFileSync(process.execPath, [at("scripts/code-cache.cjs"), join(staging, "cli.cjs"), at("dist/bundle/cli.cjs"), at("fixtures")], { stdio: "inherit" });
  rmSync(at("dist/bundle.old"), { recursive: true, force: true });
  try {
    renameSync(at("dist/bundle"), at("dist/bundle.old"));
  } catch {}
  renameSync(staging, at("dist/bundle"));
  rmSync(at("dist/bundle.old"), { recursive: true, force: true });
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in comments and regular
 * expressions; one such character makes Node decode the whole 2 MB bundle on its slow path (about
 * 15 ms of every start) and hold it as a two-byte string. Each is written as its \u escape, which
 * means the same in a comment, a string, a template or a regular expression class.
 */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8");
  if (/[\u{10000}-\u{10FFFF}]/u.test(text) || /String\.raw`/.test(text)) throw new Error(`${file}: a character outside the BMP or String.raw: cannot escape it safely`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const only = process.argv[2];
  if (!only || only === "validator") await generateValidator();
  if (!only || only === "library") compileLibrary();
  if (!only || only === "bundle") await bundleCli();
}

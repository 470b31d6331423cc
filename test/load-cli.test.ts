// bin/load-cli.js: the bundle runs with the code cache made for its own build, and with none
// otherwise (another build's cache, garbage): V8 would accept a cache for a different source of
// the same length, so the build id is what keeps a stale cache out.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { BUNDLE, loadCli } = createRequire(import.meta.url)("../bin/load-cli.js") as {
  BUNDLE: string;
  loadCli: (
    file?: string,
    options?: { useCache?: boolean; filename?: string; enableCompileCache?: () => unknown; engine?: string; writable?: (folder: string) => boolean },
  ) => { cli: { run: unknown }; script: { cachedDataRejected?: boolean } | undefined; saveCache?: () => void; sideBundles: SideBundle[] };
};
type SideBundle = { file: string; script: { cachedDataRejected?: boolean } | undefined; saveCache?: () => void };
type Run = (argv: string[], io: unknown) => Promise<number>;

let dir: string;
beforeAll(() => {
  if (!existsSync(`${BUNDLE}.cache`)) spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), "posting-load-cli-"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the built bundle (and its cache, changed by `editCache`) in a folder of its own. */
function copyWithCache(editCache: (cache: Buffer) => Buffer): string {
  const file = join(mkdtempSync(join(dir, "b-")), "cli.cjs");
  copyFileSync(BUNDLE, file);
  writeFileSync(`${file}.cache`, editCache(readFileSync(`${BUNDLE}.cache`)));
  return file;
}

function quietIo() {
  const sink = { write: () => true, isTTY: false };
  return { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd: ROOT, env: { NO_COLOR: "1" } };
}

/** A copy of the package's run-time files, so its cache can be changed without touching dist/. */
function packageCopy(): string {
  const root = mkdtempSync(join(dir, "pkg-"));
  for (const part of ["bin", "dist/bundle", "schemas", "templates"]) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  copyFileSync(join(ROOT, "package.json"), join(root, "package.json"));
  return root;
}

describe("bin/load-cli.js", () => {
  it("the bundles are pure ASCII (the loader reads them as latin1: one-byte strings, no decoding)", () => {
    const names = readdirSync(join(ROOT, "dist", "bundle")).filter((name) => name.endsWith(".cjs"));
    expect(names).toEqual(expect.arrayContaining(["cli.cjs", "worker.cjs", "lsp.cjs", "inquirer.cjs"]));
    for (const name of names) {
      const bytes = readFileSync(join(ROOT, "dist", "bundle", name));
      expect(bytes.findIndex((b) => b >= 0x80), name).toBe(-1);
    }
  });

  it("a one-file lint loads neither a side bundle, nor the yaml package, nor the Node modules it never uses, writing to a file, a pipe or a socket", () => {
    // Recorded as the process exits: the Node modules loaded, the files required (side bundles)
    // and the lazily bundled packages evaluated (scripts/build.mjs, LAZY_PACKAGES).
    const recorder = join(dir, "record-loads.cjs");
    const record = join(dir, "loads.json");
    writeFileSync(
      recorder,
      `globalThis.__postingLazyPackages = [];\nglobalThis.__postingSideBundles = [];\nprocess.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache), packages: globalThis.__postingLazyPackages, sideBundles: globalThis.__postingSideBundles })));\n`,
    );
    const lint = [process.execPath, "--require", recorder, join(ROOT, "bin", "posting.js"), "lint", join(ROOT, "fixtures", "postings", "2026-03-09-coach-agile.md")];
    const env = { ...process.env, NO_COLOR: "1" };
    const output = join(dir, "lint-output.txt");
    const outputs: Record<string, () => string> = {
      file: () => {
        const fd = openSync(output, "w");
        spawnSync(lint[0]!, lint.slice(1), { cwd: ROOT, stdio: ["ignore", fd, fd], env });
        closeSync(fd);
        return readFileSync(output, "utf8");
      },
      // A shell's pipe (a FIFO), as pre-commit and `posting lint | less` give.
      pipe: () => spawnSync("sh", ["-c", `${lint.map((arg) => `'${arg}'`).join(" ")} | cat`], { cwd: ROOT, env, encoding: "utf8" }).stdout,
      // What Node's own child processes get.
      socket: () => spawnSync(lint[0]!, lint.slice(1), { cwd: ROOT, env, encoding: "utf8" }).stdout,
    };
    for (const [kind, run] of Object.entries(outputs)) {
      rmSync(record, { force: true }); // a run that died before exit leaves no record to pass on
      expect(run(), kind).toContain("UNKNOWN_KEY");
      const { builtins, files, packages, sideBundles } = JSON.parse(readFileSync(record, "utf8")) as { builtins: string[]; files: string[]; packages: string[]; sideBundles: string[] };
      // net, tty and stream are what process.stdout itself would load (src/standard-streams.ts).
      for (const name of ["child_process", "fs/promises", "tty", "readline", "net", "os", "module", "string_decoder", "internal/fs/sync_write_stream", "internal/streams/writable"]) {
        expect(builtins, `${kind}: ${name}`).not.toContain(`NativeModule ${name}`);
      }
      expect(files.filter((file) => file.startsWith(join(ROOT, "dist")))).toEqual([]);
      expect(sideBundles, kind).toEqual([]);
      expect(packages, kind).toEqual([]);
    }
    // Front matter the fast reader leaves to the full one does load it (so the record above is real).
    const blockScalar = join(dir, "2026-03-09-block-scalar.md");
    writeFileSync(blockScalar, "---\ntitle: |\n  Coach agile\n---\n\nBody.\n");
    rmSync(record, { force: true });
    spawnSync(lint[0]!, [...lint.slice(1, -1), blockScalar], { cwd: ROOT, env, stdio: "ignore" });
    const loads = JSON.parse(readFileSync(record, "utf8")) as { files: string[]; packages: string[]; sideBundles: string[] };
    expect(loads.packages).toEqual(["yaml"]);
    // Loaded by bin/load-cli.js with its code cache, not by require().
    expect(loads.sideBundles).toEqual(["yaml.cjs"]);
    expect(loads.files.filter((file) => file.startsWith(join(ROOT, "dist")))).toEqual([]);
  });

  it("gives a bundle a require that loads each side bundle next to it once, shared by every place that requires it", () => {
    const folder = mkdtempSync(join(dir, "side-"));
    const stamp = "// posting build 0123456789abcdef\n";
    writeFileSync(join(folder, "main.cjs"), `${stamp}module.exports = { a: require("./side.cjs"), b: require("./side.cjs"), sep: require("node:path").sep, resolved: require.resolve("./side.cjs") };\n`);
    writeFileSync(join(folder, "side.cjs"), `${stamp}module.exports = { made: Symbol("side"), dir: __dirname, nested: require("./nested.cjs") };\n`);
    writeFileSync(join(folder, "nested.cjs"), `${stamp}module.exports = { nested: true };\n`);
    const loaded = loadCli(join(folder, "main.cjs"), { writable: () => false, enableCompileCache: undefined as never });
    const exports = loaded.cli as unknown as { a: { made: symbol; dir: string }; b: unknown; sep: string; resolved: string };
    expect(exports.a).toBe(exports.b);
    expect(exports.a.dir).toBe(folder);
    expect(exports.sep).toBe("/");
    expect(exports.resolved).toBe(join(folder, "side.cjs"));
    expect((exports.a as unknown as { nested: unknown }).nested).toEqual({ nested: true });
    // A side bundle's own side bundles are listed with the bundle's (the build writes their caches from this list).
    expect(loaded.sideBundles.map((side) => side.file)).toEqual([join(folder, "nested.cjs"), join(folder, "side.cjs")]);
  });

  it("the build made a cache for each side bundle its warm-up loads, those loaded by another side bundle too", () => {
    for (const name of ["yaml", "diff", "tinyglobby", "picomatch", "cli-table3"]) {
      const cache = readFileSync(join(ROOT, "dist", "bundle", `${name}.cjs.cache`));
      const source = readFileSync(join(ROOT, "dist", "bundle", `${name}.cjs`), "latin1");
      const id = source.slice("// posting build ".length, source.indexOf("\n"));
      expect(cache.subarray(0, cache.indexOf(10)).toString("latin1"), name).toBe(`posting code cache ${id} v8-${process.versions.v8}-${process.arch}`);
    }
  });

  it("loads a side bundle with the cache the build made for it, and one stamped for another build without it", async () => {
    // Front matter with a tag: the fast reader leaves it to the full YAML reader (yaml.cjs).
    const tagged = join(ROOT, "fixtures", "lint", "yaml-tags", "posting.md");
    const { cli, sideBundles } = loadCli();
    expect(sideBundles).toEqual([]);
    await (cli.run as Run)(["lint", tagged, tagged], quietIo());
    await (cli.run as Run)(["lint", tagged], quietIo());
    expect(sideBundles.map((side) => side.file)).toEqual([join(ROOT, "dist", "bundle", "yaml.cjs")]);
    expect(sideBundles[0]!.script!.cachedDataRejected).toBe(false);
    expect(sideBundles[0]!.saveCache).toBeUndefined();
    // The same V8 data under another build's header is not given to V8; the findings are the same.
    const root = packageCopy();
    const yamlCache = join(root, "dist", "bundle", "yaml.cjs.cache");
    const built = readFileSync(yamlCache);
    const header = built.subarray(0, built.indexOf(10)).toString("latin1");
    writeFileSync(yamlCache, Buffer.concat([Buffer.from(`${header.replace(/[0-9a-f]{16}/, "0000000000000000")}\n`), built.subarray(built.indexOf(10) + 1)]));
    const other = loadCli(join(root, "dist", "bundle", "cli.cjs"));
    const outputs = [cli, other.cli].map(async (each) => {
      const lines: string[] = [];
      const io = { ...quietIo(), stdout: { write: (text: string) => lines.push(text) > 0, isTTY: false } };
      return { code: await (each.run as Run)(["lint", tagged], io), output: lines.join("") };
    });
    const [withCache, without] = await Promise.all(outputs);
    expect(withCache!.output).toContain("YAML_TAG");
    expect(without).toEqual(withCache);
    expect(other.sideBundles.map((side) => side.script!.cachedDataRejected)).toEqual([undefined]);
  });

  it("uses the cache the build made for the bundle", () => {
    const { cli, script } = loadCli();
    expect(typeof cli.run).toBe("function");
    expect(script!.cachedDataRejected).toBe(false);
  });

  it("ignores a cache stamped for another build, and one that is not a cache at all", () => {
    // The same V8 data under another build's header: V8 alone would take it (same length).
    const otherBuild = copyWithCache((cache) => Buffer.concat([Buffer.from("posting code cache 0000000000000000\n"), cache.subarray(cache.indexOf(10) + 1)]));
    const garbage = copyWithCache(() => Buffer.from("not a cache\n\u0000\u0001"));
    for (const file of [otherBuild, garbage]) {
      // Run under the real bundle's name, so it finds the package's files from there.
      const { cli, script } = loadCli(file, { filename: BUNDLE });
      expect(typeof cli.run).toBe("function");
      expect(script!.cachedDataRejected).toBeUndefined(); // compiled from source, no cache given to V8
    }
  });

  it("does not give V8 a cache made by another V8 version or architecture; requires the bundle with Node's compile cache where there is one", () => {
    const header = (cache: Buffer) => cache.subarray(0, cache.indexOf(10)).toString("latin1");
    const built = readFileSync(`${BUNDLE}.cache`);
    expect(header(built)).toMatch(new RegExp(`^posting code cache [0-9a-f]{16} v8-${process.versions.v8.replace(/[.+]/g, "\\$&")}-${process.arch}$`));
    const otherEngine = (cache: Buffer) => Buffer.concat([Buffer.from(`${header(cache).replace(/ v8-.*$/, " v8-0.0.0-other")}\n`), cache.subarray(cache.indexOf(10) + 1)]);
    const file = copyWithCache(otherEngine);
    const readOnly = () => false;
    // Node 20 has no module.enableCompileCache: compiled from source, the cache never handed to V8.
    const plain = loadCli(file, { filename: BUNDLE, enableCompileCache: undefined as never, writable: readOnly });
    expect(typeof plain.cli.run).toBe("function");
    expect(plain.script!.cachedDataRejected).toBeUndefined();
    expect(plain.saveCache).toBeUndefined();
    // Where Node has one (22.1+) and the bundle's folder cannot be written, it is turned on and the bundle required under its own name.
    const copied = join(packageCopy(), "dist", "bundle", "cli.cjs");
    writeFileSync(`${copied}.cache`, otherEngine(built));
    let enabled = 0;
    const required = loadCli(copied, { enableCompileCache: () => enabled++, writable: readOnly });
    expect(enabled).toBe(1);
    expect(required.script).toBeUndefined();
    expect(typeof required.cli.run).toBe("function");
  });

  it("on another engine, the first run writes that engine's cache next to the bundle (atomically) and later runs use it", async () => {
    const copied = join(packageCopy(), "dist", "bundle", "cli.cjs");
    const engine = "v8-0.0.0-test";
    const own = `${copied}.${engine}.cache`;
    const leftover = `${own}.tmp-1`;
    writeFileSync(leftover, "a killed run's");
    utimesSync(leftover, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    let enabled = 0;
    const first = loadCli(copied, { engine, enableCompileCache: () => enabled++ });
    expect(enabled).toBe(0); // compiled here, so that the cache can be made from it
    expect(first.script!.cachedDataRejected).toBeUndefined();
    expect(existsSync(own)).toBe(false);
    // A posting for the full YAML reader: its side bundle gets an engine cache of its own too.
    await (first.cli.run as Run)(["lint", join(ROOT, "fixtures", "lint", "yaml-tags", "posting.md")], quietIo());
    expect(first.sideBundles.map((side) => side.script!.cachedDataRejected)).toEqual([undefined]);
    first.saveCache!();
    first.sideBundles[0]!.saveCache!();
    const sideWritten = readFileSync(`${join(copied, "..", "yaml.cjs")}.${engine}.cache`);
    expect(sideWritten.subarray(0, sideWritten.indexOf(10)).toString("latin1")).toMatch(new RegExp(`^posting code cache [0-9a-f]{16} ${engine}$`));
    const written = readFileSync(own);
    expect(written.subarray(0, written.indexOf(10)).toString("latin1")).toMatch(new RegExp(`^posting code cache [0-9a-f]{16} ${engine}$`));
    expect(readdirSync(join(copied, "..")).filter((name) => name.includes(".tmp-"))).toEqual([]); // no temporary file, the old one removed
    // The next run finds it; V8 takes it (made under this very V8), and nothing is left to write.
    const second = loadCli(copied, { engine });
    expect(second.script!.cachedDataRejected).toBe(false);
    expect(second.saveCache).toBeUndefined();
    // The side bundle too (loaded here on its own: this process already holds its first instance).
    const side = loadCli(join(copied, "..", "yaml.cjs"), { engine });
    expect([side.script!.cachedDataRejected, side.saveCache]).toEqual([false, undefined]);
    // The build's cache still comes first for the engine it was made for.
    const built = loadCli(copied);
    expect(built.script!.cachedDataRejected).toBe(false);
    expect(built.saveCache).toBeUndefined();
  });

  it("the bin gives the same output and exit code with the build's cache, another engine's, another build's and none", () => {
    const root = packageCopy();
    const cacheFile = join(root, "dist", "bundle", "cli.cjs.cache");
    const built = readFileSync(cacheFile);
    const firstLine = built.subarray(0, built.indexOf(10)).toString("latin1");
    const rest = built.subarray(built.indexOf(10) + 1);
    const run = () => spawnSync(process.execPath, [join(root, "bin", "posting.js"), "lint", join(ROOT, "fixtures", "postings")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const expected = run();
    expect(expected.status).toBe(1);
    expect(expected.stdout).toContain("UNKNOWN_KEY");
    const variants = [
      Buffer.concat([Buffer.from(`${firstLine.replace(/ v8-.*$/, " v8-0.0.0-other")}\n`), rest]),
      Buffer.concat([Buffer.from(`${firstLine.replace(/[0-9a-f]{16}/, "0000000000000000")}\n`), rest]),
      undefined,
    ];
    for (const variant of variants) {
      if (variant) writeFileSync(cacheFile, variant);
      else rmSync(cacheFile);
      const r = run();
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
    }
  });
});

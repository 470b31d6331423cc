// `npm run bench`: for 1 / 542 / 10,000 (and with --full, 100,000) generated postings, the
// median wall time of each posting command next to three floors (`node -e 0`, a Node script that
// only reads the files, one that reads, splits, parses with js-yaml and runs one ajv validator)
// and a hand-written gray-matter + ajv script, all timed in the same run, interleaved, with peak
// memory and ratios. `--other <checkout>` adds the same posting commands run from another built
// checkout (before/after in one run). Prints Markdown (bench/RESULTS.md keeps a copy).
// Usage: node bench/run.mjs [--quick] [--full] [--runs N] [--sizes 1,542,10000] [--other DIR] [--node PATH]
//   --quick: 1 and 542 postings, 3 runs each (seconds); BENCH_FULL=1 = --full
//   --node: run every row with another Node binary (Node 22, 24: their compile cache is filled by
//   an untimed first run of each command, as a user's second run finds it)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, freemem, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCollection } from "./generate.mjs";

const { values: args } = parseArgs({
  options: {
    full: { type: "boolean", default: process.env.BENCH_FULL === "1" },
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    sizes: { type: "string" },
    other: { type: "string" },
    node: { type: "string" },
  },
});
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const HOOK = join(ROOT, "bench", "rss-hook.mjs");
const OTHER = args.other ? resolve(args.other) : undefined;
const NODE = args.node ? resolve(args.node) : process.execPath;
const NODE_VERSION = args.node ? spawnSync(NODE, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^v/, "") : process.versions.node;
const sizes = args.sizes ? args.sizes.split(",").map(Number) : args.quick ? [1, 542] : [1, 542, 10_000, ...(args.full ? [100_000] : [])];
const runsFor = (n) => Number(args.runs ?? (args.quick ? 3 : n >= 100_000 ? 3 : n >= 10_000 ? 5 : 9));

/** The commands, each run in the collection's folder with the collection as `dir`. */
function commands(dir, cacheFile) {
  const node = NODE;
  const posting = (bin, label, cache) => [
    { name: `${label}lint`, argv: [node, bin, "lint", dir], lint: label === "" },
    { name: `${label}lint --cache (unchanged)`, argv: [node, bin, "lint", "--cache", "--cache-location", cache, dir] },
    { name: `${label}normalize --check`, argv: [node, bin, "normalize", "--check", dir] },
    { name: `${label}list --format json`, argv: [node, bin, "list", "--format", "json", dir] },
  ];
  return [
    { name: "node -e 0", argv: [node, "-e", "0"], floor: "node" },
    { name: "read every file (Node)", argv: [node, join(ROOT, "bench/baselines/read.mjs"), dir], floor: "read" },
    { name: "floor: read + split + js-yaml + ajv", argv: [node, join(ROOT, "bench/baselines/floor.mjs"), dir], floor: "floor" },
    { name: "gray-matter + ajv (hand-written)", argv: [node, join(ROOT, "bench/baselines/gray-matter-ajv.mjs"), dir], floor: "script" },
    ...posting(BIN, "", cacheFile).map((c) => ({ ...c, name: `posting ${c.name}` })),
    ...(OTHER ? posting(join(OTHER, "bin", "posting.js"), "other: ", `${cacheFile}-other`) : []),
  ];
}

// As on a user's machine: a CA bundle set for this workplace makes every Node start slower.
const USER_ENV = { ...process.env };
delete USER_ENV.NODE_EXTRA_CA_CERTS;

function once(argv, cwd, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: "ignore", env: { ...USER_ENV, NO_COLOR: "1", ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} exited with ${r.status ?? r.signal}`);
  return seconds;
}

function peakRss(argv, cwd) {
  const file = join(tmpdir(), `posting-bench-rss-${process.pid}`);
  once([argv[0], "--import", HOOK, ...argv.slice(1)], cwd, { BENCH_RSS_FILE: file });
  const bytes = Number(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  return bytes;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => (s < 10 ? s.toFixed(3) : s.toFixed(1));

function benchSize(n) {
  const dir = mkdtempSync(join(tmpdir(), `posting-bench-${n}-`));
  const content = join(dir, "content");
  const started = Date.now();
  generateCollection(content, n);
  const target = n === 1 ? join(content, "batch-000", readFirst(content)) : "content";
  const list = commands(target, join(dir, ".posting-cache"));
  // Untimed first runs: they fill posting's cache (the --cache row), Node's compile cache (22+) and the page cache.
  for (const c of list) once(c.argv, dir);
  const times = new Map(list.map((c) => [c.name, []]));
  for (let run = 0; run < runsFor(n); run++) for (const c of list) times.get(c.name).push(once(c.argv, dir));
  const rows = list.map((c) => ({ name: c.name, seconds: median(times.get(c.name)), rss: peakRss(c.argv, dir), floor: c.floor, lint: c.lint }));
  rmSync(dir, { recursive: true, force: true });
  const base = (floor) => rows.find((r) => r.floor === floor).seconds;
  const [node, read, floor, script] = ["node", "read", "floor", "script"].map(base);
  const lint = rows.find((r) => r.lint).seconds;
  const ratio = (a, b) => (a / b).toFixed(2);
  const lines = [
    `### ${n.toLocaleString("en")} posting${n === 1 ? "" : "s"} (median of ${runsFor(n)} runs; generated, timed and cleaned in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    "",
    "| command | median wall time | peak RSS | × `node -e 0` | × read floor | × floor | × script | × lint |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.seconds)} s | ${(r.rss / 2 ** 20).toFixed(0)} MB | ${ratio(r.seconds, node)} | ${ratio(r.seconds, read)} | ${ratio(r.seconds, floor)} | ${ratio(r.seconds, script)} | ${ratio(r.seconds, lint)} |`),
    "",
  ];
  return lines.join("\n");
}

function readFirst(content) {
  return spawnSync("ls", [join(content, "batch-000")], { encoding: "utf8" }).stdout.split("\n")[0];
}

const cpu = cpus();
console.log(`## posting bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC\n`);
console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free), ${platform()} ${release()}, Node ${NODE_VERSION}.`);
console.log("Postings from bench/generate.mjs (fixtures: 75% example postings, 15% valid and 10% invalid lint scenarios). `lint --cache` is a re-run on the unchanged collection. The floor is walk + read + split + js-yaml + one ajv validator; the script is gray-matter + ajv, written by hand.");
if (OTHER) console.log(`Rows \`other:\` run the build in ${OTHER}.`);
console.log("");
for (const n of sizes) console.log(benchSize(n));

// `node bench/compare.mjs <other-checkout>`: the same commands, timed interleaved in one run, with
// this checkout's build and another's (for example main before a refactor), on one generated
// collection; prints medians and the ratio this/other. Both checkouts must be built.
// Usage: node bench/compare.mjs <other-root> [--size 10000] [--runs 7]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCollection } from "./generate.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: "string", default: "10000" }, runs: { type: "string", default: "7" } },
});
if (positionals.length !== 1) {
  console.error("usage: node bench/compare.mjs <other-checkout> [--size N] [--runs N]");
  process.exit(2);
}
const THIS = fileURLToPath(new URL("..", import.meta.url));
const OTHER = resolve(positionals[0]);
const size = Number(args.size);
const runs = Number(args.runs);

const dir = mkdtempSync(join(tmpdir(), "posting-compare-"));
const content = join(dir, "content");
generateCollection(content, size);
/** The first posting of the collection (generate.mjs writes them in folders of 1,000). */
function firstPosting(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith(".md")) return path;
    if (entry.isDirectory()) {
      const found = firstPosting(path);
      if (found) return found;
    }
  }
  return undefined;
}
const one = firstPosting(content);

const runsOf = [
  { name: "lint (one file)", argv: ["lint", one] },
  { name: `lint (${size} files)`, argv: ["lint", content] },
  { name: `normalize --check (${size})`, argv: ["normalize", "--check", content] },
  { name: `list --format json (${size})`, argv: ["list", "--format", "json", content] },
];

function time(root, argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, "bin", "posting.js"), ...argv], { cwd: dir, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${root}: posting ${argv.join(" ")} exited with ${r.status ?? r.signal}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`| run | this (ms) | other (ms) | this / other |`);
console.log(`|---|---|---|---|`);
for (const r of runsOf) {
  const mine = [];
  const theirs = [];
  time(THIS, r.argv); // warm the file cache for both
  time(OTHER, r.argv);
  for (let i = 0; i < runs; i++) {
    // Interleaved, alternating who goes first, so drift in the machine's load hits both alike.
    if (i % 2 === 0) {
      mine.push(time(THIS, r.argv));
      theirs.push(time(OTHER, r.argv));
    } else {
      theirs.push(time(OTHER, r.argv));
      mine.push(time(THIS, r.argv));
    }
  }
  const a = median(mine);
  const b = median(theirs);
  console.log(`| ${r.name} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(a / b).toFixed(2)}× |`);
}
rmSync(dir, { recursive: true, force: true });

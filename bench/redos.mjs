// `node bench/redos.mjs` (after `npm run build`): how the time of each schema `pattern` and
// `format` grows with the length of a near-miss string (bench/near-misses.mjs). Linear matching
// gives a ratio near 10 between 100,000 and 10,000 characters; a quadratic one near 100, an
// exponential one never ends. Moved out of test/fuzz.test.ts: timings are not test assertions.
import { performance } from "node:perf_hooks";
import { loadSchema } from "../dist/index.js";
import { nearMisses } from "./near-misses.mjs";

const schema = loadSchema();
const SHORT = 10_000;
const LONG = 100_000;
const RUNS = 5;

const targets = [];
for (const [key, spec] of Object.entries(schema.json.properties)) {
  for (const [node, list] of [[spec, false], [spec.items, true]]) {
    if (!node) continue;
    if (typeof node.pattern === "string") targets.push({ key, list, what: `pattern ${node.pattern}` });
    if (typeof node.format === "string") targets.push({ key, list, what: `format ${node.format}` });
  }
}

/** Median time of validating every near miss of this length once. */
function time(target, length) {
  const values = nearMisses(length).map((text) => ({ roles: "Dev", open: true, [target.key]: target.list ? [text] : text }));
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    for (const value of values) schema.validate(value);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

console.log(`| key | check | ${SHORT.toLocaleString("en")} chars (ms) | ${LONG.toLocaleString("en")} chars (ms) | ratio |`);
console.log("|---|---|---:|---:|---:|");
let worst = 0;
for (const target of targets) {
  const short = time(target, SHORT);
  const long = time(target, LONG);
  const ratio = long / Math.max(short, 0.001);
  worst = Math.max(worst, ratio);
  console.log(`| ${target.key}${target.list ? "[]" : ""} | ${target.what.replace(/\|/g, "\\|")} | ${short.toFixed(2)} | ${long.toFixed(2)} | ${ratio.toFixed(1)} |`);
}
console.log(`\nWorst ratio ${worst.toFixed(1)} for ${LONG / SHORT}× the length (linear ≈ ${LONG / SHORT}).`);

// Bench for `posting list`: 10,000 generated postings in a temp folder, the median time of
// `list --format json` (in-process, through the built CLI) next to two baselines in the same
// run: reading every file, and reading + parsing every file with the parser lint uses.
// Usage: npm run build && node bench/list.mjs [count] [runs]
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import { run } from "../dist/cli.js";
import { parsePosting } from "../dist/core/read/posting.js";
import { buildQuery } from "../dist/core/list/list-query.js";
import { columnsFor, readPostings, selectPostings } from "../dist/core/list/list.js";
import { loadSchema } from "../dist/core/schema/schema.js";
import { LIST_FORMATS } from "../dist/reporters/list.js";
import { mulberry32 } from "./generate.mjs";

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 7);


const rnd = mulberry32(42);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const pad = (n) => String(n).padStart(2, "0");
const STARTUPS = ["ma-cantine-egalim", "aides-jeunes", "pass-culture", "mon-suivi-justice", "domifa"];
const PARAGRAPH =
  "L'équipe construit un service public numérique avec les usagers : entretiens, prototypes, mises en production fréquentes et mesure de l'impact. ";

function posting(i) {
  const day = `${2021 + Math.floor(rnd() * 6)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const text = [
    "---",
    `title: "Recrutement n°${i} : développeur·se pour ${pick(STARTUPS)}"`,
    `roles: Développeur·se full-stack`,
    `startup: ${pick(STARTUPS)}`,
    `open: ${rnd() < 0.2}`,
    `contrat: indépendant`,
    `domaines: [Développement, Produit]`,
    `techno: [React, NodeJS, PostgreSQL]`,
    "---",
    "",
    PARAGRAPH.repeat(12),
  ].join("\n");
  return { name: `${day}-poste-${i}.md`, text };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function readEveryFile(dir, parse = false) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".md")).sort();
  const sizes = new Array(names.length).fill(0);
  // Same bounded concurrency (32) as the tool's reader, so the baseline is a fair floor.
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      const bytes = await readFile(join(dir, names[i]));
      if (parse) parsePosting(names[i], bytes);
      sizes[i] = bytes.length;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return sizes.reduce((a, b) => a + b, 0);
}

async function listJson(dir) {
  let size = 0;
  const stdin = new PassThrough();
  stdin.end();
  const io = { stdout: { write: (t) => (size += t.length) }, stderr: { write: () => true }, stdin, cwd: dir, env: { NO_COLOR: "1" } };
  const code = await run(["list", ".", "--format", "json"], io);
  if (code !== 0) throw new Error(`list exited ${code}`);
  return size;
}

// The part that is list's own: filter, sort and format postings already in memory.
function selectAndFormat(read, schema, format) {
  const query = buildQuery({ where: ["techno~react", "date>=2022-01-01"], search: "usagers", sort: "-date,startup" }, schema);
  const selected = selectPostings(read.postings, query);
  const report = { ...selected, total: read.postings.length, unreadable: read.unreadable, columns: columnsFor(undefined), columnsChosen: false };
  return LIST_FORMATS[format](report, { color: false, width: 100 }).length;
}

const dir = await mkdtemp(join(tmpdir(), "posting-bench-list-"));
try {
  for (let i = 0; i < COUNT; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, COUNT - i) }, (_, k) => posting(i + k)).map((p) => writeFile(join(dir, p.name), p.text)));
  }
  const bytes = await readEveryFile(dir); // warm the page cache for both contenders
  await readEveryFile(dir, true);
  await listJson(dir);
  const read = [];
  const parsed = [];
  const list = [];
  for (let r = 0; r < RUNS; r++) {
    read.push(await time(() => readEveryFile(dir)));
    parsed.push(await time(() => readEveryFile(dir, true)));
    list.push(await time(() => listJson(dir)));
  }
  const schema = loadSchema();
  const inMemory = await readPostings(["."], { cwd: dir, schema });
  const ownJson = [];
  const ownTable = [];
  for (let r = 0; r < RUNS; r++) {
    ownJson.push(await time(() => selectAndFormat(inMemory, schema, "json")));
    ownTable.push(await time(() => selectAndFormat(inMemory, schema, "table")));
  }
  const readMs = median(read);
  const parseMs = median(parsed);
  const listMs = median(list);
  const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(`posting list bench: ${COUNT} postings, ${(bytes / 1e6).toFixed(1)} MB, median of ${RUNS} runs (node ${process.version})`);
  console.log(`  read every file (baseline)   ${fmt(readMs)}`);
  console.log(`  read + parse every file      ${fmt(parseMs)}   (front matter split + YAML, as lint does)`);
  console.log(`  list --format json           ${fmt(listMs)}`);
  console.log(`  beyond reading               ${fmt(listMs - readMs)}   (${(((listMs - readMs) / COUNT) * 1000).toFixed(0)} µs per posting)   ratio ${(listMs / readMs).toFixed(1)}x`);
  console.log(`  in memory: where + search + sort + JSON    ${fmt(median(ownJson))}`);
  console.log(`  in memory: the same as a table           ${fmt(median(ownTable))}   (cli-table3, ${COUNT} rows)`);
  console.log(`  beyond reading + parsing     ${fmt(listMs - parseMs)}   (discovery, filter, sort, JSON)   ratio ${(listMs / parseMs).toFixed(2)}x`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

// `node bench/lsp.mjs`: the language server's latency, from a didChange notification to the
// publishDiagnostics of that version, with the server's default settings (its 10 ms debounce
// included), for a posting of typical size (fixtures/postings), in a workspace of that one posting
// and in one of 10,000 generated postings (bench/generate.mjs) with five more buffers open (the
// cross-file refresh of the other buffers comes after). Prints the medians and their ratio to a
// one-file lint of the same text in this process (the core's own cost), measured in the same run.
// The build must be current (npm run build). Usage: node bench/lsp.mjs [--size 10000] [--runs 60]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { generateCollection } from "./generate.mjs";

const { values: args } = parseArgs({ options: { size: { type: "string", default: "10000" }, runs: { type: "string", default: "60" } } });
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const size = Number(args.size);
const runs = Number(args.runs);
const postings = join(ROOT, "fixtures", "postings");
const TYPICAL = readFileSync(join(postings, readdirSync(postings).sort()[0]), "utf8");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A site: posting.config.json, content/_jobs with `count` generated postings. */
function site(count) {
  const dir = mkdtempSync(join(tmpdir(), "posting-bench-lsp-"));
  const jobs = join(dir, "content", "_jobs");
  mkdirSync(jobs, { recursive: true });
  writeFileSync(join(dir, "posting.config.json"), JSON.stringify({ content: ["content/_jobs"] }));
  if (count > 0) generateCollection(join(jobs, "generated"), count);
  return { dir, jobs };
}

async function measure(label, count) {
  const { dir, jobs } = site(count);
  const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let published = 0;
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    published++;
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.();
    waiting.delete(key);
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const uri = (name) => pathToFileURL(join(jobs, name)).href;
  const next = (u, v) => new Promise((resolve) => waiting.set(`${u}@${v}`, resolve));
  const started = Date.now();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, ...(process.env.BENCH_DEBOUNCE ? { initializationOptions: { debounceMs: Number(process.env.BENCH_DEBOUNCE) } } : {}) });
  await connection.sendNotification("initialized", {});
  const main = uri("2026-06-01-typique.md");
  let version = 1;
  const opened = next(main, version);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: main, languageId: "markdown", version, text: TYPICAL } });
  await opened;
  for (let i = 0; i < 5; i++) {
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(`2026-06-0${i + 2}-autre.md`), languageId: "markdown", version: 1, text: TYPICAL } });
  }
  // Until the identity index of the workspace is built: the server then checks the open buffers again.
  const before = published;
  while (published === before && Date.now() - started < 120_000) await sleep(50);
  const indexed = Date.now() - started;
  await sleep(300);
  const times = [];
  for (let i = 0; i < runs; i++) {
    version++;
    const text = TYPICAL.replace(/^title: (.*)$/m, (_, t) => `title: ${t}${"x".repeat(i % 5)}`);
    const done = next(main, version);
    const t0 = process.hrtime.bigint();
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri: main, version }, contentChanges: [{ text }] });
    await done;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await sleep(30 + (i % 3) * 40); // typing pauses; the other buffers' refresh falls in some of them
  }
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  await new Promise((r) => child.on("exit", r));
  rmSync(dir, { recursive: true, force: true });
  return { label, median: median(times), p90: p90(times), indexed };
}

/** The core alone: lintPosting of the same text in this process (the built library). */
async function baseline() {
  const { lintPosting } = await import(pathToFileURL(join(ROOT, "dist", "core", "lint", "lint.js")).href);
  const { loadSchema } = await import(pathToFileURL(join(ROOT, "dist", "core", "schema", "schema.js")).href);
  const schema = loadSchema();
  const times = [];
  for (let i = 0; i < 400; i++) {
    const t0 = process.hrtime.bigint();
    lintPosting("content/_jobs/2026-06-01-typique.md", TYPICAL, schema, { facts: { references: [], duplicates: true } });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times.slice(100));
}

const lint = await baseline();
const rows = [await measure("typical posting, workspace of 1", 0), await measure(`typical posting, workspace of ${size.toLocaleString("en")}, 6 buffers open`, size)];
console.log(`typical posting: ${TYPICAL.length} characters; ${runs} changes per workspace; in-process one-file lint median ${lint.toFixed(2)} ms\n`);
console.log("| workspace | change → diagnostics, median (ms) | p90 (ms) | × in-process lint | workspace indexed after (s) |");
console.log("|---|--:|--:|--:|--:|");
for (const r of rows) console.log(`| ${r.label} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} | ${(r.median / lint).toFixed(1)} | ${(r.indexed / 1000).toFixed(1)} |`);

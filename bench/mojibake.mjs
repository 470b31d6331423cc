// Throughput of mojibake detection (what lint pays per file) and repair, on clean ASCII, clean
// French and garbled French. Figures only; run `npm run build` first.
//   node bench/mojibake.mjs
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "core", "read", "mojibake.js");
if (!existsSync(built)) {
  console.error("dist/core/read/mojibake.js not found: run `npm run build` first.");
  process.exitCode = 2;
} else {
  const { findMojibake, repairMojibake } = await import(built);
  const fixture = (name) => readFileSync(join(root, "fixtures", "encoding", "double-encoded", name), "utf8");
  const french = fixture("expected.md");
  const garbled = fixture("input.md");
  const ascii = french.normalize("NFD").replace(/[^\x00-\x7f]/g, "");

  const corpora = [
    ["clean ASCII", ascii],
    ["clean French", french],
    ["garbled French", garbled],
  ];
  const TARGET_BYTES = 20 * 1024 * 1024;

  console.log(`posting fixture: ${Buffer.byteLength(french)} bytes of French, ${findMojibake(garbled).length} runs when garbled`);
  for (const [label, text] of corpora) {
    for (const [name, fn] of [
      ["findMojibake", findMojibake],
      ["repairMojibake", repairMojibake],
    ]) {
      const bytes = Buffer.byteLength(text);
      const rounds = Math.max(1, Math.round(TARGET_BYTES / bytes));
      for (let i = 0; i < Math.min(rounds, 200); i++) fn(text); // warm up
      const start = process.hrtime.bigint();
      for (let i = 0; i < rounds; i++) fn(text);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const mbps = (bytes * rounds) / seconds / 1e6;
      const perFile = (seconds / rounds) * 1e6;
      console.log(
        `${label.padEnd(15)} ${name.padEnd(15)} ${mbps.toFixed(0).padStart(6)} MB/s  ${perFile.toFixed(1).padStart(8)} µs per ${bytes}-byte file`,
      );
    }
  }
}

// Generates N realistic postings from the repo's fixtures: mostly copies of the example postings
// (fixtures/postings: real keys, sizes, a few findings), some valid lint scenarios, and a tenth of
// invalid ones (fixtures/lint: encodings, front matter, YAML and schema problems). Each copy gets a
// distinct reference line so no two files have the same content (as in a real collection).
// Usage: node bench/generate.mjs <dir> <count> [seed]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** Out of 100: example postings, valid scenarios, invalid scenarios. */
const MIX = { postings: 75, valid: 15, invalid: 10 };
const PER_FOLDER = 1_000;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixture files, by kind; lint scenarios with their own options or schema are left out. */
export function templates() {
  const postingsDir = join(FIXTURES, "postings");
  const postings = readdirSync(postingsDir).sort().map((name) => readFileSync(join(postingsDir, name)));
  const lintDir = join(FIXTURES, "lint");
  const valid = [];
  const invalid = [];
  for (const name of readdirSync(lintDir).sort()) {
    const file = join(lintDir, name, "posting.md");
    if (!existsSync(file) || existsSync(join(lintDir, name, "options.json"))) continue;
    if (name === "file-not-regular" || name === "file-unreadable") continue;
    (name.startsWith("valid-") ? valid : invalid).push(readFileSync(file));
  }
  return { postings, valid, invalid };
}

/** A distinct copy: a reference line appended to the body of UTF-8 text files. */
function variant(bytes, i) {
  const text = bytes.toString("utf8");
  if (!text.startsWith("---\n") || text.includes("\uFFFD") || bytes.includes(0)) return bytes;
  return Buffer.concat([bytes, Buffer.from(`${text.endsWith("\n") ? "" : "\n"}\nRéf. ${i}\n`)]);
}

export function generateCollection(dir, count, seed = 20261122) {
  const next = mulberry32(seed);
  const pool = templates();
  const pick = (list) => list[Math.floor(next() * list.length)];
  for (let i = 0; i < count; i++) {
    const roll = next() * 100;
    const kind = roll < MIX.postings ? "postings" : roll < MIX.postings + MIX.valid ? "valid" : "invalid";
    const folder = join(dir, `batch-${String(Math.floor(i / PER_FOLDER)).padStart(3, "0")}`);
    if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const year = 2020 + (i % 7);
    const name = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}-offre-${String(i).padStart(6, "0")}.md`;
    writeFileSync(join(folder, name), variant(pick(pool[kind]), i));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error("usage: node bench/generate.mjs <dir> <count> [seed]");
    process.exitCode = 2;
  } else generateCollection(dir, Number(count), seed ? Number(seed) : undefined);
}

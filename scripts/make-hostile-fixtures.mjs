#!/usr/bin/env node
// Writes the hostile inputs that cannot or should not be committed: megabytes of text, deep
// nesting, binary bytes, FIFOs, symbolic links, unreadable files, a folder named like a posting.
// Each case's expected outcome is committed in fixtures/hostile/<case>/expected.json; the small
// cases also commit their input there. Usage: node scripts/make-hostile-fixtures.mjs <out-dir>
// (creates <out-dir>/<case>/…, one folder per generated case).
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const VALID_HEAD = "---\nroles: Développeur·se\nopen: true\n";

/** Deterministic filler: the same bytes on every run. */
function lines(count, make) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(make(i));
  return out.join("\n");
}

/** The generated cases: folder name → function writing the input into that folder. */
export const GENERATED = {
  "nesting-flow-5000": (dir) => write(dir, "posting.md", `${VALID_HEAD}statut: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n\nTexte.\n`),
  // 3,000 levels: 5,000 `{a: ` would pass the 16 KB front matter limit before the nesting one.
  "nesting-flow-map-3000": (dir) => write(dir, "posting.md", `${VALID_HEAD}statut: ${"{a: ".repeat(3000)}1${"}".repeat(3000)}\n---\n\nTexte.\n`),
  "nesting-block-5000": (dir) => write(dir, "posting.md", `${VALID_HEAD}statut:\n${"- ".repeat(5000)}x\n---\n\nTexte.\n`),
  // Block nesting by indentation grows as the square of the depth: 150 levels fit in 16 KB.
  "nesting-indent-150": (dir) => write(dir, "posting.md", `${VALID_HEAD}statut:\n${lines(150, (i) => `${" ".repeat(i + 1)}k:`)} x\n---\n\nTexte.\n`),
  "alias-bomb-deep": (dir) => {
    // Each level refers ten times to the one before: 10^12 nodes once expanded.
    let yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i <= 12; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    write(dir, "posting.md", `${VALID_HEAD}${yaml}---\n\nTexte.\n`);
  },
  "alias-bomb-wide": (dir) => {
    // One anchor used 2,000 times: each alias is cheap, the total is not.
    const anchor = `big: &big "${"x".repeat(1000)}"\n`;
    write(dir, "posting.md", `${VALID_HEAD}${anchor}many: [${Array(2000).fill("*big").join(", ")}]\n---\n\nTexte.\n`);
  },
  "front-matter-20000-lines": (dir) => write(dir, "posting.md", `${VALID_HEAD}${lines(20000, (i) => `k${i}: v`)}\n---\n\nTexte.\n`),
  "front-matter-1mb-line": (dir) => write(dir, "posting.md", `${VALID_HEAD}title: "${"a".repeat(1024 * 1024)}"\n---\n\nTexte.\n`),
  "body-1mb-line": (dir) => write(dir, "posting.md", `${VALID_HEAD}---\n\n${"Texte très long, ".repeat(52000)}\n`),
  "body-5mb": (dir) => write(dir, "posting.md", `${VALID_HEAD}---\n\n${lines(50000, (i) => `Ligne ${i} du corps de l’annonce, avec des accents : é è à ç ô. ${"…".repeat(10)}`)}\n`),
  "body-garbled-run": (dir) => write(dir, "posting.md", `${VALID_HEAD}---\n\n${"Ã©".repeat(300000)}\n`),
  // 120,000 separate garbled words on one line (960 KB): as many findings (this once overflowed
  // the stack in lint, and placing each on the long line was quadratic).
  "body-garbled-words": (dir) => write(dir, "posting.md", `${VALID_HEAD}---\n\n${"CafÃ© ".repeat(120000)}\n`),
  "binary-png": (dir) => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c70000000049454e44ae426082", "hex");
    write(dir, "posting.md", png);
  },
  "binary-random": (dir) => {
    // xorshift bytes: deterministic noise with NUL bytes in it.
    const bytes = Buffer.alloc(64 * 1024);
    let x = 2463534242;
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    write(dir, "posting.md", bytes);
  },
  "folder-named-md": (dir) => {
    mkdirSync(join(dir, "x.md"), { recursive: true });
    write(join(dir, "x.md"), "inside.md", `${VALID_HEAD}---\n\nTexte.\n`);
  },
  fifo: (dir) => {
    mkdirSync(dir, { recursive: true });
    execFileSync("mkfifo", [join(dir, "posting.md")]);
  },
  unreadable: (dir) => {
    write(dir, "posting.md", `${VALID_HEAD}---\n\nTexte.\n`);
    chmodSync(join(dir, "posting.md"), 0o000);
  },
  "symlink-broken": (dir) => link(dir, "does-not-exist.md", "posting.md"),
  "symlink-loop": (dir) => link(dir, "posting.md", "posting.md"),
  "symlink-system-file": (dir) => {
    // Inside a walked folder: reported, never followed, never printed.
    write(dir, "ok.md", `${VALID_HEAD}---\n\nTexte.\n`);
    link(dir, "/etc/passwd", "posting.md");
  },
  "control-file-name": (dir) => write(dir, "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil.md", `---\nroles: "\\e[31mrouge"\nopen: true\ninconnu: 1\n---\n\nTexte.\n`),
  // A file far above the read limit, sparse: a size, not megabytes of disk.
  "file-too-large": (dir) => {
    write(dir, "posting.md", `${VALID_HEAD}---\n\nTexte.\n`);
    truncateSync(join(dir, "posting.md"), 64 * 1024 * 1024);
  },
  "walked-fifo": (dir) => {
    write(dir, "ok.md", `${VALID_HEAD}---\n\nTexte.\n`);
    execFileSync("mkfifo", [join(dir, "posting.md")]);
  },
};

function write(dir, name, content) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
}

function link(dir, target, name) {
  mkdirSync(dir, { recursive: true });
  symlinkSync(target, join(dir, name));
}

export function makeHostileFixtures(out) {
  for (const [name, make] of Object.entries(GENERATED)) make(join(out, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: node scripts/make-hostile-fixtures.mjs <out-dir>\n");
    process.exitCode = 2;
  } else makeHostileFixtures(out);
}

// `normalize --write` killed with SIGKILL at random points (seeded) over 2,000 postings: after
// every kill each posting holds exactly its old bytes or its new ones; the temp files left are
// only those of the run just killed (each run removes the ones of dead runs), and a final run
// leaves none. Bounded by counts (files, kills), never by time.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { TEMP_FILE_PATTERN } from "../src/core/files/write.js";
import { loadSchema } from "../src/core/schema/schema.js";

const BIN = fileURLToPath(new URL("../bin/posting.js", import.meta.url));
const FILES = 2000;
const KILLS = 20;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-crash-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Small postings that all need fixes (alias, YAML 1.1 boolean, comma list, CRLF for some). */
function posting(i: number): Buffer {
  const text = `---\ntitles: Poste ${i}\nroles: Dev ${i % 7}\nopen: yes\ntechno: React, Node ${i}\n---\n\nTexte ${i}.\n`;
  return Buffer.from(i % 3 === 0 ? text.replace(/\n/g, "\r\n") : text);
}

describe("normalize --write killed at random points", () => {
  it(`${FILES} postings, ${KILLS} SIGKILLs: every file old or new, no temp file after a full run`, async () => {
    const schema = loadSchema();
    const names = Array.from({ length: FILES }, (_, i) => `2026-01-01-p${String(i).padStart(4, "0")}.md`);
    const before = names.map((_, i) => posting(i));
    const after = names.map((name, i) => {
      const r = normalizeBytes(name, before[i]!, { schema });
      if (r.status !== "changed") throw new Error(`${name} should need fixes`);
      return Buffer.from(r.output);
    });
    let seed = 2026;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let cutMidway = 0;
    let tempsSeen = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      // Half the rounds start over from the old bytes, half go on from where the last one stopped.
      if (kill % 2 === 0) names.forEach((name, i) => writeFileSync(join(dir, name), before[i]!));
      const pid = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, "normalize", "--write", "."], { cwd: dir, stdio: "ignore" });
        const delay = Math.floor(random() * 40);
        let armed = false;
        // Kill once writing has begun (the first temp file renamed onto a posting), a seeded
        // number of milliseconds later; some rounds end on their own first.
        const watcher = watch(dir, (_event, name) => {
          if (armed || !name?.endsWith(".md")) return;
          armed = true;
          watcher.close();
          setTimeout(() => child.kill("SIGKILL"), delay);
        });
        child.on("exit", () => {
          watcher.close();
          resolve(child.pid!);
        });
      });
      const present = readdirSync(dir);
      const temps = present.filter((n) => n.endsWith(".posting-tmp"));
      tempsSeen += temps.length;
      for (const temp of temps) expect(TEMP_FILE_PATTERN.exec(temp)?.[1], `${temp}: only the killed run's temps are left`).toBe(String(pid));
      let rewritten = 0;
      for (let i = 0; i < FILES; i++) {
        const bytes = readFileSync(join(dir, names[i]!));
        if (bytes.equals(after[i]!)) rewritten++;
        else expect(bytes.equals(before[i]!), `${names[i]} is neither its old nor its new bytes (kill ${kill})`).toBe(true);
      }
      expect(present.length - temps.length).toBe(FILES);
      if (rewritten > 0 && rewritten < FILES) cutMidway++;
    }

    const final = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, "normalize", "--write", "."], { cwd: dir, stdio: "ignore" });
      child.on("exit", (code) => resolve(code));
    });
    expect(final).toBe(0);
    expect(readdirSync(dir).filter((n) => n.includes("tmp"))).toEqual([]);
    for (let i = 0; i < FILES; i++) expect(readFileSync(join(dir, names[i]!)).equals(after[i]!)).toBe(true);
    // The kills did land in the middle of runs (not all before or after the writing).
    expect(cutMidway).toBeGreaterThan(0);
    console.log(`crash-safety: ${FILES} files, ${KILLS} kills, ${cutMidway} cut mid-way, ${tempsSeen} temp files left by kills, all removed by the next runs`);
  }, 300_000);
});

// `posting lint --cache`: findings of files that did not change since the last run, keyed by
// path. An entry is used when the run key (tool version, config) and the file's schema hash match
// and either size and modification time are unchanged or the content hash is the same. The cache
// is an optimisation only: a missing, unreadable or corrupt cache file is ignored, and it is
// replaced atomically, so an interrupted run never leaves a half-written one behind.
//
// The file is one JSON header line, then one line per posting: its path as a JSON string, a tab,
// its entry as JSON. Entries stay bytes until a file asks for its own, and an entry a run reuses
// is written back as the same bytes: a re-run of 100,000 postings never holds them all parsed.
import { Buffer } from "node:buffer";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Finding } from "../findings.js";
import { isCrossFileFacts } from "./facts.js";
import type { CrossFileFacts } from "./facts.js";

export const DEFAULT_CACHE_FILE = ".posting-cache";
const FORMAT = 3;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** [size, mtimeMs, content hash, schema hash, findings without their `file`, cross-file facts or 0] */
type Entry = [number, number, string, string, Omit<Finding, "file">[], CrossFileFacts | 0];

/** A file's cached result: its findings (to be given their `file`) and its cross-file facts. */
export interface CacheHit {
  findings: readonly Omit<Finding, "file">[];
  facts: CrossFileFacts | undefined;
}

export class LintCache {
  /** This run's entries, as the JSON text of their line: reused ones keep their bytes. */
  private readonly fresh = new Map<string, Uint8Array | string>();
  /** Entries stored or refreshed this run; with none, and the same files, nothing is written. */
  private changed = false;
  private constructor(
    readonly location: string,
    private readonly key: string,
    /** The last run's entries: path to the bytes of its entry's JSON (not parsed yet). */
    private readonly previous: Map<string, Uint8Array>,
  ) {}

  /** `key` covers what changes every result: the tool version and the config. */
  static async open(location: string, key: string): Promise<LintCache> {
    let previous = new Map<string, Uint8Array>();
    try {
      previous = readEntries(await readFile(location), key);
    } catch {
      // no cache yet, or one we cannot use: start afresh
    }
    return new LintCache(location, key, previous);
  }

  /** The result of an unchanged file (same size and time), else undefined. */
  lookup(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): CacheHit | undefined {
    const entry = this.entryFor(path, schemaHash);
    if (!entry || entry[0] !== size || entry[1] !== mtimeMs) return undefined;
    this.fresh.set(path, this.previous.get(path)!);
    return hitOf(entry);
  }

  /** Content hash of the cached entry, for a file whose size or time changed. */
  hashOf(path: string, schemaHash: string): string | undefined {
    return this.entryFor(path, schemaHash)?.[2];
  }

  /** The cached result of a file whose bytes turned out the same (only its time changed). */
  reuse(path: string, size: number, mtimeMs: number, schemaHash: string): CacheHit | undefined {
    const entry = this.entryFor(path, schemaHash);
    if (!entry) return undefined;
    this.fresh.set(path, JSON.stringify([size, mtimeMs, entry[2], schemaHash, entry[4], entry[5]]));
    this.changed = true;
    return hitOf(entry);
  }

  store(path: string, size: number, mtimeMs: number, hash: string, schemaHash: string, findings: readonly Finding[], facts?: CrossFileFacts): void {
    const entry: Entry = [size, mtimeMs, hash, schemaHash, findings.map(({ file: _file, ...rest }) => rest), facts ?? 0];
    this.fresh.set(path, JSON.stringify(entry));
    this.changed = true;
  }

  /**
   * Write the entries of this run, and keep those of files this run did not look at while they
   * still exist: a pre-commit hook linting two files must not empty the cache CI relies on.
   * Never throws.
   */
  async save(): Promise<void> {
    const kept = new Map<string, Uint8Array | string>();
    let dropped = false;
    for (const [path, bytes] of this.previous) {
      if (this.fresh.has(path)) continue;
      if (existsSync(path)) kept.set(path, bytes);
      else dropped = true;
    }
    if (!this.changed && !dropped) return;
    const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, key: this.key })}\n`)];
    for (const entries of [kept, this.fresh]) {
      for (const [path, entry] of entries) {
        parts.push(Buffer.from(`${JSON.stringify(path)}\t`), typeof entry === "string" ? Buffer.from(entry) : entry, Buffer.from("\n"));
      }
    }
    try {
      const { writeFileAtomic } = await import("../normalize/write.js");
      await writeFileAtomic(this.location, Buffer.concat(parts));
    } catch {
      // a read-only folder: the run still succeeds, just without a cache next time
    }
  }

  private entryFor(path: string, schemaHash: string): Entry | undefined {
    const bytes = this.previous.get(path);
    if (!bytes) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    } catch {
      return undefined;
    }
    if (!Array.isArray(entry) || entry.length !== 6 || entry[3] !== schemaHash || !Array.isArray(entry[4])) return undefined;
    if (typeof entry[0] !== "number" || typeof entry[1] !== "number" || typeof entry[2] !== "string") return undefined;
    if (entry[5] !== 0 && !isCrossFileFacts(entry[5])) return undefined;
    return entry as Entry;
  }
}

/** The entries of a cache file written for `key`, each still the bytes of its JSON; none if the file is not one. */
function readEntries(file: Buffer, key: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let end = file.indexOf(NEWLINE);
  if (end === -1) return entries;
  const header = JSON.parse(file.toString("utf8", 0, end)) as { format?: unknown; key?: unknown } | null;
  if (!header || header.format !== FORMAT || header.key !== key) return entries;
  for (let start = end + 1; start < file.length; start = end + 1) {
    end = file.indexOf(NEWLINE, start);
    if (end === -1) end = file.length;
    const tab = file.indexOf(TAB, start);
    if (tab === -1 || tab > end) continue;
    const path: unknown = JSON.parse(file.toString("utf8", start, tab));
    if (typeof path === "string") entries.set(path, file.subarray(tab + 1, end));
  }
  return entries;
}

function hitOf(entry: Entry): CacheHit {
  return { findings: entry[4], facts: entry[5] === 0 ? undefined : entry[5] };
}

/** Cached findings given the name the file is shown under, in its place (JSON output keeps the key order). */
export function withFile(findings: readonly Omit<Finding, "file">[], file: string): Finding[] {
  return findings.map(({ code, severity, ...rest }) => ({ code, severity, file, ...rest }));
}

// `posting lint --cache`: findings of files that did not change since the last run, keyed by
// path. An entry is used when the run key (tool version, config) and the file's schema hash match
// and either size and modification time are unchanged or the content hash is the same. The cache
// is an optimisation only: a missing, unreadable or corrupt cache file is ignored, and it is
// replaced atomically, so an interrupted run never leaves a half-written one behind.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Finding } from "../findings.js";
import { isCrossFileFacts } from "./facts.js";
import type { CrossFileFacts } from "./facts.js";

export const DEFAULT_CACHE_FILE = ".posting-cache";
const FORMAT = 2;

/** [size, mtimeMs, content hash, schema hash, findings without their `file`, cross-file facts or 0] */
type Entry = [number, number, string, string, Omit<Finding, "file">[], CrossFileFacts | 0];

/** A file's cached result: its findings (to be given their `file`) and its cross-file facts. */
export interface CacheHit {
  findings: readonly Omit<Finding, "file">[];
  facts: CrossFileFacts | undefined;
}

interface CacheFile {
  format: number;
  key: string;
  files: Record<string, Entry>;
}

export class LintCache {
  private readonly fresh: Record<string, Entry> = {};
  /** Entries stored or refreshed this run; with none, and the same files, nothing is written. */
  private changed = false;
  private constructor(
    readonly location: string,
    private readonly key: string,
    private readonly previous: Record<string, Entry>,
  ) {}

  /** `key` covers what changes every result: the tool version and the config. */
  static async open(location: string, key: string): Promise<LintCache> {
    let previous: Record<string, Entry> = {};
    try {
      const json = JSON.parse(await readFile(location, "utf8")) as Partial<CacheFile>;
      if (json && json.format === FORMAT && json.key === key && json.files && typeof json.files === "object") previous = json.files;
    } catch {
      // no cache yet, or one we cannot use: start afresh
    }
    return new LintCache(location, key, previous);
  }

  /** The result of an unchanged file (same size and time), else undefined. */
  lookup(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): CacheHit | undefined {
    const entry = this.entryFor(path, schemaHash);
    if (!entry || entry[0] !== size || entry[1] !== mtimeMs) return undefined;
    this.fresh[path] = entry;
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
    this.fresh[path] = [size, mtimeMs, entry[2], schemaHash, entry[4], entry[5]];
    this.changed = true;
    return hitOf(entry);
  }

  store(path: string, size: number, mtimeMs: number, hash: string, schemaHash: string, findings: readonly Finding[], facts?: CrossFileFacts): void {
    this.fresh[path] = [size, mtimeMs, hash, schemaHash, findings.map(({ file: _file, ...rest }) => rest), facts ?? 0];
    this.changed = true;
  }

  /**
   * Write the entries of this run, and keep those of files this run did not look at while they
   * still exist: a pre-commit hook linting two files must not empty the cache CI relies on.
   * Never throws.
   */
  async save(): Promise<void> {
    const files: Record<string, Entry> = {};
    let dropped = false;
    for (const [path, entry] of Object.entries(this.previous)) {
      if (Object.hasOwn(this.fresh, path)) continue;
      if (existsSync(path)) files[path] = entry;
      else dropped = true;
    }
    if (!this.changed && !dropped) return;
    Object.assign(files, this.fresh);
    const body: CacheFile = { format: FORMAT, key: this.key, files };
    try {
      const { writeFileAtomic } = await import("../normalize/write.js");
      await writeFileAtomic(this.location, Buffer.from(JSON.stringify(body)));
    } catch {
      // a read-only folder: the run still succeeds, just without a cache next time
    }
  }

  private entryFor(path: string, schemaHash: string): Entry | undefined {
    const entry = Object.hasOwn(this.previous, path) ? this.previous[path] : undefined;
    if (!Array.isArray(entry) || entry.length !== 6 || entry[3] !== schemaHash || !Array.isArray(entry[4])) return undefined;
    if (entry[5] !== 0 && !isCrossFileFacts(entry[5])) return undefined;
    return entry;
  }
}

function hitOf(entry: Entry): CacheHit {
  return { findings: entry[4], facts: entry[5] === 0 ? undefined : entry[5] };
}

/** Cached findings given the name the file is shown under, in its place (JSON output keeps the key order). */
export function withFile(findings: readonly Omit<Finding, "file">[], file: string): Finding[] {
  return findings.map(({ code, severity, ...rest }) => ({ code, severity, file, ...rest }));
}

// The cache of `--cache` runs: each task's results for files that did not change since the last
// run, keyed by task and path. Each task (lint, normalize --check, …) has its own section, with
// its own entry validator, so one never reads another's entries. An entry is used when the run
// key (tool version, config) and the file's schema hash match and either size and modification
// time are unchanged or the content hash is the same. The cache is an optimisation only: a
// missing, unreadable or corrupt cache file is ignored, and it is replaced atomically, so an
// interrupted run never leaves a half-written one behind.
//
// The file is one JSON header line, then one line per file and task, its fields separated by tabs:
// the task's name, the path as a JSON string, size, modification time, content hash, schema hash,
// the task's data as JSON and, when the caller attached one, a note as JSON (lint's printed
// block: `lint-cache.ts`). Entries stay bytes until a file asks for its own, an unchanged file is
// told from its size and time without parsing any JSON, and an entry a run reuses is written back
// as the same bytes: a re-run of 100,000 postings never holds them all parsed. Files of an earlier
// format are ignored and replaced.
//
// The cache may be committed by a stranger, or its location chosen by one: it is read only from a
// regular file under MAX_CACHE_BYTES (never through a link, never a FIFO or device), and replaced
// only when it already is a posting cache (its header line says so) or an empty file: a file that
// is anything else is left byte for byte as it is, and the run goes on without a cache, saying so
// once (`warning`).
import { nodeCrypto } from "../hash.js";
import { Buffer } from "node:buffer";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readBounded, ReadRefusedError } from "./read-bounded.js";
import { FINDING_CODES } from "../findings.js";
import type { Finding } from "../findings.js";
import { writeFileAtomic, writeNewFileAtomic } from "./write.js";
import { isObject } from "../schema/schema.js";

export const DEFAULT_CACHE_FILE = ".posting-cache";
/** 100,000 postings with findings take about 70 MB (their findings, and the blocks lint printed for them). */
export const MAX_CACHE_BYTES = 128 * 1024 * 1024;
const FORMAT = 6;
/** How every cache header line starts: what tells a posting cache from any other file. */
const HEADER_START = `{"format":`;
const NEWLINE = 0x0a;
const TAB = 0x09;
const TAB_BYTES = Buffer.from("\t");
const NEWLINE_BYTES = Buffer.from("\n");
const bytesOf = (text: Uint8Array | string) => (typeof text === "string" ? Buffer.from(text) : text);

/** An entry of this run: its fields up to the task's data (as text, or bytes of the last run's), and its note. */
interface NewEntry {
  head: Uint8Array | string;
  note?: Uint8Array | string;
}

/** This run's entry of a file: a new one, or where the last run's line starts (kept byte for byte). */
type FreshEntry = NewEntry | number;

/**
 * Where a previous entry's fields end in the cache file, each ended by a tab (JSON text holds no
 * raw tab): size, time, content hash, schema hash, the data, and the note if there is one. Only the
 * data and the note are JSON: an unchanged file is told by comparing bytes.
 */
interface Located {
  start: number;
  sizeEnd: number;
  mtimeEnd: number;
  hashEnd: number;
  schemaEnd: number;
  dataEnd: number;
  end: number;
}

/** One task's entries in the cache file; `isData` tells well-formed task data from anything else. */
export class CacheSection<D> {
  /** This run's entries. */
  readonly fresh = new Map<string, FreshEntry>();
  /** Entries stored or refreshed this run; with none, and the same files, nothing is written. */
  changed = false;
  constructor(
    /** The cache file as the run found it. */
    private readonly file: Buffer,
    /** The last run's entries: path to where its line goes on after the path (not parsed yet). */
    readonly previous: Map<string, number>,
    private readonly isData: (value: unknown) => value is D,
  ) {}

  /** The data of an unchanged file (same size and time), else undefined. */
  lookup(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): D | undefined {
    const at = this.unchanged(path, size, mtimeMs, schemaHash);
    const data = at && this.dataOf(at);
    if (data === undefined) return undefined;
    this.fresh.set(path, at!.start);
    return data;
  }

  /**
   * The note of an unchanged file's entry (JSON the caller attached, to be checked as any data
   * read back), else undefined. It does not keep the entry: the caller does (`keep`) when it takes
   * the note instead of the data, which is then never parsed.
   */
  noteOf(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): unknown {
    const at = this.unchanged(path, size, mtimeMs, schemaHash);
    return at && at.dataEnd < at.end ? parseJson(this.file, at.dataEnd + 1, at.end) : undefined;
  }

  /** The note of the last run's entry of `path`, when this run kept that entry as it is (an unchanged file), else undefined. */
  keptNote(path: string): unknown {
    const start = this.fresh.get(path);
    if (typeof start !== "number") return undefined;
    const at = locate(this.file, start);
    return at.dataEnd < at.end ? parseJson(this.file, at.dataEnd + 1, at.end) : undefined;
  }

  /** Keep the last run's entry of `path` as it is (its note taken instead of its data). */
  keep(path: string): void {
    const start = this.previous.get(path);
    if (start !== undefined) this.fresh.set(path, start);
  }

  /** Content hash of the cached entry, for a file whose size or time changed. */
  hashOf(path: string, schemaHash: string): string | undefined {
    const at = this.forSchema(path, schemaHash);
    return at && this.dataOf(at) !== undefined ? this.file.toString("latin1", at.mtimeEnd + 1, at.hashEnd) : undefined;
  }

  /** The cached data of a file whose bytes turned out the same (only its time changed). */
  reuse(path: string, size: number, mtimeMs: number, schemaHash: string): D | undefined {
    const at = this.forSchema(path, schemaHash);
    const data = at && this.dataOf(at);
    if (data === undefined) return undefined;
    const hash = this.file.toString("latin1", at!.mtimeEnd + 1, at!.hashEnd);
    this.fresh.set(path, { head: Buffer.concat([Buffer.from(headOf(size, mtimeMs, hash, schemaHash)), this.file.subarray(at!.schemaEnd + 1, at!.dataEnd)]) });
    this.changed = true;
    return data;
  }

  store(path: string, size: number, mtimeMs: number, hash: string, schemaHash: string, data: D): void {
    this.fresh.set(path, { head: `${headOf(size, mtimeMs, hash, schemaHash)}${JSON.stringify(data)}` });
    this.changed = true;
  }

  /** Attach `note` (plain JSON data) to this run's entry of `path`, if it has one; the file is rewritten only when the note changed. */
  attachNote(path: string, note: unknown): void {
    let entry = this.fresh.get(path);
    if (entry === undefined) return;
    const text = JSON.stringify(note);
    if (typeof entry === "number") {
      const at = locate(this.file, entry);
      if (at.dataEnd < at.end && this.file.toString("utf8", at.dataEnd + 1, at.end) === text) return;
      this.fresh.set(path, (entry = { head: this.file.subarray(entry, at.dataEnd) }));
    } else if (entry.note === text) return;
    entry.note = text;
    this.changed = true;
  }

  private unchanged(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): Located | undefined {
    if (size === undefined || mtimeMs === undefined) return undefined;
    const at = this.forSchema(path, schemaHash);
    if (!at || !asciiEquals(this.file, at.start, at.sizeEnd, String(size)) || !asciiEquals(this.file, at.sizeEnd + 1, at.mtimeEnd, String(mtimeMs))) return undefined;
    return at;
  }

  private forSchema(path: string, schemaHash: string): Located | undefined {
    const start = this.previous.get(path);
    if (start === undefined) return undefined;
    const at = locate(this.file, start);
    return at.schemaEnd !== -1 && asciiEquals(this.file, at.hashEnd + 1, at.schemaEnd, schemaHash) ? at : undefined;
  }

  private dataOf(at: Located): D | undefined {
    const data = parseJson(this.file, at.schemaEnd + 1, at.dataEnd);
    return this.isData(data) ? data : undefined;
  }
}

/** The bytes of an entry's line after its path, as written: those of the last run's line (`file`), or new ones. */
function entryBytes(file: Buffer, entry: FreshEntry): Uint8Array[] {
  if (typeof entry === "number") return [file.subarray(entry, locate(file, entry).end)];
  return entry.note === undefined ? [bytesOf(entry.head)] : [bytesOf(entry.head), TAB_BYTES, bytesOf(entry.note)];
}

/** The text of an entry's line before its data. */
function headOf(size: number, mtimeMs: number, hash: string, schemaHash: string): string {
  return `${size}\t${mtimeMs}\t${hash}\t${schemaHash}\t`;
}

/** The fields of the entry whose line goes on at `start`; schemaEnd is -1 when it has not all of them. */
function locate(file: Buffer, start: number): Located {
  let end = file.indexOf(NEWLINE, start);
  if (end === -1) end = file.length;
  // The next tab of the line after `after`, or -1 (and -1 after -1).
  const next = (after: number) => {
    const at = after === -1 ? -1 : file.indexOf(TAB, after + 1);
    return at === -1 || at > end ? -1 : at;
  };
  const sizeEnd = next(start - 1);
  const mtimeEnd = next(sizeEnd);
  const hashEnd = next(mtimeEnd);
  const schemaEnd = next(hashEnd);
  const noteTab = next(schemaEnd);
  return { start, sizeEnd, mtimeEnd, hashEnd, schemaEnd, dataEnd: noteTab === -1 ? end : noteTab, end };
}

/** Whether the bytes from `from` to `to` are the ASCII text `text` (numbers and hashes, compared without decoding). */
function asciiEquals(file: Buffer, from: number, to: number, text: string): boolean {
  if (to - from !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (file[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** JSON bytes read back (never evaluated); undefined when they are not JSON. */
function parseJson(file: Buffer, from: number, to: number): unknown {
  try {
    return JSON.parse(file.toString("utf8", from, to));
  } catch {
    return undefined;
  }
}

export class FileCache {
  private readonly sections = new Map<string, CacheSection<unknown>>();
  private constructor(
    readonly location: string,
    private readonly key: string,
    /** The cache file as the run found it (empty when not read). */
    private readonly bytes: Buffer,
    /** The last run's entries, by task: path to where its line goes on after the path (not parsed yet). */
    private readonly previous: Map<string, Map<string, number>>,
    /** Why the cache file is neither read nor written, for the run to say once; undefined when usable. */
    readonly warning?: string,
  ) {}

  /** `key` covers what changes every result: the tool version and the config. */
  static async open(location: string, runKey: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<FileCache> {
    // Signed with a secret of this machine's user: a cache committed to the repository (written
    // anywhere else, or by hand) never matches, so its findings are never taken on trust.
    const key = nodeCrypto().createHmac("sha256", await machineSecret(env)).update(runKey).digest("hex");
    const file = readCacheFile(location);
    if ("refused" in file) return new FileCache(location, key, Buffer.alloc(0), new Map(), file.refused);
    let previous = new Map<string, Map<string, number>>();
    try {
      previous = readEntries(file.bytes, key);
    } catch {
      // a corrupt posting cache: start afresh (and replace it)
    }
    return new FileCache(location, key, file.bytes, previous);
  }

  /** The entries of `task` (the same section every time it is asked for). */
  section<D>(task: string, isData: (value: unknown) => value is D): CacheSection<D> {
    let section = this.sections.get(task);
    if (!section) {
      section = new CacheSection<D>(this.bytes, this.previous.get(task) ?? new Map(), isData) as CacheSection<unknown>;
      this.sections.set(task, section);
    }
    return section as CacheSection<D>;
  }

  /**
   * Write the entries of this run, and keep those of files this run did not look at while they
   * still exist (and every entry of the tasks this run did not do): a pre-commit hook linting two
   * files must not empty the cache CI relies on. Never throws.
   */
  async save(): Promise<void> {
    const lines: [string, Map<string, FreshEntry>][] = [];
    let changed = false;
    for (const [task, previous] of this.previous) if (!this.sections.has(task)) lines.push([task, previous]);
    for (const [task, section] of this.sections) {
      const kept = new Map<string, FreshEntry>();
      for (const [path, start] of section.previous) {
        if (section.fresh.has(path)) continue;
        if (existsSync(path)) kept.set(path, start);
        else changed = true;
      }
      if (section.changed) changed = true;
      lines.push([task, kept], [task, section.fresh]);
    }
    // A file that is not a posting cache was not read and is never replaced; writeFileAtomic
    // refuses a link or a special file swapped in since.
    if (this.warning !== undefined || !changed) return;
    const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, key: this.key })}\n`)];
    for (const [task, entries] of lines) {
      const prefix = Buffer.from(`${task}\t`);
      for (const [path, entry] of entries) parts.push(prefix, Buffer.from(`${JSON.stringify(path)}\t`), ...entryBytes(this.bytes, entry), NEWLINE_BYTES);
    }
    try {
      await writeFileAtomic(this.location, Buffer.concat(parts));
    } catch {
      // a read-only folder: the run still succeeds, just without a cache next time
    }
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(FINDING_CODES);

/** A finding as a task stores it (without its file): a known code and severity, whole positive positions, args (data, not words). */
export function isCachedFinding(value: unknown): boolean {
  if (!isObject(value)) return false;
  const f = value;
  const position = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1;
  const text = (t: unknown) => typeof t === "string";
  return (
    text(f.code) && KNOWN_CODES.has(f.code as string) && (f.severity === "error" || f.severity === "warning") &&
    position(f.line) && position(f.column) && isObject(f.args) && (f.path === undefined || text(f.path)) &&
    (f.notes === undefined || isObject(f.notes)) && (f.fixable === undefined || typeof f.fixable === "boolean")
  );
}

/**
 * This user's secret for signing caches, made on first use (`$XDG_CACHE_HOME/posting/cache-secret`,
 * else `~/.cache/posting/`). Where it cannot be kept, a secret for this run only: no cache is
 * then reused, which is slower but never wrong.
 */
async function machineSecret(env: Readonly<Record<string, string | undefined>>): Promise<Buffer> {
  const folder = join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "posting");
  const file = join(folder, "cache-secret");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const secret = readBounded(file, 1024, { noFollow: true });
      if (secret.length >= 32) return secret;
      return nodeCrypto().randomBytes(32);
    } catch (error) {
      if (!(error instanceof ReadRefusedError && error.reason === "missing")) return nodeCrypto().randomBytes(32);
    }
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      // Through the one writer: a run killed meanwhile leaves no half-written secret.
      await writeNewFileAtomic(file, Buffer.from(nodeCrypto().randomBytes(32).toString("hex")), { mode: 0o600 });
    } catch {
      // made meanwhile by another run (read it again), or not writable (the loop ends)
    }
  }
  return nodeCrypto().randomBytes(32);
}

/**
 * The bytes of the cache file (empty when there is none yet), or why it must be neither read nor
 * written: not a regular file, a link, too large, or not a posting cache.
 */
function readCacheFile(location: string): { bytes: Buffer } | { refused: string } {
  let bytes: Buffer;
  try {
    bytes = readBounded(location, MAX_CACHE_BYTES, { noFollow: true });
  } catch (error) {
    if (error instanceof ReadRefusedError && error.reason === "missing") return { bytes: Buffer.alloc(0) };
    return { refused: `the cache ${location} ${(error as Error).message}: not used, and left as it is` };
  }
  if (bytes.length > 0 && !bytes.subarray(0, HEADER_START.length).equals(Buffer.from(HEADER_START))) {
    return { refused: `the cache ${location} is not a posting cache (its first line is not a posting cache header): not used, and left as it is` };
  }
  return { bytes };
}

/** The entries of a cache file written for `key`, by task: where each line goes on after its path; none if the file is not one. */
function readEntries(file: Buffer, key: string): Map<string, Map<string, number>> {
  const tasks = new Map<string, Map<string, number>>();
  let end = file.indexOf(NEWLINE);
  if (end === -1) return tasks;
  const header = JSON.parse(file.toString("utf8", 0, end)) as { format?: unknown; key?: unknown } | null;
  if (!header || header.format !== FORMAT || header.key !== key) return tasks;
  for (let start = end + 1; start < file.length; start = end + 1) {
    end = file.indexOf(NEWLINE, start);
    if (end === -1) end = file.length;
    const taskTab = file.indexOf(TAB, start);
    if (taskTab === -1 || taskTab > end) continue;
    const tab = file.indexOf(TAB, taskTab + 1);
    if (tab === -1 || tab > end) continue;
    const task = file.toString("utf8", start, taskTab);
    const path: unknown = JSON.parse(file.toString("utf8", taskTab + 1, tab));
    if (typeof path !== "string") continue;
    let entries = tasks.get(task);
    if (!entries) tasks.set(task, (entries = new Map()));
    entries.set(path, tab + 1);
  }
  return tasks;
}

/** Findings as a cache keeps them: without their `file` (the target gives it back). */
export function withoutFile(findings: readonly Finding[]): Omit<Finding, "file">[] {
  return findings.map(({ file: _file, ...rest }) => rest);
}

/** Cached findings given the name the file is shown under, in its place (JSON output keeps the key order). */
export function withFile(findings: readonly Omit<Finding, "file">[], file: string): Finding[] {
  return findings.map(({ code, severity, ...rest }) => ({ code, severity, file, ...rest }));
}

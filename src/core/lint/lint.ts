// Lint = parse (encoding, front matter, YAML) + schema validation. Returns findings; never prints.
import { Buffer } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import type { Stats } from "node:fs";
import { open } from "node:fs/promises";
import { isAlias, visit } from "yaml";
import type { Document } from "yaml";
import type { ResolvedConfig } from "../project/config.js";
import { describeFsError, discoverTargets } from "../read/discover.js";
import type { Target } from "../read/discover.js";
import type { Finding } from "../findings.js";
import { compareFindings, countBySeverity } from "../findings.js";
import { sha256Hex } from "../hash.js";
import { finding } from "../messages.js";
import { frontMatterFixFindings, mojibakeFindings, withdrawBlockedFixes } from "./normalizable.js";
import type { FixBlocker } from "./normalizable.js";
import { normalizeBytes } from "../normalize/normalize.js";
import { readFrontMatter, readPostingText } from "../read/posting.js";
import type { LocatedFrontMatter } from "../read/posting.js";
import { locateSimple, parseSimpleYaml } from "../read/simple-yaml.js";
import { factsOfFrontMatter, wantsFacts } from "./facts.js";
import type { CrossFileFacts, FactsWanted } from "./facts.js";
import { detectValueChanges } from "../normalize/canonical.js";
import { detectSimpleValueChanges } from "../normalize/value-rules.js";
import type { CanonicalChanges } from "../normalize/value-rules.js";
import type { ParseOptions } from "../read/posting.js";
import type { CacheHit, LintCache } from "./lint-cache.js";
import { withFile } from "./lint-cache.js";
import { isFileSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";
import { pathText, validateFrontMatter } from "../schema/validate.js";
import { BIDI_CONTROL } from "../sanitize.js";
import { runWorkItem } from "./work-items.js";
import { runInWorkers, workerCount } from "./workers.js";
import type { WorkItem } from "./workers.js";

export interface FileResult {
  file: string;
  findings: Finding[];
  /** What the cross-file checks need of this file (only while linting a project; never reported). */
  facts?: CrossFileFacts;
}

export interface LintReport {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

export interface LintOptions extends ParseOptions {
  /** Always parse the front matter with the full YAML parser (tests compare both paths). */
  fullParse?: boolean;
  /** Also gather the facts the cross-file checks need (see facts.ts). */
  facts?: FactsWanted;
}

/** Lint one posting given as bytes. */
export function lintBytes(file: string, bytes: Uint8Array, schema: PostingSchema, options: LintOptions = {}): Finding[] {
  return lintPosting(file, bytes, schema, options).findings;
}

/** Lint one posting, with the facts `options.facts` asks for when its front matter could be read. */
export function lintPosting(file: string, bytes: Uint8Array, schema: PostingSchema, options: LintOptions = {}): { findings: Finding[]; facts?: CrossFileFacts } {
  const { parsed, yaml } = readPostingText(file, bytes, options);
  const findings = parsed.findings;
  let blocker: FixBlocker | undefined = parsed.decoded?.undecodable ? { encoding: parsed.decoded.encoding } : undefined;
  const sorted = (result: { findings: Finding[]; facts?: CrossFileFacts }) => {
    withdrawBlockedFixes(result.findings, blocker);
    return sortedFindings(result);
  };
  // Loops, not push(...all): a megabyte of garbled words is 150,000 findings, past the stack's
  // limit on arguments.
  if (parsed.decoded) for (const f of mojibakeFindings(file, parsed.text)) findings.push(f);
  if (!yaml) return sorted({ findings });

  // Front matter in the simple subset (most postings) is read without building a YAML document,
  // with the same data, positions and findings (test/simple-yaml.test.ts holds the two readers
  // to that); anything else goes through the full parser.
  const simple = options.fullParse ? undefined : parseSimpleYaml(yaml.source);
  let frontMatter: LocatedFrontMatter | undefined;
  let changes: () => CanonicalChanges;
  if (simple) {
    frontMatter = locateSimple(simple, yaml.source, yaml.startLine);
    changes = () => detectSimpleValueChanges(simple, schema);
  } else {
    readFrontMatter(parsed, yaml);
    const full = parsed.frontMatter;
    frontMatter = full;
    changes = () => detectValueChanges(full!.doc, schema);
  }
  if (!frontMatter?.data) return sorted({ findings });
  const schemaFindings = validateFrontMatter(file, frontMatter, schema);
  for (const f of schemaFindings) findings.push(f);
  if (MAY_HOLD_BIDI.test(yaml.source)) for (const f of bidiFindings(file, frontMatter)) findings.push(f);
  for (const f of frontMatterFixFindings(file, frontMatter, changes(), schemaFindings)) findings.push(f);
  // Renaming or rewriting a value that an alias (`*x`) refers to can change what the alias
  // reads, which normalize then refuses; such files are rare, so normalize is asked here.
  if (!simple && findings.some((f) => f.fixable) && hasAliases(parsed.frontMatter!.doc) && normalizeBytes(file, bytes, { ...options, schema }).status === "refused") {
    blocker = { unsafe: true };
  }
  const wanted = wantsFacts(options.facts) ? options.facts : undefined;
  const facts = wanted ? factsOfFrontMatter(frontMatter, wanted, schema) : undefined;
  return sorted(facts ? { findings, facts } : { findings });
}

// Raw bidi controls, or escapes that could be one: only then are the values walked.
const MAY_HOLD_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\\[uU]/;

/** TEXT_BIDI_CONTROL for every key and text value holding a bidi control (display spoofing). */
function bidiFindings(file: string, frontMatter: LocatedFrontMatter): Finding[] {
  const found: Finding[] = [];
  const report = (text: string, path: (string | number)[], where: "key" | "value") => {
    const ch = BIDI_CONTROL.exec(text)?.[0];
    if (!ch) return;
    const char = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    found.push(finding("TEXT_BIDI_CONTROL", { file, ...frontMatter.locate(path, where), path: pathText(path) }, { key: pathText(path), char }));
  };
  const visit = (value: unknown, path: (string | number)[], depth: number): void => {
    if (depth > 64) return;
    if (typeof value === "string") {
      report(value, path, "value");
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], depth + 1));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        report(key, [...path, key], "key");
        visit(item, [...path, key], depth + 1);
      }
    }
  };
  visit(frontMatter.data, [], 0);
  return found;
}

function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, (_, node) => {
    if (!isAlias(node)) return undefined;
    found = true;
    return visit.BREAK;
  });
  return found;
}

function sortedFindings<T extends { findings: Finding[] }>(result: T): T {
  result.findings.sort(compareFindings);
  return result;
}

export interface LintFilesOptions extends ParseOptions {
  schema: PostingSchema;
  cwd: string;
  /** The schema for one file (absolute path), when collections have their own; default `schema`. */
  schemaFor?: (path: string) => PostingSchema;
  /** `--cache`: findings of unchanged files are taken from it, and it is updated. */
  cache?: LintCache;
  /** Gather, with each file's findings, the facts the cross-file checks need (FileResult.facts). */
  facts?: FactsWanted;
  /** Environment (POSTING_WORKERS); default process.env. */
  env?: Record<string, string | undefined>;
}

/** Lint files, folders and globs; one unreadable file never stops the others. */
export async function lintPaths(inputs: readonly string[], options: LintFilesOptions): Promise<LintReport> {
  const targets = await discoverTargets(inputs, options.cwd, { stats: options.cache !== undefined });
  return summarize(await lintTargets(targets, options));
}

/**
 * Lint discovered files, results in the targets' order. Files the cache vouches for are not read;
 * past WORKER_THRESHOLD files the rest are linted on worker threads (one per core).
 */
export async function lintTargets(targets: readonly Target[], options: LintFilesOptions): Promise<FileResult[]> {
  const results = new Array<FileResult>(targets.length);
  await lintTargetsInOrder(targets, options, (result, i) => {
    results[i] = result;
  });
  return results;
}

/**
 * lintTargets, handing each result to `onResult` in the targets' order as soon as it and those
 * before it are done, and keeping none: a caller that writes each one out holds only the few
 * that finished ahead of their turn.
 */
export async function lintTargetsInOrder(targets: readonly Target[], options: LintFilesOptions, onResult: (result: FileResult, index: number) => void): Promise<void> {
  const cache = options.cache;
  const schemaOf = (target: Target) => options.schemaFor?.(target.path) ?? options.schema;
  const wanted = wantsFacts(options.facts) ? options.facts : undefined;
  const hits = new Map<number, CacheHit>();
  const done = new Map<number, FileResult>();
  let emitted = 0;
  const resultOf = (target: Target, hit: CacheHit): FileResult => {
    const result: FileResult = { file: target.display, findings: withFile(hit.findings, target.display) };
    if (hit.facts) result.facts = hit.facts;
    return result;
  };
  const flush = () => {
    while (emitted < targets.length) {
      let result = done.get(emitted);
      if (result) done.delete(emitted);
      else {
        const hit = hits.get(emitted);
        if (!hit) return;
        hits.delete(emitted);
        result = resultOf(targets[emitted]!, hit);
      }
      onResult(result, emitted++);
    }
  };
  const settle = (i: number, result: FileResult) => {
    done.set(i, result);
    if (i === emitted) flush();
  };

  const todo: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    const hit = cache && !target.problem ? cache.lookup(target.path, target.size, target.mtimeMs, schemaOf(target).hash) : undefined;
    if (!hit) todo.push(i);
    else {
      hits.set(i, hit);
      // Out at once when its turn has come: a re-run of an unchanged collection holds no results.
      if (i === emitted) flush();
    }
  }

  const remember = (target: Target, hash: string | undefined, result: FileResult) => {
    if (cache && hash !== undefined && target.size !== undefined && target.mtimeMs !== undefined) {
      cache.store(target.path, target.size, target.mtimeMs, hash, schemaOf(target).hash, result.findings, result.facts);
    }
  };
  const items = workerItems(targets, todo, schemaOf, cache);
  const workers = items ? workerCount(items.length, options.env) : 0;
  if (items && workers > 0) {
    const task = { kind: "lint" as const, legacyEncoding: options.legacyEncoding, hash: cache !== undefined, ...(wanted ? { facts: wanted } : {}) };
    await runInWorkers(items, task, workers, (k, reply) => {
      const i = todo[k]!;
      const target = targets[i]!;
      const r = reply as { file: string; findings: Finding[]; facts?: CrossFileFacts; hash?: string } | { unchanged: true; hash: string };
      if ("unchanged" in r) {
        settle(i, resultOf(target, cache!.reuse(target.path, target.size!, target.mtimeMs!, schemaOf(target).hash)!));
      } else {
        const result: FileResult = { file: r.file, findings: r.findings };
        if (r.facts) result.facts = r.facts;
        remember(target, r.hash, result);
        settle(i, result);
      }
    }, (item) => runWorkItem(task, item));
  } else {
    // Blocking reads: several times faster than fs.promises for many small files.
    const lintOptions: LintOptions = wanted ? { ...options, facts: wanted } : options;
    for (const i of todo) {
      const target = targets[i]!;
      const read = readTargetSync(target);
      if ("findings" in read) {
        settle(i, { file: target.display, findings: read.findings });
        continue;
      }
      const hash = cache ? sha256Hex(read.bytes) : undefined;
      const schema = schemaOf(target);
      if (hash !== undefined && hash === cache?.hashOf(target.path, schema.hash)) {
        settle(i, resultOf(target, cache.reuse(target.path, target.size!, target.mtimeMs!, schema.hash)!));
        continue;
      }
      const linted = lintPosting(target.display, read.bytes, schema, lintOptions);
      const result: FileResult = { file: target.display, findings: linted.findings };
      if (linted.facts) result.facts = linted.facts;
      remember(target, hash, result);
      settle(i, result);
    }
  }
  if (cache) await cache.save();
}

/** What workers need for the files to lint, or undefined when a schema is not a file they can load. */
function workerItems(targets: readonly Target[], todo: readonly number[], schemaOf: (t: Target) => PostingSchema, cache: LintCache | undefined): WorkItem[] | undefined {
  const items: WorkItem[] = [];
  const loadable = new Map<PostingSchema, boolean>();
  for (const i of todo) {
    const target = targets[i]!;
    const schema = schemaOf(target);
    if (!loadable.has(schema)) loadable.set(schema, isFileSchema(schema));
    if (!loadable.get(schema)) return undefined;
    const item: WorkItem = { display: target.display, path: target.path, schemaPath: schema.source };
    if (target.problem) item.problem = target.problem;
    if (target.noFollow) item.noFollow = true;
    const cachedHash = cache?.hashOf(target.path, schema.hash);
    if (cachedHash !== undefined) item.cachedHash = cachedHash;
    items.push(item);
  }
  return items;
}


export function summarize(results: FileResult[]): LintReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    const { errors, warnings } = countBySeverity(r.findings);
    errorCount += errors;
    warningCount += warnings;
  }
  return { results, errorCount, warningCount, fileCount: results.length };
}

/** Larger files are not read (FILE_UNREADABLE): a posting is a few kilobytes; a 5 MB body still reads. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

type ReadResult = { bytes: Uint8Array; stat?: Stats } | { findings: Finding[] };

// What discovery saw can change before the read (a file swapped for a FIFO or a link): the file
// is opened without blocking (a FIFO would wait for a writer forever) and, when it came from a
// walk or a glob, without following a link; the open descriptor is then checked to be a regular
// file of sensible size before a byte is read.
function openFlags(target: Pick<Target, "noFollow">): number {
  return constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (target.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
}

function problemFinding(target: Pick<Target, "display" | "problem">): ReadResult | undefined {
  const at = { file: target.display, line: 1, column: 1 };
  if (target.problem?.code === "FILE_NOT_REGULAR") return { findings: [finding("FILE_NOT_REGULAR", at, { kind: target.problem.kind })] };
  if (target.problem) return { findings: [finding("FILE_UNREADABLE", at, { reason: target.problem.reason })] };
  return undefined;
}

/** Why an opened file is not read, as a finding; undefined when it is a regular file of sensible size. */
function openedFileProblem(target: Pick<Target, "display">, info: Stats): ReadResult | undefined {
  const at = { file: target.display, line: 1, column: 1 };
  if (!info.isFile()) return { findings: [finding("FILE_NOT_REGULAR", at, { kind: info.isDirectory() ? "a folder" : info.isFIFO() ? "a named pipe" : info.isSocket() ? "a socket" : "a device" })] };
  if (info.size > MAX_FILE_BYTES) {
    const reason = `it is ${Math.ceil(info.size / (1024 * 1024))} MB, more than the ${MAX_FILE_BYTES / (1024 * 1024)} MB posting reads`;
    return { findings: [finding("FILE_UNREADABLE", at, { reason })] };
  }
  return undefined;
}

function openErrorFinding(target: Pick<Target, "display" | "noFollow">, error: NodeJS.ErrnoException): ReadResult {
  const at = { file: target.display, line: 1, column: 1 };
  // O_NOFOLLOW on a link fails with ELOOP: it is a link, not a loop.
  if (target.noFollow && error.code === "ELOOP") return { findings: [finding("FILE_NOT_REGULAR", at, { kind: "a symbolic link; links are not followed inside folders" })] };
  return { findings: [finding("FILE_UNREADABLE", at, { reason: describeFsError(error) })] };
}

/** Read a discovered target, or explain as a finding why it cannot be read. */
export async function readTarget(target: Target): Promise<ReadResult> {
  const known = problemFinding(target);
  if (known) return known;
  let handle;
  try {
    handle = await open(target.path, openFlags(target));
    const stat = await handle.stat();
    const refused = openedFileProblem(target, stat);
    if (refused) return refused;
    // The stat goes with the bytes: a rewrite replaces only this very file (normalize/write.ts).
    return { bytes: await handle.readFile(), stat };
  } catch (error) {
    return openErrorFinding(target, error as NodeJS.ErrnoException);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** readTarget for worker threads, where blocking reads are the fast path. */
export function readTargetSync(target: Pick<Target, "display" | "path" | "problem" | "noFollow">): ReadResult {
  const known = problemFinding(target);
  if (known) return known;
  let fd: number | undefined;
  try {
    fd = openSync(target.path, openFlags(target));
    const info = fstatSync(fd);
    const refused = openedFileProblem(target, info);
    if (refused) return refused;
    return { bytes: readOpenFile(fd, info.size) };
  } catch (error) {
    return openErrorFinding(target, error as NodeJS.ErrnoException);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The `size` bytes fstat announced (fewer if the file shrank meanwhile): what readFileSync(fd)
 * reads, without the second fstat it makes to learn the size. A file that says it is empty may
 * not be (some virtual file systems): read to its end, as readFileSync does.
 */
function readOpenFile(fd: number, size: number): Uint8Array {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, bytes, done, size - done, null);
    if (n === 0) break;
    done += n;
  }
  return bytes.subarray(0, done);
}

/** Run `fn` over targets with bounded concurrency, keeping the input order in the output. */
export async function mapTargets<T, I = Target>(targets: readonly I[], fn: (t: I) => Promise<T>, concurrency = 32): Promise<T[]> {
  const out = new Array<T>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      out[i] = await fn(targets[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return out;
}

/** The inputs to use: the arguments, else the config's content folders. */
export function resolveInputs(args: readonly string[], config: ResolvedConfig): string[] | undefined {
  if (args.length > 0) return [...args];
  if (config.content.length > 0) return config.content;
  return undefined;
}

// `posting lint --cache`: lint's section of the cache (core/files/cache.ts), whose data per file
// is its findings (without their `file`) and its cross-file facts.
import type { Finding } from "../findings.js";
import { FileCache, isCachedFinding, withFile, withoutFile } from "../files/cache.js";
import type { CacheSection } from "../files/cache.js";
import type { TaskCache } from "../files/task.js";
import { isCrossFileFacts } from "./facts.js";
import type { CrossFileFacts } from "./facts.js";
import type { FileFindings } from "../report.js";

/** A lint result as cached (lint.ts's FileResult). */
type LintResult = FileFindings & { facts?: CrossFileFacts };

/** [findings without their `file`, cross-file facts or 0] */
export type LintCacheData = [Omit<Finding, "file">[], CrossFileFacts | 0];

/** A file's cached result: its findings (to be given their `file`) and its cross-file facts. */
export interface CacheHit {
  findings: readonly Omit<Finding, "file">[];
  facts: CrossFileFacts | undefined;
}

function isLintCacheData(value: unknown): value is LintCacheData {
  return Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && value[0].every(isCachedFinding) && (value[1] === 0 || isCrossFileFacts(value[1]));
}

export const LINT_CACHE_DATA: TaskCache<LintResult, LintCacheData> = {
  toData: (result) => [withoutFile(result.findings), result.facts ?? 0],
  isData: isLintCacheData,
  fromData([findings, facts], file) {
    const result: LintResult = { file, findings: withFile(findings, file) };
    if (facts !== 0) result.facts = facts;
    return result;
  },
};

/** The cache file, seen through lint's section (the library and tests use it so). */
export class LintCache {
  private readonly section: CacheSection<LintCacheData>;
  private constructor(readonly file: FileCache) {
    this.section = file.section("lint", isLintCacheData);
  }

  /** Lint's section of a cache file already open (the CLI opens one file for every task). */
  static of(file: FileCache): LintCache {
    return new LintCache(file);
  }

  /** `key` covers what changes every result: the tool version and the config. */
  static async open(location: string, runKey: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<LintCache> {
    return new LintCache(await FileCache.open(location, runKey, env));
  }

  get location(): string {
    return this.file.location;
  }

  /** Why the cache file is neither read nor written, for the run to say once; undefined when usable. */
  get warning(): string | undefined {
    return this.file.warning;
  }

  lookup(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): CacheHit | undefined {
    const data = this.section.lookup(path, size, mtimeMs, schemaHash);
    return data && hitOf(data);
  }

  hashOf(path: string, schemaHash: string): string | undefined {
    return this.section.hashOf(path, schemaHash);
  }

  reuse(path: string, size: number, mtimeMs: number, schemaHash: string): CacheHit | undefined {
    const data = this.section.reuse(path, size, mtimeMs, schemaHash);
    return data && hitOf(data);
  }

  store(path: string, size: number, mtimeMs: number, hash: string, schemaHash: string, findings: readonly Finding[], facts?: CrossFileFacts): void {
    this.section.store(path, size, mtimeMs, hash, schemaHash, LINT_CACHE_DATA.toData({ file: "", findings: [...findings], ...(facts ? { facts } : {}) }));
  }

  save(): Promise<void> {
    return this.file.save();
  }
}

function hitOf([findings, facts]: LintCacheData): CacheHit {
  return { findings, facts: facts === 0 ? undefined : facts };
}

export { DEFAULT_CACHE_FILE } from "../files/cache.js";

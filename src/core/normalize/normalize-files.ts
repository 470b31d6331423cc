// Normalize files, folders and globs: each file read, normalized and (only when asked) rewritten
// atomically. Shared by `posting normalize` and the library's `normalize()`.
import { discoverTargets } from "../files/targets.js";
import type { Finding } from "../findings.js";
import type { FileCache } from "../files/cache.js";
import { isCachedFinding, withFile, withoutFile } from "../files/cache.js";
import { readTarget } from "../files/read-target.js";
import { mapTargets, runFiles } from "../files/run-files.js";
import type { FileTask } from "../files/task.js";
import { withSchema } from "../files/task.js";
import { checkBytes, normalizeBytes } from "./normalize.js";
import type { NormalizeOptions, NormalizeResult } from "./normalize.js";
import { removeStaleTempFiles } from "../files/write.js";
import { rewriteRead } from "../files/rewrite.js";
import { dirname } from "node:path";
import type { Discovery } from "../files/discovery.js";

export interface NormalizePathsOptions extends NormalizeOptions {
  cwd: string;
  /** Rewrite the files that change (atomically). Default: false, nothing is written. */
  write?: boolean;
  /** What folder walks take: the config's extensions, ignore globs and .gitignore files (files/discovery.ts). */
  discovery?: Discovery;
}

export async function normalizePaths(inputs: readonly string[], options: NormalizePathsOptions): Promise<NormalizeResult[]> {
  const targets = await discoverTargets(inputs, options.cwd, { ...options.discovery });
  // A write run first removes the temp files killed runs left in its folders.
  if (options.write) for (const folder of new Set(targets.map((t) => dirname(t.path)))) removeStaleTempFiles(folder);
  return mapTargets(targets, async (target): Promise<NormalizeResult> => {
    const read = await readTarget(target);
    if ("findings" in read) return { file: target.display, status: "refused", findings: read.findings };
    const result = normalizeBytes(target.display, read.bytes, options);
    if (options.write && result.status === "changed") {
      const notWritten = await rewriteRead(target, read, result.output);
      if (notWritten) return { file: target.display, status: "refused", findings: [notWritten] };
    }
    return result;
  });
}

/** What `normalize --check` needs of a file: whether it would change, and what needs a human. */
export interface NormalizeCheckResult {
  file: string;
  status: NormalizeResult["status"];
  findings: Finding[];
}

/** What --check is told besides the schema (plain data: it is sent to worker threads). */
export type CheckOptions = Pick<NormalizeOptions, "legacyEncoding" | "fromEncoding" | "style">;

/** [status, findings without their `file`] */
type CheckCacheData = [NormalizeResult["status"], Omit<Finding, "file">[]];
const STATUSES: ReadonlySet<unknown> = new Set(["changed", "unchanged", "refused"]);

/** `normalize --check` as a task of runFiles: the verdict and the findings, not the new bytes. */
export const checkTask: FileTask<NormalizeCheckResult, CheckOptions, CheckCacheData> = {
  name: "normalize-check",
  run: (file, bytes, schema, options) => checkBytes(file, bytes, withSchema(options, schema) as NormalizeOptions),
  fromReadProblem: (file, findings) => ({ file, status: "refused", findings }),
  cache: {
    toData: (result) => [result.status, withoutFile(result.findings)],
    isData: (value): value is CheckCacheData => Array.isArray(value) && value.length === 2 && STATUSES.has(value[0]) && Array.isArray(value[1]) && value[1].every(isCachedFinding),
    fromData: ([status, findings], file) => ({ file, status, findings: withFile(findings, file) }),
  },
};

/** The same check in the canonical style, with its own cache section (its verdicts differ). */
export const canonicalCheckTask: FileTask<NormalizeCheckResult, CheckOptions, CheckCacheData> = { ...checkTask, name: "normalize-check-canonical" };

/**
 * `normalize --check`: the verdict for every file, in input order, nothing written. Past
 * WORKER_THRESHOLD files the work runs on worker threads, as lint's does; with `cache`, the
 * verdicts of unchanged files are taken from it (normalize's own section).
 */
export async function checkPaths(inputs: readonly string[], options: NormalizePathsOptions & { env?: Record<string, string | undefined>; cache?: FileCache }): Promise<NormalizeCheckResult[]> {
  const targets = await discoverTargets(inputs, options.cwd, { stats: options.cache !== undefined, ...options.discovery });
  const results = new Array<NormalizeCheckResult>(targets.length);
  const schema = options.schema;
  await runFiles(targets, options.style === "canonical" ? canonicalCheckTask : checkTask, {
    options: {
      ...(options.legacyEncoding ? { legacyEncoding: options.legacyEncoding } : {}),
      ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}),
      ...(options.style ? { style: options.style } : {}),
    },
    schemaFor: () => schema,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.env ? { env: options.env } : {}),
    onResult: (result, i) => {
      results[i] = result;
    },
  });
  return results;
}

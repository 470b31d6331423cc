// Normalize files, folders and globs: each file read, normalized and (only when asked) rewritten
// atomically. Shared by `posting normalize` and the library's `normalize()`.
import { describeFsError, discoverTargets } from "../read/discover.js";
import { finding } from "../messages.js";
import { UserError } from "../errors.js";
import type { Finding } from "../findings.js";
import { mapTargets, readTarget, readTargetSync } from "../lint/lint.js";
import { checkBytes, normalizeBytes } from "./normalize.js";
import type { NormalizeOptions, NormalizeResult } from "./normalize.js";
import { isFileSchema } from "../schema/schema.js";
import { runWorkItem } from "../lint/work-items.js";
import { runInWorkers, workerCount } from "../lint/workers.js";
import { removeStaleTempFiles, writeFileAtomic } from "./write.js";
import { dirname } from "node:path";

export interface NormalizePathsOptions extends NormalizeOptions {
  cwd: string;
  /** Rewrite the files that change (atomically). Default: false, nothing is written. */
  write?: boolean;
}

export async function normalizePaths(inputs: readonly string[], options: NormalizePathsOptions): Promise<NormalizeResult[]> {
  const targets = await discoverTargets(inputs, options.cwd);
  // A write run first removes the temp files killed runs left in its folders.
  if (options.write) for (const folder of new Set(targets.map((t) => dirname(t.path)))) removeStaleTempFiles(folder);
  return mapTargets(targets, async (target): Promise<NormalizeResult> => {
    const read = await readTarget(target);
    if ("findings" in read) return { file: target.display, status: "refused", findings: read.findings };
    const result = normalizeBytes(target.display, read.bytes, options);
    if (options.write && result.status === "changed") {
      try {
        await writeFileAtomic(target.path, result.output, { unchangedFrom: read.bytes, ...(read.stat ? { readStat: read.stat } : {}) });
      } catch (error) {
        const reason = error instanceof UserError ? error.message : describeFsError(error as NodeJS.ErrnoException);
        return { file: target.display, status: "refused", findings: [finding("FILE_NOT_WRITTEN", { file: target.display, line: 1, column: 1 }, { reason })] };
      }
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

/**
 * `normalize --check`: the verdict for every file, in input order, nothing written. Past
 * WORKER_THRESHOLD files the work runs on worker threads, as lint's does.
 */
export async function checkPaths(inputs: readonly string[], options: NormalizePathsOptions & { env?: Record<string, string | undefined> }): Promise<NormalizeCheckResult[]> {
  const targets = await discoverTargets(inputs, options.cwd);
  const schema = options.schema;
  const workers = isFileSchema(schema) ? workerCount(targets.length, options.env) : 0;
  if (workers > 0) {
    const results = new Array<NormalizeCheckResult>(targets.length);
    const items = targets.map((t) => ({ display: t.display, path: t.path, schemaPath: schema.source, ...(t.problem ? { problem: t.problem } : {}) }));
    const task = { kind: "normalize-check" as const, ...(options.legacyEncoding ? { legacyEncoding: options.legacyEncoding } : {}), ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}) };
    await runInWorkers(
      items,
      task,
      workers,
      (i, result) => {
        results[i] = result as NormalizeCheckResult;
      },
      (item) => runWorkItem(task, item),
    );
    return results;
  }
  return targets.map((target) => {
    const read = readTargetSync(target);
    if ("findings" in read) return { file: target.display, status: "refused", findings: read.findings };
    return checkBytes(target.display, read.bytes, options);
  });
}


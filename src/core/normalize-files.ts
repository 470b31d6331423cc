// Normalize files, folders and globs: each file read, normalized and (only when asked) rewritten
// atomically. Shared by `posting normalize` and the library's `normalize()`.
import { discoverTargets } from "./discover.js";
import { UserError } from "./errors.js";
import { mapTargets, readTarget } from "./lint.js";
import { normalizeBytes } from "./normalize.js";
import type { NormalizeOptions, NormalizeResult } from "./normalize.js";
import { writeFileAtomic } from "./write.js";

export interface NormalizePathsOptions extends NormalizeOptions {
  cwd: string;
  /** Rewrite the files that change (atomically). Default: false, nothing is written. */
  write?: boolean;
}

export async function normalizePaths(inputs: readonly string[], options: NormalizePathsOptions): Promise<NormalizeResult[]> {
  const targets = await discoverTargets(inputs, options.cwd);
  return mapTargets(targets, async (target): Promise<NormalizeResult> => {
    const read = await readTarget(target);
    if ("findings" in read) return { file: target.display, status: "refused", findings: read.findings };
    const result = normalizeBytes(target.display, read.bytes, options);
    if (options.write && result.status === "changed") {
      try {
        await writeFileAtomic(target.path, result.output);
      } catch (error) {
        const reason = error instanceof UserError ? error.message : `cannot write: ${(error as Error).message}`;
        return { file: target.display, status: "refused", findings: [{ code: "FILE_UNREADABLE", severity: "error", file: target.display, line: 1, column: 1, path: "", message: reason }] };
      }
    }
    return result;
  });
}

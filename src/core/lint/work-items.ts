// One file's work for a large run, the same on the main thread and on worker threads: read it,
// then lint it or check what normalize would do. Returns plain data (it crosses threads).
import { sha256Hex } from "../hash.js";
import { lintPosting, readTargetSync } from "./lint.js";
import { checkBytes } from "../normalize/normalize.js";
import { loadSchema } from "../schema/schema.js";
import type { WorkerTask, WorkItem } from "./workers.js";

export function runWorkItem(task: WorkerTask, item: WorkItem): unknown {
  const read = readTargetSync(item);
  if ("findings" in read) return task.kind === "lint" ? { file: item.display, findings: read.findings } : { file: item.display, status: "refused", findings: read.findings };
  const schema = loadSchema(item.schemaPath);
  if (task.kind === "lint") {
    const hash = task.hash ? sha256Hex(read.bytes) : undefined;
    if (hash !== undefined && hash === item.cachedHash) return { unchanged: true, hash };
    const options = { ...(task.legacyEncoding ? { legacyEncoding: task.legacyEncoding } : {}), ...(task.facts ? { facts: task.facts } : {}) };
    return { file: item.display, ...lintPosting(item.display, read.bytes, schema, options), hash };
  }
  // --check needs the verdict and the findings, not the new bytes (see checkPaths).
  return checkBytes(item.display, read.bytes, {
    schema,
    ...(task.legacyEncoding ? { legacyEncoding: task.legacyEncoding } : {}),
    ...(task.fromEncoding ? { fromEncoding: task.fromEncoding } : {}),
  });
}

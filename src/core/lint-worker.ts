// Worker thread entry (see workers.ts): reads, parses and checks the files of each batch it is
// sent and replies with plain data, in the batch's order.
import { parentPort, workerData } from "node:worker_threads";
import { sha256Hex } from "./hash.js";
import { lintBytes, readTargetSync } from "./lint.js";
import { normalizeBytes } from "./normalize.js";
import { loadSchema } from "./schema.js";
import type { WorkerTask, WorkItem } from "./workers.js";

const { task } = workerData as { task: WorkerTask };

function runItem(item: WorkItem): unknown {
  const read = readTargetSync(item);
  if ("findings" in read) return { file: item.display, findings: read.findings };
  const schema = loadSchema(item.schemaPath);
  if (task.kind === "lint") {
    const hash = task.hash ? sha256Hex(read.bytes) : undefined;
    if (hash !== undefined && hash === item.cachedHash) return { unchanged: true, hash };
    const options = task.legacyEncoding ? { legacyEncoding: task.legacyEncoding } : {};
    return { file: item.display, findings: lintBytes(item.display, read.bytes, schema, options), hash };
  }
  const result = normalizeBytes(item.display, read.bytes, {
    schema,
    ...(task.legacyEncoding ? { legacyEncoding: task.legacyEncoding } : {}),
    ...(task.fromEncoding ? { fromEncoding: task.fromEncoding } : {}),
  });
  // --check needs the verdict and the findings, not the new bytes (see checkPaths).
  return { file: result.file, status: result.status, findings: result.findings };
}

parentPort!.on("message", ({ id, items }: { id: number; items: WorkItem[] }) => {
  try {
    parentPort!.postMessage({ id, results: items.map(runItem) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Worker thread entry (see core/files/workers.ts): runs each batch it is sent with the task it was
// started for, and replies with plain data, in the batch's order. An entry point like cli.ts: the
// one place that knows every task.
import { parentPort, workerData } from "node:worker_threads";
import type { FileTask, TaskName } from "./core/files/task.js";
import { runOne } from "./core/files/task.js";
import type { WorkerTask, WorkItem } from "./core/files/workers.js";
import { lintTask } from "./core/lint/lint.js";
import { listTask } from "./core/list/list.js";
import { canonicalCheckTask, checkTask } from "./core/normalize/normalize-files.js";
import { loadSchema } from "./core/schema/schema.js";

const TASKS: Record<TaskName, FileTask<unknown, unknown>> = {
  lint: lintTask as FileTask<unknown, unknown>,
  "normalize-check": checkTask as FileTask<unknown, unknown>,
  "normalize-check-canonical": canonicalCheckTask as FileTask<unknown, unknown>,
  list: listTask as FileTask<unknown, unknown>,
};

const { task: { name, options, hashing } } = workerData as { task: WorkerTask };
const task = TASKS[name];

parentPort!.on("message", ({ id, items }: { id: number; items: WorkItem[] }) => {
  try {
    const results = items.map((item) => runOne(task, item, item.schemaPath === undefined ? undefined : loadSchema(item.schemaPath), options, hashing, item.cachedHash));
    parentPort!.postMessage({ id, results });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

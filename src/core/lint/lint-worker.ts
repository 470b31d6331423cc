// Worker thread entry (see workers.ts): runs each batch it is sent and replies with plain data,
// in the batch's order.
import { parentPort, workerData } from "node:worker_threads";
import { runWorkItem } from "./work-items.js";
import type { WorkerTask, WorkItem } from "./workers.js";

const { task } = workerData as { task: WorkerTask };

parentPort!.on("message", ({ id, items }: { id: number; items: WorkItem[] }) => {
  try {
    parentPort!.postMessage({ id, results: items.map((item) => runWorkItem(task, item)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Per-file work on worker threads for large runs: the main thread discovers files and collects
// results in input order; workers read, parse and check files in batches. File contents never
// leave a worker, and at most a few batches per worker are in flight, so memory stays flat
// however many files there are.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Target } from "./targets.js";
import type { TaskName } from "./task.js";

/**
 * Below this many files, workers cost more than they save. Measured on 2 cores (Node 20), with
 * POSTING_WORKERS=0 against 2: a worker starts cold (it loads the code and warms it up again,
 * some 0.3 s of work), and V8's own compiler and collector threads already keep the second core
 * busy part of the time. 20,000 postings: 1.26-1.33 s both ways; 40,000: 2.16 s against 2.03 s
 * (and 180-195 MB of memory instead of 130 MB); 100,000: 4.0-4.7 s against 4.26 s.
 */
export const WORKER_THRESHOLD = 50_000;
/**
 * On this many cores or fewer, workers never pay: 100,000 postings on 2 cores (Node 20) took 22 %
 * more wall time and 35 % more CPU with a worker than without (V8's compiler and collector
 * threads already use the second core).
 */
export const MIN_WORKER_CORES = 2;
const BATCH_SIZE = 50;
const BATCHES_IN_FLIGHT = 2;
// A worker keeps almost nothing between files: a small young generation keeps its memory flat
// (V8's default lets each one grow by tens of megabytes of garbage before collecting).
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** What every worker is told once: the task, its options (plain data), whether to hash contents. */
export interface WorkerTask {
  name: TaskName;
  options: unknown;
  hashing: boolean;
}

export interface WorkItem {
  display: string;
  path: string;
  problem?: Target["problem"];
  noFollow?: boolean;
  /** Schema file the item is checked against (loaded once per worker); none when the task needs none. */
  schemaPath?: string;
  /** Content hash from the cache: a worker that finds the same bytes answers `{ unchanged: true }`. */
  cachedHash?: string;
}

interface BatchReply {
  id: number;
  results?: unknown[];
  error?: string;
}

// The worker script (src/worker.ts) once built: worker.cjs next to the command line's bundle
// (dist/bundle/, named at build time), dist/worker.js in the library (two folders up from
// dist/core/files/). From the TypeScript sources (tests) there is none and everything runs in-process.
declare const __POSTING_WORKER_FILE__: string | undefined;
const WORKER_FILE = join(import.meta.dirname, typeof __POSTING_WORKER_FILE__ === "string" ? __POSTING_WORKER_FILE__ : "../../worker.js");

/**
 * How many threads to use for `files` files, the main thread included: 0 (plain in-process run)
 * below the threshold, on MIN_WORKER_CORES cores or fewer, or without a built worker script, else
 * one per core. POSTING_WORKERS=n overrides (0 or 1: no worker threads).
 */
export function workerCount(files: number, env: Record<string, string | undefined> = process.env, cores?: number): number {
  const forced = env.POSTING_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced) > 1 && existsSync(WORKER_FILE) ? Number(forced) : 0;
  if (files < WORKER_THRESHOLD) return 0;
  // Counted only for a run this large (node:os loads on first use: see LAZY_BUILTINS in scripts/build.mjs).
  const available = cores ?? availableParallelism();
  if (available <= MIN_WORKER_CORES || !existsSync(WORKER_FILE)) return 0;
  return Math.min(available, 8);
}

/**
 * Run `task` on every item with `threads` threads: the main thread (`runHere`) and threads - 1
 * workers, each taking the next batch when done; `onResult` gets each result with its item's
 * index. The main thread working too saves an isolate (memory) and uses its warmed-up code.
 */
export async function runInWorkers(
  items: readonly WorkItem[],
  task: WorkerTask,
  threads: number,
  onResult: (index: number, result: unknown) => void,
  runHere: (item: WorkItem, index: number) => unknown,
): Promise<void> {
  const batches: number[] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) batches.push(start);
  let next = 0;
  // Loaded here, not at start-up: most runs use no worker.
  const { Worker } = createRequire(import.meta.filename)("node:worker_threads") as typeof import("node:worker_threads");
  const workers = Array.from({ length: Math.max(0, Math.min(threads - 1, batches.length - 1)) }, () => new Worker(WORKER_FILE, { workerData: { task }, resourceLimits: WORKER_LIMITS }));
  const onWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        let done = false;
        const send = () => {
          while (inFlight < BATCHES_IN_FLIGHT && next < batches.length) {
            const id = batches[next++]!;
            worker.postMessage({ id, items: items.slice(id, id + BATCH_SIZE) });
            inFlight++;
          }
          if (inFlight === 0) {
            done = true;
            resolve();
          }
        };
        worker.on("message", (reply: BatchReply) => {
          if (reply.error !== undefined) return reject(new Error(`in a worker thread: ${reply.error}`));
          inFlight--;
          reply.results!.forEach((result, i) => onResult(reply.id + i, result));
          send();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (!done) reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        send();
      }),
  );
  const here = (async () => {
    while (next < batches.length) {
      const id = batches[next++]!;
      const end = Math.min(id + BATCH_SIZE, items.length);
      for (let i = id; i < end; i++) onResult(i, runHere(items[i]!, i));
      // Let the workers' replies in, so they are sent their next batch without waiting.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    await Promise.all([here, ...onWorkers]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

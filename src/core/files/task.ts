// One file's work, the same on the main thread and on worker threads: read it, hash it when a
// cache is in use (the same bytes as the cached entry's need no work), then run the task on it.
// Returns plain data (it crosses threads).
import type { Finding } from "../findings.js";
import { sha256Hex } from "../hash.js";
import type { PostingSchema } from "../schema/schema.js";
import { readTargetSync } from "./read-target.js";
import type { Target } from "./targets.js";

/** The verbs that read files through runFiles; the worker entry (src/worker.ts) maps each to its task. */
export type TaskName = "lint" | "normalize-check" | "normalize-check-canonical" | "list";

/**
 * What a verb does with each file. `run` and `fromReadProblem` return plain data (no functions,
 * no class instances): results cross threads. `O` is plain data too (it is sent to workers).
 */
export interface FileTask<R, O, D = unknown> {
  readonly name: TaskName;
  /** The result for a file that was read: `file` is its display name, `schema` its schema (if the verb has one). */
  run(file: string, bytes: Uint8Array, schema: PostingSchema | undefined, options: O): R;
  /** The result for a file that could not be read (the findings say why). */
  fromReadProblem(file: string, findings: Finding[]): R;
  /** How results are kept in the cache; absent when this task's results are not cached. */
  readonly cache?: TaskCache<R, D>;
}

/** A task's results as cache data: plain JSON, without the file name (the target gives it back). */
export interface TaskCache<R, D> {
  toData(result: R): D;
  /** Whether data read back from a cache file is well-formed data of this task (anything else is dropped). */
  isData(value: unknown): value is D;
  fromData(data: D, file: string): R;
}

/** One file's outcome: the task's result (with the content hash when asked), or "same bytes as the cached entry". */
export type WorkReply<R> = { result: R; hash?: string } | { unchanged: true; hash: string };

export type ReadableTarget = Pick<Target, "display" | "path" | "problem" | "noFollow">;

/** Read, hash (when `hashing`), compare with the cached entry's hash, run. */
export function runOne<R, O>(task: FileTask<R, O>, target: ReadableTarget, schema: PostingSchema | undefined, options: O, hashing: boolean, cachedHash: string | undefined): WorkReply<R> {
  // Blocking reads: several times faster than fs.promises for many small files.
  const read = readTargetSync(target);
  if ("findings" in read) return { result: task.fromReadProblem(target.display, read.findings) };
  const hash = hashing ? sha256Hex(read.bytes) : undefined;
  if (hash !== undefined && hash === cachedHash) return { unchanged: true, hash };
  return { result: task.run(target.display, read.bytes, schema, options), hash };
}

const combined = new WeakMap<object, Map<PostingSchema | undefined, object>>();

/** `{ ...options, schema }` for a task's run, made once per options and schema (not once per file). */
export function withSchema<O extends object>(options: O, schema: PostingSchema | undefined): O & { schema?: PostingSchema } {
  let bySchema = combined.get(options);
  if (!bySchema) combined.set(options, (bySchema = new Map()));
  let both = bySchema.get(schema);
  if (!both) bySchema.set(schema, (both = schema ? { ...options, schema } : { ...options }));
  return both as O & { schema?: PostingSchema };
}

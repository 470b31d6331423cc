// The one loop over files every verb uses: `runFiles(targets, task, …)` hands each target's result
// to `onResult` in the targets' order, as soon as it and those before it are done, and keeps none:
// a caller that writes each one out holds only the few that finished ahead of their turn. Files
// the cache vouches for (same size and time) are not read (nor their cached data parsed when the
// caller takes a stand-in from their entry's note), files whose bytes match their cached entry
// are not worked on, and past WORKER_THRESHOLD files the rest run on worker threads too.
import { sha256Hex } from "../hash.js";
import type { PostingSchema } from "../schema/schema.js";
import { isFileSchema } from "../schema/schema.js";
import type { FileCache } from "./cache.js";
import { collectSooner, LARGE_RUN } from "./heap.js";
import type { Target } from "./targets.js";
import { runOne } from "./task.js";
import type { FileTask, WorkReply } from "./task.js";
import { runInWorkers, workerCount } from "./workers.js";
import type { WorkItem } from "./workers.js";

export interface RunFilesOptions<R, O, S = never> {
  /** What the task needs besides each file's bytes. Plain data: it is sent to worker threads. */
  options: O;
  /** Each file's schema (collections may have their own); none when the task needs none. */
  schemaFor?: (target: Target) => PostingSchema | undefined;
  /** `--cache`: results of unchanged files are taken from it (in the task's own section), and it is updated. */
  cache?: FileCache;
  /** Environment (POSTING_WORKERS); default process.env. */
  env?: Record<string, string | undefined>;
  onResult: (result: R, index: number) => void;
  /**
   * For a file the cache vouches for, what the caller takes instead of its result, made from the
   * note it attached to the file's entry on an earlier run (lint's printed block): the task's data
   * is then never parsed. `of` checks the note (read back from an untrusted file) and gives
   * undefined to have the result as usual.
   */
  standIn?: StandIn<S>;
}

export interface StandIn<S> {
  of(note: unknown, target: Target): S | undefined;
  /** In the targets' order, among the results. */
  onStandIn(standIn: S, index: number): void;
}

const NO_SCHEMA = (): undefined => undefined;

export async function runFiles<R, O, D, S = never>(targets: readonly Target[], task: FileTask<R, O, D>, run: RunFilesOptions<R, O, S>): Promise<void> {
  if (targets.length >= LARGE_RUN) collectSooner();
  const kept = task.cache;
  const section = run.cache && kept ? run.cache.section(task.name, kept.isData) : undefined;
  const schemaOf = run.schemaFor ?? NO_SCHEMA;
  // An entry holds for one schema and one set of task options (`--from-encoding` changes verdicts):
  // both go into the hash an entry is kept under, computed once per schema.
  const optionsKey = section ? JSON.stringify(run.options) : "";
  const keys = new Map<PostingSchema | undefined, string>();
  const schemaHash = (target: Target) => {
    const schema = schemaOf(target);
    let key = keys.get(schema);
    if (key === undefined) keys.set(schema, (key = sha256Hex(`${schema?.hash ?? ""}\0${optionsKey}`)));
    return key;
  };
  const hits = new Map<number, D>();
  const standIns = new Map<number, S>();
  const done = new Map<number, R>();
  let emitted = 0;
  const flush = () => {
    while (emitted < targets.length) {
      const standIn = standIns.get(emitted);
      if (standIn !== undefined) {
        standIns.delete(emitted);
        run.standIn!.onStandIn(standIn, emitted++);
        continue;
      }
      let result = done.get(emitted);
      if (result !== undefined) done.delete(emitted);
      else {
        const hit = hits.get(emitted);
        if (hit === undefined) return;
        hits.delete(emitted);
        result = kept!.fromData(hit, targets[emitted]!.display);
      }
      run.onResult(result, emitted++);
    }
  };
  // A stand-in made from the note of an unchanged file's entry, which is then kept as it is.
  const standInOf = (target: Target, key: string): S | undefined => {
    const note = run.standIn && section!.noteOf(target.path, target.size, target.mtimeMs, key);
    const standIn = note === undefined ? undefined : run.standIn!.of(note, target);
    if (standIn !== undefined) section!.keep(target.path);
    return standIn;
  };

  const todo: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    const key = section && !target.problem ? schemaHash(target) : undefined;
    const standIn = key === undefined ? undefined : standInOf(target, key);
    const hit = key === undefined || standIn !== undefined ? undefined : section!.lookup(target.path, target.size, target.mtimeMs, key);
    if (standIn !== undefined) {
      standIns.set(i, standIn);
      if (i === emitted) flush();
    } else if (hit === undefined) todo.push(i);
    else {
      hits.set(i, hit);
      // Out at once when its turn has come: a re-run of an unchanged collection holds no results.
      if (i === emitted) flush();
    }
  }

  const accept = (i: number, reply: WorkReply<R>) => {
    const target = targets[i]!;
    let result: R;
    if ("unchanged" in reply) {
      // The same bytes as the cached entry's: only the time changed.
      result = kept!.fromData(section!.reuse(target.path, target.size!, target.mtimeMs!, schemaHash(target))!, target.display);
    } else {
      result = reply.result;
      if (section && reply.hash !== undefined && target.size !== undefined && target.mtimeMs !== undefined) {
        section.store(target.path, target.size, target.mtimeMs, reply.hash, schemaHash(target), kept!.toData(result));
      }
    }
    // Hot path: a file whose turn has come (every file, without workers) goes out at once, and the
    // maps are looked at only when results wait in them.
    if (i !== emitted) done.set(i, result);
    else {
      run.onResult(result, emitted++);
      if (done.size > 0 || hits.size > 0 || standIns.size > 0) flush();
    }
  };
  const hashing = section !== undefined;
  const threads = workerCount(todo.length, run.env);
  const items = threads > 0 ? workerItems(targets, todo, schemaOf, section && ((target) => section.hashOf(target.path, schemaHash(target)))) : undefined;
  if (items) {
    const workerTask = { name: task.name, options: run.options, hashing };
    await runInWorkers(items, workerTask, threads, (k, reply) => accept(todo[k]!, reply as WorkReply<R>), (item, k) =>
      runOne(task, item, schemaOf(targets[todo[k]!]!), run.options, hashing, item.cachedHash),
    );
  } else {
    for (const i of todo) {
      const target = targets[i]!;
      const schema = schemaOf(target);
      accept(i, runOne(task, target, schema, run.options, hashing, section?.hashOf(target.path, schemaHash(target))));
    }
  }
  if (section) await run.cache!.save();
}

/** What workers need for the files to run, or undefined when a schema is not a file they can load. */
function workerItems(targets: readonly Target[], todo: readonly number[], schemaOf: (t: Target) => PostingSchema | undefined, cachedHashOf: ((t: Target) => string | undefined) | undefined): WorkItem[] | undefined {
  const items: WorkItem[] = [];
  const loadable = new Map<PostingSchema, boolean>();
  for (const i of todo) {
    const target = targets[i]!;
    const schema = schemaOf(target);
    const item: WorkItem = { display: target.display, path: target.path };
    if (schema) {
      if (!loadable.has(schema)) loadable.set(schema, isFileSchema(schema));
      if (!loadable.get(schema)) return undefined;
      item.schemaPath = schema.source;
    }
    if (target.problem) item.problem = target.problem;
    if (target.noFollow) item.noFollow = true;
    const cachedHash = cachedHashOf?.(target);
    if (cachedHash !== undefined) item.cachedHash = cachedHash;
    items.push(item);
  }
  return items;
}

/** Run `fn` over targets with bounded concurrency, keeping the input order in the output. */
export async function mapTargets<T, I = Target>(targets: readonly I[], fn: (t: I) => Promise<T>, concurrency = 32): Promise<T[]> {
  const out = new Array<T>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      out[i] = await fn(targets[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return out;
}

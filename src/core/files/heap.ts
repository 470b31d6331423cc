// Large runs keep little from one file to the next (results go out in order as they come), yet V8
// lets the old generation grow to several times what is live before a full collection: 100,000
// postings peaked at 195 MB with 30 MB live. Past LARGE_RUN files the heap is told to grow by 20 %
// at a time instead (157 MB, for a few more full collections of a small heap). node:v8 costs a
// few milliseconds to load, so a small run never loads it. It is set while the walk finds the
// files (before the first full collection sizes the heap), and only after the
// command line's bundle was compiled, as V8 refuses a code cache made under other flags.
import { createRequire } from "node:module";

export const LARGE_RUN = 10_000;
let tuned = false;

/** Collect garbage sooner for the rest of the process (a V8 flag: process-wide, set once). */
export function collectSooner(): void {
  if (tuned) return;
  tuned = true;
  (createRequire(import.meta.filename)("node:v8") as typeof import("node:v8")).setFlagsFromString("--heap-growing-percent=20");
}

// Large runs keep little from one file to the next (results go out in order as they come), yet V8
// lets the heap grow to several times what is live: 100,000 postings peaked at 195 MB with 30 MB
// live. Past LARGE_RUN files (found by the walk, or given) two flags keep it small for the rest
// of the process: the old generation grows by 20 % at a time (a few more full collections of a
// small heap), and the young generation keeps its first size instead of doubling up to 16 MB per
// semi-space while files are read as fast as they come (hardly anything in it survives, so the
// extra scavenges cost nothing measurable). Peak RSS at 100,000 postings: lint 157 -> 125 MB,
// list --format json 153 -> 120 MB. The young generation grows early, so the flags are set
// after 1,000 files rather than 10,000 (146 MB then). V8 reads both whenever it sizes the heap,
// so setting them mid-run works; they are set only after the command line's bundle was compiled,
// as V8 refuses a code cache made under other flags. node:v8 costs a few milliseconds to load,
// so a small run never loads it.

import { requireLazily } from "../require-lazily.js";

export const LARGE_RUN = 1_000;
let tuned = false;

/** Collect garbage sooner for the rest of the process (a V8 flag: process-wide, set once). */
export function collectSooner(): void {
  if (tuned) return;
  tuned = true;
  (requireLazily("node:v8") as typeof import("node:v8")).setFlagsFromString("--heap-growing-percent=20 --semi-space-growth-factor=1");
}

/** Whether this process set the flags above (a V8 code cache made now would not suit other runs). */
export function heapFlagsChanged(): boolean {
  return tuned;
}

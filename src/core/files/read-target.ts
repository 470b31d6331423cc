// Reading one discovered file: opened without blocking and (for files met in a walk or a glob)
// without following a link, checked to be a regular file of sensible size, then read whole. A file
// that cannot be read is a finding, never an exception. Every verb reads its postings through here.
import { Buffer } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import type { Stats } from "node:fs";
import { open } from "node:fs/promises";
import type { Finding } from "../findings.js";
import { finding } from "../messages.js";
import { fsProblemOf, notRegularKind } from "./targets.js";
import type { Target } from "./targets.js";

/** Larger files are not read (FILE_UNREADABLE): a posting is a few kilobytes; a 5 MB body still reads. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult = { bytes: Uint8Array; stat?: Stats } | { findings: Finding[] };

// What discovery saw can change before the read (a file swapped for a FIFO or a link): the file
// is opened without blocking (a FIFO would wait for a writer forever) and, when it came from a
// walk or a glob, without following a link; the open descriptor is then checked to be a regular
// file of sensible size before a byte is read.
function openFlags(target: Pick<Target, "noFollow">): number {
  return constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (target.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
}

function problemFinding(target: Pick<Target, "display" | "problem">): ReadResult | undefined {
  const at = { file: target.display, line: 1, column: 1 };
  if (target.problem?.code === "FILE_NOT_REGULAR") return { findings: [finding("FILE_NOT_REGULAR", at, { kind: target.problem.kind })] };
  if (target.problem) return { findings: [finding("FILE_UNREADABLE", at, { reason: target.problem.reason })] };
  return undefined;
}

/** Why an opened file is not read, as a finding; undefined when it is a regular file of sensible size. */
function openedFileProblem(target: Pick<Target, "display">, info: Stats): ReadResult | undefined {
  const at = { file: target.display, line: 1, column: 1 };
  if (!info.isFile()) return { findings: [finding("FILE_NOT_REGULAR", at, { kind: notRegularKind(info) })] };
  if (info.size > MAX_FILE_BYTES) {
    const reason = { kind: "too-large" as const, megabytes: Math.ceil(info.size / (1024 * 1024)), limit: MAX_FILE_BYTES / (1024 * 1024) };
    return { findings: [finding("FILE_UNREADABLE", at, { reason })] };
  }
  return undefined;
}

function openErrorFinding(target: Pick<Target, "display" | "noFollow">, error: NodeJS.ErrnoException): ReadResult {
  const at = { file: target.display, line: 1, column: 1 };
  // O_NOFOLLOW on a link fails with ELOOP: it is a link, not a loop.
  if (target.noFollow && error.code === "ELOOP") return { findings: [finding("FILE_NOT_REGULAR", at, { kind: "link-in-folder" })] };
  return { findings: [finding("FILE_UNREADABLE", at, { reason: fsProblemOf(error) })] };
}

/** Read a discovered target, or explain as a finding why it cannot be read. */
export async function readTarget(target: Target): Promise<ReadResult> {
  const known = problemFinding(target);
  if (known) return known;
  let handle;
  try {
    handle = await open(target.path, openFlags(target));
    const stat = await handle.stat();
    const refused = openedFileProblem(target, stat);
    if (refused) return refused;
    // The stat goes with the bytes: a rewrite replaces only this very file (write.ts).
    return { bytes: await handle.readFile(), stat };
  } catch (error) {
    return openErrorFinding(target, error as NodeJS.ErrnoException);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** readTarget for worker threads, where blocking reads are the fast path. */
export function readTargetSync(target: Pick<Target, "display" | "path" | "problem" | "noFollow">): ReadResult {
  const known = problemFinding(target);
  if (known) return known;
  let fd: number | undefined;
  try {
    fd = openSync(target.path, openFlags(target));
    const info = fstatSync(fd);
    const refused = openedFileProblem(target, info);
    if (refused) return refused;
    return { bytes: readOpenFile(fd, info.size) };
  } catch (error) {
    return openErrorFinding(target, error as NodeJS.ErrnoException);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The `size` bytes fstat announced (fewer if the file shrank meanwhile): what readFileSync(fd)
 * reads, without the second fstat it makes to learn the size. A file that says it is empty may
 * not be (some virtual file systems): read to its end, as readFileSync does.
 */
function readOpenFile(fd: number, size: number): Uint8Array {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, bytes, done, size - done, null);
    if (n === 0) break;
    done += n;
  }
  return bytes.subarray(0, done);
}

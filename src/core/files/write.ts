// The one atomic writer (normalize --write, posting new, posting init, the cache and its secret): a temp
// file created exclusively in the same folder (same file system, so rename is atomic), written,
// fsynced, then renamed over the target (or hard-linked to a new name, which never overwrites).
// An interruption at any point leaves either the old bytes or the new ones, never a truncated
// file. The mode, owner and group are kept, a symbolic link is never written through nor
// replaced, and the target must still be the very file that was read (same device and inode).
// Temp names carry the writer's pid, so a later run can remove the ones a killed run left; an
// interruption (SIGINT, SIGTERM: interruptWrites) removes those of every write in flight.
import { nodeCrypto } from "../hash.js";
import { constants, lstatSync, readdirSync, renameSync, unlinkSync } from "node:fs";
import { readBounded, ReadRefusedError } from "./read-bounded.js";
import { link, lstat, mkdir, open, unlink } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.js";

/** What the writer needs to know of the file the new bytes were made from (an fstat of it). */
export interface ReadIdentity {
  dev: number;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
}

export interface AtomicWriteHooks {
  /**
   * The stat of the file as it was read (fstat of the descriptor the bytes came from): just
   * before the rename, the path must still be that file, not a link or another file swapped in.
   */
  readStat?: ReadIdentity;
  /**
   * The bytes the new content was made from: just before the rename, the file must still hold
   * them, so an editor's save in the meantime is never silently overwritten.
   */
  unchangedFrom?: Uint8Array;
  /** The new file's exact mode, instead of the replaced file's (a hook script made executable). */
  mode?: number;
  /** Called after the temp file is complete and before the rename (tests simulate crashes here). */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

export class WriteRefusedError extends UserError {}

export class FileExistsError extends Error {
  override name = "FileExistsError";
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** Temp files being written right now, so an interruption can wait for them to be removed. */
const pendingTempFiles = new Set<string>();
let interrupted = false;

/** A write given up on an interruption: an expected stop (one line, no "this is a bug"), not a crash. */
class InterruptedError extends UserError {}

/**
 * Stop writing: writes in flight abandon their temp file at their next step (their original is
 * intact), new writes refuse to start. Resolves once no temp file is left, or after `maxWaitMs`,
 * when the remaining ones are removed by force. Called by the CLI on SIGINT and SIGTERM.
 */
export async function interruptWrites(maxWaitMs = 2000): Promise<void> {
  interrupted = true;
  const deadline = Date.now() + maxWaitMs;
  while (pendingTempFiles.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  for (const temp of pendingTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
}

function checkInterrupted(): void {
  if (interrupted) throw new InterruptedError("interrupted: the file was left as it was");
}

// ---------------------------------------------------------------------------------------------
// Temp names: `.<name>.<pid>.<12 hex>.posting-tmp`, the name cut to 100 characters so the temp
// name stays within the 255 bytes a file name may have.

/** Temp files of this writer (group 1: the pid that wrote it). */
export const TEMP_FILE_PATTERN = /^\..*\.(\d+)\.[0-9a-f]{12}\.posting-tmp$/;
/** Temp files of any version of posting, the pid-less names of earlier ones included (lint reports them). */
export const ANY_TEMP_FILE_PATTERN = /^\..*\.(?:\d+\.[0-9a-f]{12}\.posting-tmp|md\.[0-9a-f]{12}\.(?:posting-)?tmp)$/;

export function tempPathFor(path: string): string {
  const name = Array.from(basename(path)).slice(0, 100).join("");
  return join(dirname(path), `.${name}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.posting-tmp`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

const cleanedFolders = new Set<string>();

/** removeStaleTempFiles once per folder per process (before a writer's first write there). */
function removeStaleTempFilesOnce(folder: string): void {
  if (cleanedFolders.has(folder)) return;
  cleanedFolders.add(folder);
  removeStaleTempFiles(folder);
}

/**
 * Remove the temp files a killed run left in `folder`: names of this scheme whose pid is no live
 * process. Returns how many were removed. Never follows a link.
 */
export function removeStaleTempFiles(folder: string): number {
  cleanedFolders.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = TEMP_FILE_PATTERN.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(folder, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      unlinkSync(path);
      removed++;
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

/** Temp files (of any posting version) in each folder, as paths, for lint to report. */
export function leftoverTempFiles(folders: Iterable<string>): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (ANY_TEMP_FILE_PATTERN.test(name)) found.push(join(folder, name));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** `mode`: the replaced file's, kept exactly; undefined for a new file, which gets 0666 less the umask. */
async function writeTemp(temp: string, bytes: Uint8Array, mode: number | undefined, owner: { uid: number; gid: number } | undefined): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode ?? 0o666);
    checkInterrupted();
    await handle.writeFile(bytes);
    if (mode !== undefined) await handle.chmod(mode); // the umask may have narrowed the mode given to open()
    if (owner) await keepOwner(handle, owner);
    await handle.sync();
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

// The replacement keeps the original's owner and group. Without the right to give it away
// (not root), a file of our own keeps at least its owner (the group falls back quietly); a file
// owned by someone else is refused rather than silently taken over.
async function keepOwner(handle: FileHandle, owner: { uid: number; gid: number }): Promise<void> {
  const info = await handle.stat();
  if (info.uid === owner.uid && info.gid === owner.gid) return;
  try {
    await handle.chown(owner.uid, owner.gid);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === "EPERM" || code === "EINVAL") && info.uid === owner.uid) return;
    throw new WriteRefusedError(`it belongs to user ${owner.uid} and group ${owner.gid}; a rewrite by this user could not keep them`);
  }
}

/** Why `current` (an lstat of the target now) is not the file that was read; undefined when it is. */
function replacedMeanwhile(path: string, current: { isSymbolicLink(): boolean; isFile(): boolean; dev: number; ino: number }, read: ReadIdentity | undefined): string | undefined {
  if (current.isSymbolicLink()) return `${path} is a symbolic link; posting does not write through links`;
  if (!current.isFile()) return `${path} is not a regular file`;
  if (read && (current.dev !== read.dev || current.ino !== read.ino)) return `${path} was replaced by another file while it was being rewritten; it was left as is (run the command again)`;
  return undefined;
}

/**
 * Whether `path` still holds exactly `expected`: read without following a link, through the one
 * bounded reader, never past `expected`'s length (a file swapped in meanwhile is not read whole).
 */
function stillHolds(path: string, expected: Uint8Array): boolean {
  try {
    return readBounded(path, expected.length, { noFollow: true }).equals(expected);
  } catch (error) {
    if (!(error instanceof ReadRefusedError)) throw error;
    if (error.reason === "link") throw new WriteRefusedError(`${path} is a symbolic link; posting does not write through links`);
    return false;
  }
}

/** Replace `path`'s bytes atomically (see the top of this file). */
export async function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));
  if (info) {
    const refused = replacedMeanwhile(path, info, hooks.readStat);
    if (refused) throw new WriteRefusedError(refused);
  }
  const original = hooks.readStat ?? info;
  const mode = hooks.mode ?? (original ? original.mode & 0o7777 : undefined);
  removeStaleTempFilesOnce(dirname(path));
  const temp = tempPathFor(path);

  checkInterrupted();
  pendingTempFiles.add(temp);
  try {
    await writeTemp(temp, bytes, mode, original ? { uid: original.uid, gid: original.gid } : undefined);
    await hooks.beforeRename?.(temp);
    checkInterrupted();
    // The last checks and the rename run back to back, with no turn of the event loop between
    // them: what is renamed over is what was just checked.
    if (hooks.unchangedFrom && !stillHolds(path, hooks.unchangedFrom)) {
      throw new WriteRefusedError(`${path} changed on disk while it was being rewritten; it was left as is (run the command again)`);
    }
    if (info || hooks.readStat) {
      const refused = replacedMeanwhile(path, lstatSync(path), hooks.readStat ?? info);
      if (refused) throw new WriteRefusedError(refused);
    }
    renameSync(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new WriteRefusedError(`${path} is a symbolic link; posting does not write through links`);
    throw error;
  } finally {
    pendingTempFiles.delete(temp);
  }
}

/**
 * Write a file that must not exist yet (`posting new`, `posting init`, the cache's secret): the
 * complete temp file is hard-linked to the final name, which fails if the name exists (a
 * concurrent writer is never overwritten). With `overwrite`, writeFileAtomic replaces it. Where
 * hard links are not supported, an exclusive create keeps the no-overwrite promise. Creates the
 * folder if needed. `mode`: the new file's exact mode (default 0666 less the umask; a replaced
 * file keeps its own unless `mode` is given).
 */
export async function writeNewFileAtomic(path: string, bytes: Uint8Array, options: { overwrite?: boolean; mode?: number } = {}): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  if (options.overwrite) return writeFileAtomic(path, bytes, options.mode !== undefined ? { mode: options.mode } : {});
  removeStaleTempFilesOnce(folder);
  checkInterrupted();
  const temp = tempPathFor(path);
  pendingTempFiles.add(temp);
  try {
    await writeTemp(temp, bytes, options.mode, undefined);
    checkInterrupted();
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new FileExistsError(path);
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
      await writeExclusive(path, bytes, options.mode);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
    pendingTempFiles.delete(temp);
  }
}

/**
 * The fallback without hard links: the file is created exclusively and written in place. Until it
 * is complete it counts as a temp file, so an interruption removes it rather than leave it cut short.
 */
async function writeExclusive(path: string, bytes: Uint8Array, mode: number | undefined): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode ?? 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new FileExistsError(path);
    throw error;
  }
  pendingTempFiles.add(path);
  let complete = false;
  try {
    checkInterrupted();
    await handle.writeFile(bytes);
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    complete = true;
    pendingTempFiles.delete(path);
  } finally {
    await handle.close().catch(() => undefined);
    if (!complete) await unlink(path).catch(() => undefined);
    pendingTempFiles.delete(path);
  }
}

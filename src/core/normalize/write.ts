// Atomic replacement of a file's bytes: write a temp file in the same folder (same file system,
// so rename is atomic), fsync it, then rename over the original. An interruption at any point
// leaves either the old bytes or the new ones, never a truncated file; the mode is preserved and
// a symbolic link is never written through.
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { lstat, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.js";

export interface AtomicWriteHooks {
  /**
   * The bytes the new content was made from: just before the rename, the file must still hold
   * them, so an editor's save in the meantime is never silently overwritten.
   */
  unchangedFrom?: Uint8Array;
  /** Called after the temp file is complete and before the rename (tests simulate crashes here). */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

export class WriteRefusedError extends UserError {}

/** Temp files being written right now, so an interruption can wait for them to be removed. */
const pendingTempFiles = new Set<string>();
let interrupted = false;

class InterruptedError extends Error {}

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
  if (interrupted) throw new InterruptedError("interrupted");
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));
  if (info?.isSymbolicLink()) throw new WriteRefusedError(`${path} is a symbolic link; posting does not write through links`);
  if (info && !info.isFile()) throw new WriteRefusedError(`${path} is not a regular file`);
  const mode = info ? info.mode & 0o7777 : 0o644;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.posting-tmp`);

  checkInterrupted();
  let handle;
  pendingTempFiles.add(temp);
  try {
    handle = await open(temp, "wx", mode);
    checkInterrupted();
    await handle.writeFile(bytes);
    await handle.chmod(mode); // the umask may have narrowed the mode given to open()
    await handle.sync();
    await handle.close();
    handle = undefined;
    await hooks.beforeRename?.(temp);
    checkInterrupted();
    if (hooks.unchangedFrom && !Buffer.from(await readFile(path)).equals(Buffer.from(hooks.unchangedFrom))) {
      throw new WriteRefusedError(`${path} changed on disk while it was being rewritten; it was left as is (run the command again)`);
    }
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pendingTempFiles.delete(temp);
  }
}

/** Temp files an interrupted run could leave (the names writeFileAtomic uses). */
export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.posting-tmp$/;

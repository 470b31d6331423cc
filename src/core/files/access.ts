// The little the core asks of the file system beyond the files it is given: whether a file exists
// (a reference such as `_startups/<id>.md`) and a posting's bytes when it must read one again. The
// CLI uses the disk; an editor passes its own view (the disk plus its unsaved buffers), so the
// same checks run on text that is not saved yet.
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";

export interface FileAccess {
  /** Whether `path` (absolute) is a regular file. */
  isFile(path: string): boolean;
  /** The bytes of `path` (absolute), or undefined when it cannot be read. */
  read(path: string): Promise<Uint8Array | undefined>;
}

export const DISK: FileAccess = {
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  read: (path) => readFile(path).catch(() => undefined),
};

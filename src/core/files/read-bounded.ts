// The one way posting reads a file it did not find by walking a folder: the config, a schema, a
// body template, the lint cache. A stranger's pull request chooses these paths, so each is read
// only when it is a regular file under a size cap: `/dev/zero` would be read forever, a FIFO would
// block, a 2 GB file would exhaust memory. The type is checked before opening (a FIFO is never
// opened) and again on the open descriptor (the path may have been swapped in between), and the
// read stops at the cap whatever the size said.
import { Buffer } from "node:buffer";
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from "node:fs";
import type { Stats } from "node:fs";

export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_SCHEMA_BYTES = 1024 * 1024;
export const MAX_TEMPLATE_BYTES = 256 * 1024;

export type ReadRefusal = "missing" | "link" | "not-regular" | "too-large" | "unreadable";

/** Why a file was not read; `message` is worded to follow the file's name ("…: is a FIFO"). */
export class ReadRefusedError extends Error {
  constructor(
    readonly reason: ReadRefusal,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ReadBoundedOptions {
  /** Refuse a symbolic link instead of reading what it points to (the cache: it is written back). */
  noFollow?: boolean;
}

/** The bytes of `path`, a regular file of at most `maxBytes` bytes; throws ReadRefusedError otherwise. */
export function readBounded(path: string, maxBytes: number, options: ReadBoundedOptions = {}): Buffer {
  const info = statOf(path, options.noFollow === true);
  checkRegular(info, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    throw unreadable(error);
  }
  try {
    checkRegular(fstatSync(fd), maxBytes);
    // Read at most one byte past the cap: a file that grew meanwhile, or one whose size stat does
    // not tell (/proc), is refused once it passes the cap, never read on.
    const chunks: Buffer[] = [];
    let length = 0;
    for (let chunkSize = Math.min(maxBytes + 1, info.size + 1); length <= maxBytes; chunkSize = Math.min(maxBytes + 1 - length, 64 * 1024)) {
      const chunk = Buffer.allocUnsafe(Math.max(chunkSize, 1));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    if (length > maxBytes) throw tooLarge(maxBytes);
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  } catch (error) {
    throw error instanceof ReadRefusedError ? error : unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first bytes (at most `length`) of a regular file, never following a link; undefined when it
 * is not one or cannot be read. For sniffing (front matter in a file of another extension): the
 * file's size does not matter, only `length` bytes are read.
 */
export function readHead(path: string, length: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const head = Buffer.alloc(length);
    const n = readSync(fd, head, 0, length, 0);
    return head.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function statOf(path: string, noFollow: boolean): Stats {
  try {
    const info = noFollow ? lstatSync(path) : statSync(path);
    if (info.isSymbolicLink()) throw new ReadRefusedError("link", "is a symbolic link (not followed)");
    return info;
  } catch (error) {
    if (error instanceof ReadRefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ReadRefusedError("missing", "no such file", code);
    throw unreadable(error);
  }
}

function checkRegular(info: Stats, maxBytes: number): void {
  if (info.isSymbolicLink()) throw new ReadRefusedError("link", "is a symbolic link (not followed)");
  if (!info.isFile()) {
    const what = info.isDirectory() ? "a folder" : info.isFIFO() ? "a FIFO" : "a device or socket";
    throw new ReadRefusedError("not-regular", `is ${what}, not a regular file`);
  }
  if (info.size > maxBytes) throw tooLarge(maxBytes);
}

function tooLarge(maxBytes: number): ReadRefusedError {
  return new ReadRefusedError("too-large", `is larger than ${formatBytes(maxBytes)}`);
}

function unreadable(error: unknown): ReadRefusedError {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "ELOOP") return new ReadRefusedError("link", "is a symbolic link (not followed)", e.code);
  if (e.code === "ENOENT" || e.code === "ENOTDIR") return new ReadRefusedError("missing", "no such file", e.code);
  // The system's words only (EACCES: permission denied…), never the file's bytes.
  return new ReadRefusedError("unreadable", `cannot be read (${e.code ?? "error"})`, e.code);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * Where JSON.parse failed, as "line X column Y", never the text around it: the file may be
 * `/proc/self/environ` or a secret, and V8's message quotes the bytes it met.
 */
export function jsonErrorPosition(text: string): string {
  const offset = Math.min(jsonErrorOffset(text), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line} column ${offset - lineStart + 1}`;
}

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_SPACE = /[ \t\n\r]*/y;

/** Offset of the first JSON syntax error in `text` (V8's messages do not always give one): a scan with no recursion. */
function jsonErrorOffset(text: string): number {
  const stack: string[] = []; // "{" or "[" of each open container
  let i = 0;
  let expect: "value" | "key" | "after-value" = "value";
  const skip = () => {
    JSON_SPACE.lastIndex = i;
    JSON_SPACE.test(text);
    i = JSON_SPACE.lastIndex;
  };
  const match = (re: RegExp) => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  for (;;) {
    skip();
    if (i >= text.length) return i;
    const ch = text[i]!;
    if (expect === "value") {
      if (ch === "{" || ch === "[") {
        stack.push(ch);
        i++;
        skip();
        if (text[i] === (ch === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          expect = "after-value";
        } else expect = ch === "{" ? "key" : "value";
        continue;
      }
      if (ch === '"' ? match(JSON_STRING) : match(JSON_NUMBER) || ["true", "false", "null"].some((w) => text.startsWith(w, i) && ((i += w.length), true))) {
        expect = "after-value";
        continue;
      }
      return i;
    }
    if (expect === "key") {
      if (ch !== '"' || !match(JSON_STRING)) return i;
      skip();
      if (text[i] !== ":") return i;
      i++;
      expect = "value";
      continue;
    }
    // after a value: a separator, the end of a container, or the end of the text
    const top = stack[stack.length - 1];
    if (top === undefined) return i; // text after the one value
    if (ch === ",") {
      i++;
      expect = top === "{" ? "key" : "value";
    } else if ((ch === "}" && top === "{") || (ch === "]" && top === "[")) {
      stack.pop();
      i++;
    } else return i;
  }
}

/** JSON of a bounded read; a syntax error names only its position. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; where: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, where: jsonErrorPosition(text) };
  }
}

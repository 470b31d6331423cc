// Standard output and error for the command line. Node's process.stdout and process.stderr cost
// some 7 ms to make (a file's SyncWriteStream, a pipe's net.Socket, each with the stream modules
// Node compiles on first use), more than the rest of a one-file `posting lint` beyond start-up.
// Where the descriptor is a file, a pipe, a socket (what Node's own child processes get) or
// /dev/null, text is written to it directly with writeSync, as Node's SyncWriteStream does for a
// file; a terminal (or any other device) gets Node's stream, made on first use. A pipe that cannot
// take more for now (EAGAIN: its reader set it non-blocking) hands the rest, and everything
// after, to Node's stream, which waits for it. On Windows, Node's stream always: its pipes are
// not POSIX ones.
import { fstatSync, statSync, writeSync } from "node:fs";
import type { OutStream } from "./io.js";

type Mode = "undecided" | "direct" | "stream" | "closed";

export class StandardStream implements OutStream {
  private mode: Mode = "undecided";
  private nodeStream: NodeJS.WriteStream | undefined;

  /** `fd` 1 or 2; `makeStream` returns Node's own stream for it (process.stdout or process.stderr). */
  constructor(
    private readonly fd: number,
    private readonly makeStream: () => NodeJS.WriteStream,
  ) {}

  write(chunk: string | Uint8Array): boolean {
    if (this.mode === "undecided") this.mode = directlyWritable(this.fd) ? "direct" : "stream";
    if (this.mode === "stream") return this.stream.write(chunk);
    if (this.mode === "closed") return false;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `posting lint | head`: the reader went away; stop quietly, as Node's stream does here.
      if (code === "EPIPE") {
        this.mode = "closed";
        return false;
      }
      if (code !== "EAGAIN") throw error;
      this.mode = "stream";
      return this.stream.write(bytes.subarray(written));
    }
    return true;
  }

  get isTTY(): boolean {
    return this.usesStream() ? this.stream.isTTY === true : false;
  }

  get columns(): number | undefined {
    return this.usesStream() ? this.stream.columns : undefined;
  }

  /**
   * Node's stream, for what needs a real one (the prompts of `new` and `init`): from then on
   * every write goes through it, so nothing is written out of order.
   */
  get stream(): NodeJS.WriteStream {
    if (this.nodeStream === undefined) {
      this.nodeStream = this.makeStream();
      this.nodeStream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") throw error;
      });
    }
    if (this.mode !== "closed") this.mode = "stream";
    return this.nodeStream;
  }

  private usesStream(): boolean {
    if (this.mode === "undecided") this.mode = directlyWritable(this.fd) ? "direct" : "stream";
    return this.mode === "stream";
  }
}

/** A regular file, a pipe, a socket or /dev/null: never a terminal, and writeSync writes to it as it is. */
function directlyWritable(fd: number): boolean {
  if (process.platform === "win32") return false;
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true;
    if (!stat.isCharacterDevice()) return false;
    return stat.rdev === statSync("/dev/null").rdev;
  } catch {
    // A closed descriptor, or no /dev/null: Node's stream knows what to do.
    return false;
  }
}

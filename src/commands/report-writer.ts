// Writes a report block by block as files are linted: small writes are gathered into larger ones,
// and for formats whose header needs the totals (json, junit) the blocks wait, in memory up to a
// few megabytes and past that in a temporary file, until the header can be written before them.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutStream } from "../io.js";

const FLUSH_AT = 64 * 1024;
const SPOOL_AT = 4 * 1024 * 1024;

export class ReportWriter {
  // One string, not an array of blocks joined at each drain: a fresh `[]` after each drain made V8
  // deoptimize the (inlined) push in lint's per-file code (an array of small integers at first).
  private pending = "";
  private spool: { dir: string; fd: number } | undefined;

  /** `holdBack`: keep every block until finish() (the header comes first and needs the totals). */
  constructor(
    private readonly out: OutStream,
    private readonly holdBack: boolean,
  ) {}

  write(text: string): void {
    if (text === "") return;
    this.pending += text;
    if (this.pending.length >= (this.holdBack ? SPOOL_AT : FLUSH_AT)) this.drain();
  }

  /** Write `header`, the blocks held back, then `footer`; removes the temporary file. */
  finish(header: string, footer: string): void {
    try {
      if (header !== "") this.out.write(header);
      if (this.spool) {
        writeSync(this.spool.fd, this.pending);
        this.pending = "";
        this.copySpool();
      }
      if (this.pending !== "") this.out.write(this.pending);
      this.pending = "";
      if (footer !== "") this.out.write(footer);
    } finally {
      this.close();
    }
  }

  close(): void {
    if (!this.spool) return;
    closeSync(this.spool.fd);
    rmSync(this.spool.dir, { recursive: true, force: true });
    this.spool = undefined;
  }

  private drain(): void {
    const text = this.pending;
    this.pending = "";
    if (!this.holdBack) {
      this.out.write(text);
      return;
    }
    if (!this.spool) {
      const dir = mkdtempSync(join(tmpdir(), "posting-report-"));
      this.spool = { dir, fd: openSync(join(dir, "report"), "w+", 0o600) };
    }
    writeSync(this.spool.fd, text);
  }

  private copySpool(): void {
    const { fd } = this.spool!;
    const buffer = Buffer.alloc(1024 * 1024);
    // The global TextDecoder rather than node:string_decoder, which every run would load.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let position = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      const text = decoder.decode(buffer.subarray(0, n), { stream: true });
      if (text !== "") this.out.write(text);
    }
    const tail = decoder.decode();
    if (tail !== "") this.out.write(tail);
  }
}

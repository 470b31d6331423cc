// src/commands/report-writer.ts: a report whose header needs the totals (json, junit) waits in a
// temporary file past a few megabytes; what comes back out of it is the text that went in, byte
// for byte, whatever characters straddle the 1 MB reads (and a leading byte order mark).
import { describe, expect, it } from "vitest";
import { ReportWriter } from "../src/commands/report-writer.js";

function written(holdBack: boolean, blocks: string[], header = "[", footer = "]"): string {
  const out: string[] = [];
  const writer = new ReportWriter({ write: (chunk) => out.push(String(chunk)) }, holdBack);
  for (const block of blocks) writer.write(block);
  writer.finish(header, footer);
  return out.join("");
}

describe("ReportWriter", () => {
  it("gives back a spooled report exactly: multi-byte characters across the reads, a leading BOM", () => {
    // 3-byte and 4-byte characters in blocks of odd lengths: some fall across each 1 MB boundary.
    const blocks = Array.from({ length: 30000 }, (_, i) => `${i % 7 === 0 ? "\ufeff" : ""}{"n":${i},"t":"${"é€💌".repeat((i % 13) + 40)}"}\n`);
    // Past SPOOL_AT (4 Mi UTF-16 units held): the blocks go to the temporary file.
    expect(blocks.join("").length).toBeGreaterThan(4 * 1024 * 1024);
    expect(written(true, blocks, "\ufeffheader\n")).toBe(`\ufeffheader\n${blocks.join("")}]`);
  });

  it("writes every block once, in order, across several flushes when the header does not wait", () => {
    // Past FLUSH_AT (64 Ki UTF-16 units) several times over: the pending text is written and restarted.
    const blocks = Array.from({ length: 5000 }, (_, i) => `${i}:${"é€💌x".repeat(i % 29)}\n`);
    expect(blocks.join("").length).toBeGreaterThan(3 * 64 * 1024);
    const chunks: string[] = [];
    const writer = new ReportWriter({ write: (chunk) => chunks.push(String(chunk)) }, false);
    for (const block of blocks) writer.write(block);
    expect(chunks.length).toBeGreaterThan(2);
    writer.finish("", "end\n");
    expect(chunks.join("")).toBe(`${blocks.join("")}end\n`);
  });

  it("writes blocks as they come when the header does not wait", () => {
    const blocks = ["a\n", "", "b\n"];
    expect(written(false, blocks, "", "end\n")).toBe("a\nb\nend\n");
  });
});

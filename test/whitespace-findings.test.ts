// The blank-line and trailing-space findings of front matter come from a pre-test (one regular
// expression) before the line-by-line scan: over generated front matters, what readPostingText
// reports must equal the scan alone, written here as it was before the pre-test.
import { describe, expect, it } from "vitest";
import { readPostingText } from "../src/core/read/posting.js";
import { mulberry32 } from "../bench/generate.mjs";

const CODES = new Set(["FRONT_MATTER_BLANK_LINE", "FRONT_MATTER_TRAILING_SPACE"]);
/** Line pieces: blank and near-blank lines, trailing blanks of each kind, comments, plain keys. */
const PIECES = ["", " ", "\t", "  \t", "\u00a0", "\u3000", "\ufeff", "\v", "\f", "\r", "title: x", "title: x ", "title: x\t", "title: x\u00a0", "# note", "  # note ", "ville: Paris\r", "a: 'b '", "- item", "  - item  "];

/** The scan without the pre-test (no block scalars here: they only remove findings). */
function expectedFindings(yaml: string, startLine: number): string[] {
  const out: string[] = [];
  yaml.split("\n").forEach((line, i) => {
    if (line.trim() === "") out.push(`FRONT_MATTER_BLANK_LINE ${startLine + i}:1`);
    else {
      const trailing = /[ \t]+$/.exec(line);
      if (trailing) out.push(`FRONT_MATTER_TRAILING_SPACE ${startLine + i}:${trailing.index + 1}`);
    }
  });
  return out;
}

describe("front matter blank lines and trailing spaces", () => {
  it("the pre-test never hides a finding the scan makes (2,000 generated front matters)", () => {
    const random = mulberry32(20);
    let withFindings = 0;
    for (let n = 0; n < 2000; n++) {
      const lines = ["id: 1"]; // a key, so the front matter is never only comments or empty
      const count = 1 + Math.floor(random() * 6);
      for (let i = 0; i < count; i++) lines.splice(Math.floor(random() * (lines.length + 1)), 0, PIECES[Math.floor(random() * PIECES.length)]!);
      const yaml = lines.join("\n");
      const { parsed } = readPostingText("x.md", Buffer.from(`---\n${yaml}\n---\nbody\n`));
      const got = parsed.findings.filter((f) => CODES.has(f.code)).map((f) => `${f.code} ${f.line}:${f.column}`);
      // Every CR here is followed by a line feed: the reader reads CRLF as LF.
      const want = expectedFindings(yaml.replace(/\r\n/g, "\n"), 2);
      if (want.length > 0) withFindings++;
      expect(got, JSON.stringify(yaml)).toEqual(want);
    }
    expect(withFindings).toBeGreaterThan(1000); // most cases hold something to find
  });
});

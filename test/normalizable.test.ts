// Lint's view of what normalize would fix: the same detectors, with a bounded number of findings.
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { MAX_MOJIBAKE_FINDINGS } from "../src/core/lint/normalizable.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { wordFindings } from "../src/core/messages/word.js";

const schema = loadSchema();

describe("mojibake findings", () => {
  it("reports each garbled run with its position, up to a limit, then counts the rest in one finding", () => {
    const words = MAX_MOJIBAKE_FINDINGS + 50;
    const text = `---\nroles: Dev\nopen: true\n---\n\n${"CafÃ© ".repeat(words)}\n`;
    const findings = wordFindings(lintBytes("x.md", Buffer.from(text), schema)).filter((f) => f.code === "ENCODING_MOJIBAKE");
    expect(findings).toHaveLength(MAX_MOJIBAKE_FINDINGS + 1);
    expect(findings[0]).toMatchObject({ line: 6, column: 4, message: 'garbled text "Ã©" should read "é" (UTF-8 read as Windows-1252)' });
    expect(findings[1]?.column).toBe(10);
    const last = findings.at(-1)!;
    expect(last.message).toContain("50 more garbled text runs from here on");
    expect(last.column).toBe(4 + 6 * MAX_MOJIBAKE_FINDINGS);
  });
});

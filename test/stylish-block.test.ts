// src/reporters/stylish.ts builds a file's block as one string and makes a hint line again only
// when the hint differs from the one before (hot path). Its bytes must be those of the plain
// form: one line per finding, its hint line under it, each written out in full.
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/core/findings.js";
import { finding } from "../src/core/messages.js";
import { CATALOGS, wordFinding } from "../src/core/messages/word.js";
import type { Catalog } from "../src/core/messages/word.js";
import { escapeInline } from "../src/core/sanitize.js";
import { painter } from "../src/reporters/paint.js";
import { stylishParts } from "../src/reporters/stylish.js";

/** The block as the plain form writes it (no memo, every line on its own). */
function plainBlock(file: string, findings: Finding[], color: boolean, catalog: Catalog): string {
  const c = painter(color);
  const width = findings.reduce((w, f) => Math.max(w, `${f.line}:${f.column}`.length), 0);
  const lines = [c.underline(escapeInline(file))];
  for (const raw of findings) {
    const f = wordFinding(raw, catalog);
    const severity = f.severity === "error" ? c.red("error  ") : c.yellow("warning");
    lines.push(`  ${c.dim(`${f.line}:${f.column}`.padEnd(width))}  ${severity}  ${escapeInline(f.message)}  ${c.dim(f.code)}`);
    if (f.hint) lines.push(`${" ".repeat(width + 13)}${c.dim(`→ ${escapeInline(f.hint)}`)}`);
  }
  return `${lines.join("\n")}\n\n`;
}

const FILE = "jobs/2026-01-02-dev\u001b[31m.md";

/** Hints that repeat, then change, then come back, with findings without a hint between them. */
function mixed(): Finding[] {
  const at = (line: number, column: number) => ({ file: FILE, line, column });
  return [
    finding("FRONT_MATTER_TRAILING_SPACE", at(2, 9), {}),
    finding("FRONT_MATTER_BLANK_LINE", at(3, 1), {}),
    finding("UNKNOWN_KEY", at(4, 1), { key: "titel", suggestion: "title", isAlias: false }),
    finding("SCHEMA_REQUIRED", at(1, 1), { key: "title" }),
    finding("UNKNOWN_KEY", at(5, 1), { key: "salair", suggestion: "salaire", isAlias: false }),
    finding("UNKNOWN_KEY", at(6, 1), { key: "salair", suggestion: "salaire", isAlias: false }),
    finding("FRONT_MATTER_BLANK_LINE", at(12, 1), {}),
    finding("UNKNOWN_KEY", at(13, 1), { key: "poste", suggestion: "title", isAlias: true }),
    finding("UNKNOWN_KEY", at(123, 45), { key: "x\u2028y", isAlias: false }),
    finding("FRONT_MATTER_TRAILING_SPACE", at(130, 2), {}),
  ];
}

describe("stylish file block", () => {
  for (const lang of ["en", "fr"] as const) {
    for (const color of [false, true]) {
      it(`is the plain form's bytes, hints repeated and changing (${lang}, ${color ? "colour" : "no colour"})`, () => {
        const catalog = CATALOGS[lang];
        const findings = mixed();
        const block = stylishParts.file({ file: FILE, findings }, { color, catalog });
        expect(block).toBe(plainBlock(FILE, findings, color, catalog));
        // The same hint text twice in a row shows twice.
        expect(block.split("→").length - 1).toBe(findings.filter((f) => wordFinding(f, catalog).hint).length);
      });
    }
  }

  it("is empty for a file without findings", () => {
    expect(stylishParts.file({ file: FILE, findings: [] }, { color: false })).toBe("");
  });
});

// The README's table of finding codes agrees with the one table of codes (src/core/findings/codes.ts):
// every code listed once, with its severity.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CODES, FINDING_CODES } from "../src/core/findings/codes.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

/** The rows of the README's "Finding codes" table: the codes of each row and its severity. */
function readmeRows(): { codes: string[]; severity: string }[] {
  const section = README.slice(README.indexOf("### Finding codes"));
  const rows: { codes: string[]; severity: string }[] = [];
  for (const line of section.split("\n").slice(1)) {
    if (line.startsWith("## ")) break;
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !cells[1]!.startsWith("`")) continue;
    rows.push({ codes: [...cells[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!), severity: cells[2]! });
  }
  return rows;
}

describe("the README's table of finding codes", () => {
  const rows = readmeRows();

  it("lists every code once, and no other", () => {
    const listed = rows.flatMap((r) => r.codes);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(rows.flatMap((r) => r.codes.map((code) => [code, r.severity] as const)))("gives %s the severity of its rule (%s)", (code, severity) => {
    expect(CODES[code as keyof typeof CODES].severity).toBe(severity);
  });
});

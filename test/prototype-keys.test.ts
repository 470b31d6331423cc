// Keys named like Object.prototype's properties (`constructor`, `toString`, `hasOwnProperty`): a
// schema may declare them (and init --infer writes what it sees), so a posting without them must
// not be read as having Object.prototype's functions there, by lint nor by `posting new`.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), "posting-proto-"));
  mkdirSync(join(dir, "content", "_jobs"), { recursive: true });
  mkdirSync(join(dir, "schemas"));
  const properties = { title: { type: "string" }, constructor: { type: "integer" }, toString: { type: "boolean" }, hasOwnProperty: { type: "string" } };
  writeFileSync(join(dir, "schemas", "s.json"), JSON.stringify({ type: "object", properties }));
  writeFileSync(join(dir, "posting.config.json"), JSON.stringify({ content: ["content/_jobs"], schema: "schemas/s.json" }));
  return dir;
}

describe("keys named like Object.prototype's", () => {
  it("lint: absent means absent, present is checked", async () => {
    const dir = site();
    writeFileSync(join(dir, "content", "_jobs", "2026-01-01-a.md"), "---\ntitle: x\n---\n");
    writeFileSync(join(dir, "content", "_jobs", "2026-01-02-b.md"), "---\ntitle: y\nconstructor: nope\n---\n");
    const r = await runCli(["lint", "--format", "json", "--lang", "en"], dir);
    const report = JSON.parse(r.stdout) as { files: { file: string; findings: { code: string; path: string }[] }[] };
    const byFile = Object.fromEntries(report.files.map((f) => [f.file.split("/").at(-1), f.findings.map((x) => `${x.code} ${x.path}`)]));
    expect(byFile).toEqual({ "2026-01-01-a.md": [], "2026-01-02-b.md": ["SCHEMA_TYPE constructor"] });
  });

  it("new: writes the posting without them, never a function", async () => {
    const dir = site();
    const r = await runCli(["new", "--set", "title=x", "--dry-run", "--lang", "en"], dir);
    expect([r.exitCode, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^---\ntitle: x\n---\n/);
  });
});

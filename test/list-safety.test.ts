// list: the same text typed in NFC matches it stored in NFD (and the other way round); unreadable
// postings are skipped with exit 0 unless --strict, and the help says so (lint exits 1 on them).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

let dir: string;
const NFC = "Société";
const NFD = NFC.normalize("NFD");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-list-safety-"));
  writeFileSync(join(dir, "2026-01-01-nfd.md"), `---\nroles: ${NFD}\nopen: true\n---\n\nTexte ${NFD}.\n`);
  writeFileSync(join(dir, "2026-01-02-nfc.md"), `---\nroles: ${NFC}\nopen: true\n---\n\nTexte.\n`);
  writeFileSync(join(dir, "2026-01-03-js.md"), "---js\nroles: 'x'\n---\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function listedFiles(args: string[]): Promise<string[]> {
  const r = await runCli(["list", "-f", "json", "--fields", "file", ...args, "."], dir);
  return (JSON.parse(r.stdout) as { file: string }[]).map((p) => p.file).sort();
}

describe("list matches text whatever its Unicode normalization form", () => {
  it.each([
    ["NFC typed", NFC],
    ["NFD typed", NFD],
  ])("--where roles=… (%s) finds both postings", async (_, typed) => {
    expect(await listedFiles(["--where", `roles=${typed}`])).toEqual(["2026-01-01-nfd.md", "2026-01-02-nfc.md"]);
  });

  it("--where roles!=… excludes both", async () => {
    expect(await listedFiles(["--where", `roles!=${NFC}`])).toEqual([]);
  });

  it("--search and ~ fold both forms", async () => {
    expect(await listedFiles(["--search", NFC])).toEqual(["2026-01-01-nfd.md", "2026-01-02-nfc.md"]);
    expect(await listedFiles(["--where", `roles~${NFC}`])).toEqual(["2026-01-01-nfd.md", "2026-01-02-nfc.md"]);
  });
});

describe("unreadable postings and the exit code", () => {
  it("list exits 0 and names them on stderr; --strict exits 1; lint exits 1", async () => {
    const list = await runCli(["list", "."], dir);
    expect(list.exitCode).toBe(0);
    expect(list.stderr).toContain("2026-01-03-js.md");
    expect((await runCli(["list", "--strict", "."], dir)).exitCode).toBe(1);
    expect((await runCli(["lint", "."], dir)).exitCode).toBe(1);
  });

  it("list --help says so", async () => {
    const help = await runCli(["list", "--help"], dir);
    expect(help.stdout).toMatch(/do not change the exit code unless --strict/);
    expect(help.stdout).toMatch(/`posting lint` exits 1 on them/);
  });
});

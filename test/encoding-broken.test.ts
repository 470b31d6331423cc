// Broken UTF-8 inside a UTF-8 file (a truncated sequence such as `E2 82`) is not a legacy
// encoding: lint reports it where it is, normalize writes nothing unless --from-encoding says how
// to read the file. Stray legacy bytes in a UTF-8 file (a lone `E9` for `é`) are still converted.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeBytes } from "../src/core/read/encoding.js";
import { runCli } from "./helpers/cli.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/lint/encoding-truncated-utf8/posting.md", import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-broken-utf8-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a truncated UTF-8 sequence", () => {
  it.each([
    ["at the end of the file", Buffer.from("Prime de 500 \xe2\x82", "latin1")],
    ["before ASCII", Buffer.from("Prime \xe2\x82 incluse\n", "latin1")],
    ["of a 4-byte character", Buffer.from("Emoji \xf0\x9f\x92 fin\n", "latin1")],
  ])("%s is broken UTF-8, not Windows-1252", (_, body) => {
    const bytes = Buffer.concat([Buffer.from("---\nroles: Développeur\nopen: true\n---\n\n"), body]);
    const decoded = decodeBytes(bytes);
    if (decoded.kind !== "text") throw new Error("text expected");
    expect(decoded.truncatedUtf8).toMatchObject({ line: 6 });
  });

  it("a lone legacy byte after valid UTF-8 is still read as Windows-1252", () => {
    const decoded = decodeBytes(Buffer.concat([Buffer.from("---\nroles: Développeur\nopen: true\n"), Buffer.from("title: caf\xe9 cr\xe8me\n---\n", "latin1")]));
    if (decoded.kind !== "text") throw new Error("text expected");
    expect(decoded.truncatedUtf8).toBeUndefined();
    expect(decoded.text).toContain("Développeur");
    expect(decoded.text).toContain("café crème");
  });

  it("normalize --write leaves the file byte for byte, and says why; lint still fails after it", async () => {
    const file = join(dir, "posting.md");
    copyFileSync(FIXTURE, file);
    const before = readFileSync(file);
    const r = await runCli(["normalize", "--write", "posting.md"], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("ENCODING_INVALID_UTF8");
    expect(r.stderr).toMatch(/6:14 .*cut short/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const lint = await runCli(["lint", "posting.md"], dir);
    expect(lint.exitCode).toBe(1);
    expect(lint.stdout).toContain("ENCODING_INVALID_UTF8");
  });

  it("--from-encoding windows-1252 reads it as that encoding and writes it", async () => {
    const file = join(dir, "posting.md");
    copyFileSync(FIXTURE, file);
    const r = await runCli(["normalize", "--write", "--from-encoding", "windows-1252", "posting.md"], dir);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, "utf8").endsWith("Prime de 500 â‚\n")).toBe(true);
  });

  it("a mostly-UTF-8 file with a stray legacy byte is still converted", async () => {
    const file = join(dir, "posting.md");
    writeFileSync(file, Buffer.concat([Buffer.from("---\nroles: Développeur\nopen: true\n---\n\n"), Buffer.from("Un caf\xe9.\n", "latin1")]));
    const r = await runCli(["normalize", "--write", "posting.md"], dir);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("Un café.");
    expect(readFileSync(file, "utf8")).toContain("Développeur");
  });
});

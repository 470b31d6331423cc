// posting normalize through the CLI: modes, exit codes, what --write touches, and crash safety.
import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { TEMP_FILE_PATTERN, writeFileAtomic } from "../src/core/files/write.js";
import { runCli } from "./helpers/cli.js";

const repo = join(import.meta.dirname, "..");
const fixtures = join(repo, "fixtures", "normalize");
const bin = join(repo, "bin", "posting.js");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-normalize-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], stdin = "") => runCli(args, dir, { stdin });

function copyCase(name: string, as = `${name}.md`): string {
  const target = join(dir, as);
  cpSync(join(fixtures, name, "input.md"), target);
  return target;
}

describe("posting normalize (CLI)", () => {
  it("shows a unified diff by default, writes nothing, exits 0", async () => {
    const file = copyCase("types");
    const before = readFileSync(file);
    const r = await cli(["normalize", "types.md"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("--- a/types.md");
    expect(r.stdout).toContain("+++ b/types.md");
    expect(r.stdout).toMatch(/^-open: "true"$/m);
    expect(r.stdout).toMatch(/^\+open: true$/m);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--check lists the files that would change and exits 1; 0 when all are canonical", async () => {
    copyCase("types");
    copyCase("canonical");
    const r = await cli(["normalize", "--check", "."]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual(["types.md"]);
    const clean = await cli(["normalize", "--check", "canonical.md"]);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toBe("");
  });

  it("--write rewrites only files that change, keeps mode, leaves canonical files' bytes and mtime", async () => {
    const changed = copyCase("windows-1252");
    const canonical = copyCase("canonical");
    chmodSync(changed, 0o640);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(canonical, old, old);
    const r = await cli(["normalize", "--write", "."]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("fixed windows-1252.md: converted from WINDOWS-1252 to UTF-8");
    expect(r.stdout).not.toContain("canonical.md");
    expect(statSync(changed).mode & 0o777).toBe(0o640);
    expect(readFileSync(changed)).toEqual(readFileSync(join(fixtures, "windows-1252", "expected.md")));
    expect(statSync(canonical).mtime.getTime()).toBe(old.getTime());
    // A second run is a no-op.
    const again = await cli(["normalize", "--write", "."]);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("0 fixed, 2 with nothing to fix");
    expect(readdirSync(dir).filter((n) => TEMP_FILE_PATTERN.test(n))).toEqual([]);
  });

  it("leaves files it cannot normalize with certainty untouched and exits 1", async () => {
    const undecodable = copyCase("undecodable");
    const syntax = copyCase("syntax-error");
    const before = [readFileSync(undecodable), readFileSync(syntax)];
    const r = await cli(["normalize", "--write", "."]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("ENCODING_UNDECODABLE");
    expect(r.stderr).toContain("YAML_SYNTAX");
    expect(readFileSync(undecodable)).toEqual(before[0]);
    expect(readFileSync(syntax)).toEqual(before[1]);
  });

  it("--from-encoding decides for files the detector cannot", async () => {
    copyCase("undecodable");
    const r = await cli(["normalize", "--from-encoding", "latin1", "--check", "undecodable.md"]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trim()).toBe("undecodable.md");
    // An unknown encoding: test/cases/normalize.cases.ts.
  });

  it("never writes through a symbolic link", async () => {
    const real = copyCase("types", "real.txt");
    const before = readFileSync(real);
    symlinkSync(real, join(dir, "link.md"));
    const r = await cli(["normalize", "--write", "link.md"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("symbolic link");
    expect(readFileSync(real)).toEqual(before);
  });

  it("filters standard input to standard output with -", async () => {
    const input = readFileSync(join(fixtures, "types", "input.md"), "utf8");
    const r = await cli(["normalize", "--canonical", "-"], input);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixtures, "types", "expected.md"), "utf8"));
  });

  it("gives back the exact input bytes when it leaves the file untouched (a filter never loses data)", async () => {
    const input = readFileSync(join(fixtures, "undecodable", "input.md"));
    const r = await runCli(["normalize", "-"], dir, { stdin: input });
    expect(r.exitCode).toBe(1);
    expect(r.stdoutBytes.equals(input)).toBe(true);
  });
});

describe("atomic writes", () => {
  it("a failed rename leaves the old bytes and no temp file", async () => {
    const file = join(dir, "a.md");
    writeFileSync(file, "old bytes\n");
    await expect(
      writeFileAtomic(file, Buffer.from("new bytes\n"), {
        beforeRename: () => {
          throw new Error("simulated crash before rename");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(readFileSync(file, "utf8")).toBe("old bytes\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("never overwrites a file that changed on disk after it was read", async () => {
    const file = join(dir, "a.md");
    writeFileSync(file, "old bytes\n");
    await expect(
      writeFileAtomic(file, Buffer.from("new bytes\n"), {
        unchangedFrom: Buffer.from("old bytes\n"),
        beforeRename: () => writeFileSync(file, "saved by an editor meanwhile\n"),
      }),
    ).rejects.toThrow("changed on disk");
    expect(readFileSync(file, "utf8")).toBe("saved by an editor meanwhile\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("a run interrupted at random points leaves every file old or new, and no temp files", async () => {
    const schema = loadSchema();
    const input = readFileSync(join(fixtures, "double-encoded", "input.md"));
    const result = normalizeBytes("x.md", input, { schema });
    if (result.status !== "changed") throw new Error("fixture should change");
    const expected = Buffer.from(result.output);
    const count = 300;

    // Interrupt the real binary once it has started writing, at different points of its run.
    const delays = [0, 3, 15];
    let partial = false;
    for (const delay of delays) {
      for (let i = 0; i < count; i++) writeFileSync(join(dir, `p${String(i).padStart(3, "0")}.md`), input);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [bin, "normalize", "--write", dir], { stdio: "ignore" });
        // The first temp file renamed onto a posting: writing has begun.
        const watcher = watch(dir, (_event, name) => {
          if (!name?.endsWith(".md")) return;
          watcher.close();
          setTimeout(() => child.kill("SIGTERM"), delay);
        });
        child.on("exit", () => {
          watcher.close();
          resolve();
        });
      });
      const names = readdirSync(dir);
      expect(names.filter((n) => TEMP_FILE_PATTERN.test(n))).toEqual([]);
      let rewritten = 0;
      for (const name of names) {
        const bytes = readFileSync(join(dir, name));
        if (bytes.equals(expected)) rewritten++;
        else expect(bytes.equals(input), name).toBe(true);
      }
      // The interruption came after writing had begun.
      expect(rewritten).toBeGreaterThan(0);
      partial ||= rewritten < count;
    }
    expect(partial, "at least one run was cut off mid-way").toBe(true);
  });
});

// The one atomic writer (src/core/files/write.ts): it replaces only the very file that was
// read (same device and inode, never a link), keeps mode, owner and group, names its temp files
// with its pid, and a write run removes the temp files of dead runs; lint reports leftovers.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, fstatSync, lstatSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeStaleTempFiles, TEMP_FILE_PATTERN, tempPathFor, writeFileAtomic, WriteRefusedError } from "../src/core/files/write.js";
import { runCli } from "./helpers/cli.js";

const IS_ROOT = process.getuid?.() === 0;
const NEEDS_FIXES = "---\nroles: Dev\nopen: yes\ntitles: Un poste\n---\n\nTexte.\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function statOf(path: string) {
  const fd = openSync(path, "r");
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the file replaced is the file that was read", () => {
  it("refuses when a symbolic link was swapped in after the read (the link stays a link)", async () => {
    const file = join(dir, "a.md");
    const secret = join(dir, "secret.txt");
    writeFileSync(file, "old\n");
    writeFileSync(secret, "secret\n");
    const read = statOf(file);
    await expect(
      writeFileAtomic(file, Buffer.from("new\n"), {
        readStat: read,
        beforeRename: () => {
          unlinkSync(file);
          symlinkSync(secret, file);
        },
      }),
    ).rejects.toThrow(/symbolic link/);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(secret, "utf8")).toBe("secret\n");
    expect(readdirSync(dir).sort()).toEqual(["a.md", "secret.txt"]);
  });

  it("refuses when another regular file with the same bytes was put in its place (device + inode differ)", async () => {
    const file = join(dir, "a.md");
    writeFileSync(file, "old\n");
    const read = statOf(file);
    const other = join(dir, "other");
    await expect(
      writeFileAtomic(file, Buffer.from("new\n"), {
        readStat: read,
        unchangedFrom: Buffer.from("old\n"),
        beforeRename: () => {
          writeFileSync(other, "old\n");
          renameSync(other, file);
        },
      }),
    ).rejects.toBeInstanceOf(WriteRefusedError);
    expect(readFileSync(file, "utf8")).toBe("old\n");
  });

  it("refuses a link given as the path, without writing through it", async () => {
    const real = join(dir, "real.md");
    writeFileSync(real, "old\n");
    symlinkSync(real, join(dir, "link.md"));
    await expect(writeFileAtomic(join(dir, "link.md"), Buffer.from("new\n"))).rejects.toThrow(/symbolic link/);
    expect(readFileSync(real, "utf8")).toBe("old\n");
  });

  it("a symbolic link swapped in at racing moments is replaced only inside the one-call window before the rename (200 races)", async () => {
    // A second thread renames a ready link over the file after a random pause, while this one
    // rewrites it. The path ends as the link: the writer either finished before the swap or
    // refused, except for a swap landing between the last check and rename(2) itself, a window
    // of one system call that only renameat2(RENAME_EXCHANGE) could close (Node has none). Without
    // the checks, every swap before the rename replaces the link (most of the 200).
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       const { renameSync } = require("node:fs");
       parentPort.on("message", ({ link, file, spins }) => {
         let x = 0;
         for (let i = 0; i < spins; i++) x += i;
         renameSync(link, file);
         parentPort.postMessage(x);
       });`,
      { eval: true },
    );
    let seed = 13;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let refused = 0;
    let written = 0;
    let replaced = 0;
    try {
      for (let i = 0; i < 200; i++) {
        const file = join(dir, `p${i}.md`);
        const link = join(dir, `p${i}.link`);
        writeFileSync(file, "old\n");
        symlinkSync(join(dir, "elsewhere.txt"), link);
        const read = statOf(file);
        const swapped = new Promise((resolve) => worker.once("message", resolve));
        worker.postMessage({ link, file, spins: Math.floor(random() * 400_000) });
        try {
          await writeFileAtomic(file, Buffer.from("new\n"), { readStat: read, unchangedFrom: Buffer.from("old\n") });
          written++;
        } catch (error) {
          expect(error).toBeInstanceOf(WriteRefusedError);
          refused++;
        }
        await swapped;
        if (!lstatSync(file).isSymbolicLink()) {
          replaced++;
          continue;
        }
        expect(readlinkSync(file)).toBe(join(dir, "elsewhere.txt"));
      }
    } finally {
      await worker.terminate();
    }
    expect(refused + written).toBe(200);
    expect(refused, "some swaps came before the rename").toBeGreaterThan(0);
    expect(replaced, "links replaced: only swaps inside the one-call window").toBeLessThanOrEqual(4);
    expect(readdirSync(dir).filter((n) => TEMP_FILE_PATTERN.test(n))).toEqual([]);
  }, 60_000);
});

describe("what a rewrite keeps", () => {
  it("keeps the mode, the owner and the group", async () => {
    const file = join(dir, "a.md");
    writeFileSync(file, NEEDS_FIXES);
    chmodSync(file, 0o640);
    // As root the owner can be anyone; otherwise it is this user (and the test still checks it).
    const uid = IS_ROOT ? 1234 : process.getuid!();
    const gid = IS_ROOT ? 5678 : process.getgid!();
    chownSync(file, uid, gid);
    const r = await runCli(["normalize", "--write", "a.md"], dir);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).not.toBe(NEEDS_FIXES);
    const after = statSync(file);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(after.uid).toBe(uid);
    expect(after.gid).toBe(gid);
  });

  it("gives a new file the mode the umask allows (as any program creating a file)", () => {
    const bin = join(import.meta.dirname, "..", "bin", "posting.js");
    for (const [umask, mode] of [["077", 0o600], ["022", 0o644], ["002", 0o664]] as const) {
      const folder = mkdtempSync(join(dir, "u"));
      const child = spawnSync("sh", ["-c", `umask ${umask} && "$0" "$1" init --yes`, process.execPath, bin], { cwd: folder, encoding: "utf8", killSignal: "SIGKILL", timeout: 20_000 });
      expect(child.status, child.stderr).toBe(0);
      expect(statSync(join(folder, "posting.config.json")).mode & 0o7777, `umask ${umask}`).toBe(mode);
    }
  });
});

describe("temp files", () => {
  it("are named `.<name>.<pid>.<random>.posting-tmp` in the file's folder", () => {
    const temp = tempPathFor(join(dir, "a.md"));
    expect(temp.startsWith(join(dir, ".a.md."))).toBe(true);
    expect(TEMP_FILE_PATTERN.exec(temp.slice(dir.length + 1))?.[1]).toBe(String(process.pid));
    expect(tempPathFor(join(dir, `${"é".repeat(200)}.md`)).length).toBeLessThan(dir.length + 140);
  });

  it("a write run removes the temp files of dead runs, not those of live ones, and lint reports what is left", async () => {
    writeFileSync(join(dir, "a.md"), NEEDS_FIXES);
    const dead = `.a.md.${deadPid()}.0123456789ab.posting-tmp`;
    const live = `.a.md.${process.ppid}.0123456789ab.posting-tmp`;
    const old = ".a.md.0123456789ab.tmp"; // an earlier version's name, with no pid
    for (const name of [dead, live, old]) writeFileSync(join(dir, name), "partial");

    const lint = await runCli(["lint", "--format", "json", "."], dir);
    const report = JSON.parse(lint.stdout) as { files: { file: string; findings: { code: string; severity: string }[] }[] };
    const leftovers = report.files.filter((f) => f.findings.some((x) => x.code === "FILE_TEMP_LEFTOVER")).map((f) => f.file);
    expect(leftovers.sort()).toEqual([dead, live, old].sort());
    expect(report.files.flatMap((f) => f.findings).filter((x) => x.code === "FILE_TEMP_LEFTOVER").every((x) => x.severity === "warning")).toBe(true);
    const stylish = await runCli(["lint", "."], dir);
    expect(stylish.stdout).toContain("FILE_TEMP_LEFTOVER");

    const r = await runCli(["normalize", "--write", "."], dir);
    expect(r.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([old, live, "a.md"].sort());
    // Another program's temp file of the same shape is not posting's: not reported.
    writeFileSync(join(dir, ".vimswap.0123456789ab.tmp"), "");
    expect((await runCli(["lint", "--format", "json", "."], dir)).stdout).not.toContain("vimswap");
    // Also when nothing needs rewriting: the run still cleans its folders.
    writeFileSync(join(dir, dead), "partial");
    const again = await runCli(["normalize", "--write", "."], dir);
    expect(again.exitCode).toBe(0);
    expect(readdirSync(dir)).not.toContain(dead);
  });

  it("removeStaleTempFiles never removes a link or a folder that looks like a temp file", () => {
    const pid = deadPid();
    symlinkSync("/etc/passwd", join(dir, `.x.md.${pid}.0123456789ab.posting-tmp`));
    expect(removeStaleTempFiles(dir)).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

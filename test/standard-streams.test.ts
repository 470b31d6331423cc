// src/standard-streams.ts: the command line's standard output and error write files, pipes,
// sockets and /dev/null directly, and hand everything else (a terminal) to Node's own stream.
// Real descriptors throughout; the pipe cases run a child process on the built library.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StandardStream } from "../src/standard-streams.js";

const ROOT = join(import.meta.dirname, "..");
const BUILT = join(ROOT, "dist", "standard-streams.js");
const dir = mkdtempSync(join(tmpdir(), "posting-std-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Node stream that must not be made (the descriptor is written directly). */
const noStream = (): NodeJS.WriteStream => {
  throw new Error("Node's stream was made");
};

/** A stand-in for Node's stream that keeps what it is given. */
function recordingStream(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { write: (chunk: string | Uint8Array) => written.push(Buffer.from(chunk).toString("utf8")) > 0, on: () => stream, isTTY: true, columns: 97 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

/** Runs `script` (an ES module body with StandardStream in scope) with its standard output a socket pair end. */
function child(script: string): { process: ReturnType<typeof spawn>; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const source = `import { StandardStream } from ${JSON.stringify(BUILT)};\n${script}`;
  const proc = spawn(process.execPath, ["--input-type=module", "-e", source], { stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  proc.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
  proc.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    proc.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") })),
  );
  return { process: proc, done };
}

describe("StandardStream", () => {
  it("writes text and bytes to a file directly, in order, and is no terminal", () => {
    const file = join(dir, "out.txt");
    const fd = openSync(file, "w");
    const out = new StandardStream(fd, noStream);
    out.write("é, ");
    out.write(new Uint8Array([0xf0, 0x9f, 0x92, 0x8c]));
    out.write("\n");
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("é, 💌\n");
  });

  it("writes /dev/null directly, but gives another device (here /dev/zero) to Node's stream", () => {
    const devNull = openSync("/dev/null", "w");
    new StandardStream(devNull, noStream).write("nothing");
    closeSync(devNull);
    const zero = openSync("/dev/zero", "w");
    const { stream, written } = recordingStream();
    const device = new StandardStream(zero, () => stream);
    expect(device.isTTY).toBe(true);
    expect(device.columns).toBe(97);
    device.write("to the stream");
    closeSync(zero);
    expect(written).toEqual(["to the stream"]);
  });

  it("once Node's stream is asked for (a prompt), every later write goes through it", () => {
    const file = join(dir, "then-stream.txt");
    const fd = openSync(file, "w");
    const { stream, written } = recordingStream();
    const out = new StandardStream(fd, () => stream);
    out.write("direct\n");
    expect(out.stream).toBe(stream);
    out.write("through the stream\n");
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("direct\n");
    expect(written).toEqual(["through the stream\n"]);
  });

  it("a full non-blocking pipe (EAGAIN) hands the rest to Node's stream: nothing lost, nothing out of order", async () => {
    // Making process.stdout sets the descriptor non-blocking (libuv); the parent reads only later,
    // so the direct writes fill the pipe and meet EAGAIN.
    const { process: proc, done } = child(`
      const stream = process.stdout;
      const out = new StandardStream(1, () => stream);
      for (let i = 0; i < 3000; i++) out.write(i + " " + "x".repeat(1000) + "\\n");
    `);
    proc.stdout!.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    proc.stdout!.resume();
    const { code, stdout, stderr } = await done;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = Array.from({ length: 3000 }, (_, i) => `${i} ${"x".repeat(1000)}\n`).join("");
    expect(stdout.length).toBe(expected.length);
    expect(stdout === expected).toBe(true);
  });

  it("a reader that went away (EPIPE) stops the output quietly: no error, the run goes on", async () => {
    const { process: proc, done } = child(`
      const out = new StandardStream(1, () => process.stdout);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let i = 0; i < 3000; i++) out.write("x".repeat(1000) + "\\n");
      process.stderr.write("went on\\n");
    `);
    proc.stdout!.destroy();
    const { code, stderr } = await done;
    expect(stderr).toBe("went on\n");
    expect(code).toBe(0);
  });
});

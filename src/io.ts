// What a command may touch of the outside world, passed in so tests run commands in-process.

export interface OutStream {
  /** Text, or raw bytes (only `normalize -` writes bytes: a file it leaves as it was). */
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
  /** Node's stream behind it, for what needs a real stream (the prompts); tests' streams have none. */
  readonly stream?: NodeJS.WritableStream;
}

/** `out` as a Node stream: the one behind it, else `out` itself (a test's stream). */
export function nodeStreamOf(out: OutStream): NodeJS.WritableStream {
  return out.stream ?? (out as unknown as NodeJS.WritableStream);
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Colour only for a terminal, never with NO_COLOR; `--color`/`--no-color` decide otherwise. */
export function useColor(stream: OutStream, env: CliIO["env"], flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

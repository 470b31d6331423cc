// Shared by the list tests: an in-memory CliIO and a small RFC 4180 reader.
import { PassThrough } from "node:stream";
import { run } from "../src/cli.js";
import type { CliIO } from "../src/io.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], cwd: string, columns?: number): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const stdin = new PassThrough();
  stdin.end();
  const io: CliIO = {
    stdout: { write: (t: string) => ((stdout += t), true), isTTY: false, columns },
    stderr: { write: (t: string) => ((stderr += t), true), isTTY: false },
    stdin,
    cwd,
    env: { NO_COLOR: "1" },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold anything with "" for ". */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (ch === '"' || ch === "\n" || ch === "\r") {
      throw new Error(`not RFC 4180: bare ${JSON.stringify(ch)} at offset ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("not RFC 4180: the last record does not end with CRLF");
  return rows;
}

// Content hashes for the lint cache. node:crypto is loaded on first use: a run without --cache
// never needs it, and loading it is a few milliseconds of every cold start.
import { createRequire } from "node:module";

let crypto: typeof import("node:crypto") | undefined;

export function sha256Hex(data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.filename)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256").update(data).digest("hex");
}

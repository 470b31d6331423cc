// Content hashes for the lint cache, and node:crypto for every other use. node:crypto is loaded
// on first use: a run without --cache or writes never needs it, and loading it is a few
// milliseconds of every cold start.

import { requireLazily } from "./require-lazily.js";

let crypto: typeof import("node:crypto") | undefined;

/** node:crypto, loaded the first time it is asked for. */
export function nodeCrypto(): typeof import("node:crypto") {
  return (crypto ??= requireLazily("node:crypto") as typeof import("node:crypto"));
}

export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto().createHash("sha256").update(data).digest("hex");
}

// Replacing a file a command read and changed (normalize --write, set, close): through the one
// atomic writer, only if the file is still the bytes that were read; a refusal is a finding.
import type { Stats } from "node:fs";
import { UserError } from "../errors.js";
import type { Finding } from "../findings.js";
import { finding } from "../messages.js";
import { fsProblemOf } from "./targets.js";
import { writeFileAtomic } from "./write.js";

/** Write `output` over the target read as `read`; FILE_NOT_WRITTEN when that cannot be done safely. */
export async function rewriteRead(target: { path: string; display: string }, read: { bytes: Uint8Array; stat?: Stats }, output: Uint8Array): Promise<Finding | undefined> {
  try {
    await writeFileAtomic(target.path, output, { unchangedFrom: read.bytes, ...(read.stat ? { readStat: read.stat } : {}) });
    return undefined;
  } catch (error) {
    const reason = error instanceof UserError ? { kind: "refused" as const, detail: error.message } : fsProblemOf(error as NodeJS.ErrnoException);
    return finding("FILE_NOT_WRITTEN", { file: target.display, line: 1, column: 1 }, { reason });
  }
}

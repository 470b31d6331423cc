// The values a referenced key can take (config `references`, `content/_startups/{value}.md`): the
// names of the files that exist, so `posting new` offers the startups there are and refuses a typo
// (`mes-aide` for `mes-aides`) before lint would report REFERENCE_MISSING.
import { opendirSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { ResolvedReference } from "../project/config.js";
import { SAFE_SEGMENT } from "../files/file-name.js";
import { nearMiss } from "../words/near-miss.js";

/** At most this many values are listed (a folder of startups holds hundreds, not millions). */
export const MAX_REFERENCE_VALUES = 5000;

export interface ReferenceValues {
  key: string;
  /** The config's path, as written (`content/_startups/{value}.md`). */
  written: string;
  /** The values whose file exists, sorted; at most MAX_REFERENCE_VALUES. */
  values: string[];
  /** Whether `value` names a file that exists (checked on disk, beyond the listed ones too). */
  has(value: string): boolean;
}

/** The reference's values, or undefined when its path has `{value}` elsewhere than in the file name. */
export function referenceValues(reference: ResolvedReference, limit = MAX_REFERENCE_VALUES): ReferenceValues | undefined {
  const name = basename(reference.template);
  const folder = dirname(reference.template);
  const at = name.indexOf("{value}");
  if (at === -1 || folder.includes("{value}") || name.indexOf("{value}", at + 1) !== -1) return undefined;
  const prefix = name.slice(0, at);
  const suffix = name.slice(at + "{value}".length);
  const values: string[] = [];
  try {
    const dir = opendirSync(folder);
    try {
      for (let entry = dir.readSync(); entry !== null && values.length < limit; entry = dir.readSync()) {
        if (!(entry.isFile() || entry.isSymbolicLink()) || !entry.name.startsWith(prefix) || !entry.name.endsWith(suffix)) continue;
        const value = entry.name.slice(prefix.length, entry.name.length - suffix.length);
        if (value !== "" && SAFE_SEGMENT.test(value)) values.push(value);
      }
    } finally {
      dir.closeSync();
    }
  } catch {
    // No folder (yet): no values; `has` says so for each.
  }
  values.sort();
  return {
    key: reference.key,
    written: reference.written,
    values,
    has: (value) => SAFE_SEGMENT.test(value) && isFile(reference.template.replaceAll("{value}", value)),
  };
}

/** Why `value` is refused for the reference, with the close value meant; undefined when it exists. */
export function referenceProblem(refs: ReferenceValues, value: string): { expected: string; suggestion?: string } | undefined {
  if (refs.has(value)) return undefined;
  const suggestion = nearMiss(value, refs.values);
  return { expected: refs.written.replaceAll("{value}", value), ...(suggestion !== undefined ? { suggestion } : {}) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// Findings are data (code, position, args); a catalog words them for people, at the edge: the
// reporters, the commands' notes and the library API.
import type { Finding, FindingCode, FindingDetails, WordedFinding } from "../findings.js";
import { capText, escapeKey } from "../sanitize.js";
import { en } from "./en.js";
import { frCatalog } from "./fr.js";
import type { Catalog, Worded } from "./types.js";

/**
 * Every catalog, by language (lang.ts: one per Lang, or it does not compile). The French one is
 * made when first asked for: an English run does not build its texts.
 */
export const CATALOGS = {
  en,
  get fr(): Catalog {
    return frCatalog();
  },
} satisfies Record<string, Catalog>;

export type { Catalog, CodeWording, Worded } from "./types.js";
export { en };

/** `f` in the words of `catalog`, with the fields of a finding in their usual order. Already worded findings pass as they are. */
export function wordFinding(f: Finding | WordedFinding, catalog: Catalog = en): WordedFinding {
  if (!("args" in f)) return f;
  const worded = wordArgs(catalog, f.code, quotable(f.args));
  const hint = hintOf(f, worded, catalog);
  const out: WordedFinding = { code: f.code, severity: f.severity, file: f.file, line: f.line, column: f.column, path: f.path, message: worded.message };
  // Key order as JSON shows it: a hint only lint's notes give comes after `fixable`.
  const hintLast = f.fixable === true && !worded.hint;
  if (hint && !hintLast) out.hint = hint;
  if (f.fixable) out.fixable = true;
  if (hint && hintLast) out.hint = hint;
  return out;
}

/**
 * Only the words of `f` (its message, and its hint as wordFinding gives it): for a reporter that
 * prints them and nothing else of the worded finding (stylish, once per finding: no finding object made).
 */
export function wordsOf(f: Finding | WordedFinding, catalog: Catalog = en): Worded {
  if (!("args" in f)) return f;
  const worded = wordArgs(catalog, f.code, quotable(f.args));
  return f.notes ? { message: worded.message, hint: hintOf(f, worded, catalog) } : worded;
}

/** The hint of `f`: its code's, or what lint's notes make of it. */
function hintOf(f: Finding, worded: Worded, catalog: Catalog): string | undefined {
  return f.notes ? catalog.notes(worded.hint || undefined, f.notes) : worded.hint;
}

/** Every finding of `findings`, worded. */
export function wordFindings(findings: readonly (Finding | WordedFinding)[], catalog: Catalog = en): WordedFinding[] {
  return findings.map((f) => wordFinding(f, catalog));
}

function wordArgs<C extends FindingCode>(catalog: Catalog, code: C, args: FindingDetails[C]): Worded {
  return catalog.codes[code].word(args);
}

const KEY_ARGS = new Set(["key", "alias"]);

// Text from the file quoted in a message is capped (MAX_QUOTED characters, with an ellipsis) so a
// short crafted input cannot make a huge message line, and a no-break space in a key is shown.
// Applied to the args' own strings, whatever the catalog: no catalog can forget it.
// Strings one level down (a value shown, `found`) are capped too.
// Object.keys and a loop, not Object.entries: no array of pairs per finding and per nested value.
function quotable<T extends object>(args: T): T {
  let out: Record<string, unknown> | undefined;
  const names = Object.keys(args);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value: unknown = (args as Record<string, unknown>)[name];
    const shown = typeof value === "string" ? capText(KEY_ARGS.has(name) ? escapeKey(value) : value) : isPlainObject(value) ? quotable(value) : value;
    if (shown !== value) (out ??= { ...(args as Record<string, unknown>) })[name] = shown;
  }
  return (out as T | undefined) ?? args;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

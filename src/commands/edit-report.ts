// What `posting set` and `posting close` share: the filters as flags, and the report of each file
// (a diff by default, the file names with --check, one "set …"/"closed …" line per file with --write).
import { createTwoFilesPatch } from "diff";
import type { EditResult, KeyChange } from "../core/edit/edit-files.js";
import type { ListQueryInput } from "../core/list/list-query.js";
import { phrasedError } from "../core/errors.js";
import { summarize } from "../core/report.js";
import { escapeControl, escapeInline } from "../core/sanitize.js";
import { en } from "../core/messages/word.js";
import type { Catalog } from "../core/messages/types.js";
import type { Phrases } from "../core/messages/phrases.js";
import { enPhrases } from "../core/messages/phrases-en.js";
import { stylish } from "../reporters/stylish.js";
import type { CliIO } from "../io.js";
import { useColor } from "../io.js";
import { EXIT } from "../core/exit-codes.js";

/** The flags of `posting list` that select postings (shared by list, set and close). */
export interface FilterFlags {
  open?: boolean;
  closed?: boolean;
  startup?: string[];
  where?: string[];
  since?: string;
  until?: string;
  search?: string;
  stale?: number;
}

export interface EditCommandOptions extends FilterFlags {
  check?: boolean;
  write?: boolean;
  schema?: string;
  config?: string;
  encoding?: string;
  color?: boolean;
  /** `--lang fr|en`. */
  lang?: string;
}

export function filtersOf(options: FilterFlags, now: Date): Omit<ListQueryInput, "sort" | "limit"> {
  const { open, closed, startup, where, since, until, search, stale } = options;
  return { ...{ open, closed, startup, where, since, until, search, stale }, now };
}

export function checkModes(options: EditCommandOptions, paths: readonly string[]): void {
  if (options.check && options.write) throw phrasedError((p) => p.checkAndWrite);
  if (paths.includes("-")) throw phrasedError((p) => p.filesNotStdin);
}

/** Print the results; the exit code: 1 with --check when something would change, or when a file was refused. */
export function reportEdits(results: readonly EditResult[], options: EditCommandOptions, verb: "set" | "closed", io: CliIO, catalog: Catalog = en): number {
  const { phrases } = catalog;
  const changed = results.filter((r) => r.status === "changed");
  for (const r of changed) {
    const file = escapeInline(r.file, "normalize");
    if (options.check) io.stdout.write(`${file}\n`);
    else if (options.write) io.stdout.write(`${phrases.editedFile(verb, file, describeKeyChanges(r.changes, phrases))}\n`);
    else io.stdout.write(diffOf(r, phrases));
  }
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (withFindings.length > 0) io.stderr.write(stylish(summarize(withFindings.map((r) => ({ file: r.file, findings: r.findings }))), { color: useColor(io.stderr, io.env, options.color), catalog }));
  const refused = results.filter((r) => r.status === "refused").length;
  const unchanged = results.length - changed.length - refused;
  io.stderr.write(`${phrases.editSummary({ selected: results.length, changed: changed.length, unchanged, refused, write: options.write === true, verb })}\n`);
  if (refused > 0 || (options.check && changed.length > 0)) return EXIT.findings;
  return EXIT.clean;
}

/** `open: true → false; techno: added [React, Vue]; salaire: removed`. */
export function describeKeyChanges(changes: readonly KeyChange[], phrases: Phrases = enPhrases): string {
  return changes
    .map((c) => {
      const key = escapeInline(c.key, "normalize");
      if (c.from === undefined) return phrases.keyAdded(key, shown(c.to));
      if (c.to === undefined) return phrases.keyRemoved(key);
      return `${key}: ${shown(c.from)} → ${shown(c.to)}`;
    })
    .join("; ");
}

function shown(value: unknown): string {
  const text = Array.isArray(value) ? `[${value.map((v) => shownScalar(v)).join(", ")}]` : shownScalar(value);
  return escapeInline(text.length > 80 ? `${text.slice(0, 79)}…` : text, "normalize");
}

function shownScalar(value: unknown): string {
  return typeof value === "string" ? value : value === null ? "null" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function diffOf(result: Extract<EditResult, { status: "changed" }>, phrases: Phrases): string {
  const file = escapeInline(result.file, "diff");
  const sep = file.startsWith("/") ? "" : "/";
  const patch = createTwoFilesPatch(`a${sep}${file}`, `b${sep}${file}`, result.before, result.after, undefined, undefined, { context: 3 });
  return `# ${escapeInline(describeKeyChanges(result.changes, phrases), "diff")}\n${escapeControl(patch.replace(/^(?:Index: .*\n)?=+\n/, ""), "diff")}`;
}

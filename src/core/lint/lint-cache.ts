// `posting lint --cache`: lint's section of the cache (core/files/cache.ts), whose data per file
// is its findings (without their `file`) and its cross-file facts, and whose note is the block
// the command printed for it (`Printed`) when no other file gave it a finding: an unchanged
// re-run prints that block again, with the same options, without wording the findings again (nor
// parsing them, for a file in no collection: no other file can give it one).
//
// The cache file may have been crafted: a note is taken only when its shape is right, it was
// printed with this run's format, colour, language and --quiet under the same name, and its block
// holds nothing a terminal acts on (the escaper would leave it as it is, colour codes aside when
// colour is on); else the file's findings are used as usual.
import type { Finding } from "../findings.js";
import { FileCache, isCachedFinding, withFile, withoutFile } from "../files/cache.js";
import type { CacheSection } from "../files/cache.js";
import type { TaskCache } from "../files/task.js";
import { isCrossFileFacts } from "./facts.js";
import type { CrossFileFacts } from "./facts.js";
import type { FileFindings } from "../report.js";
import { escapeControl } from "../sanitize.js";

/** A lint result as cached (lint.ts's FileResult). */
type LintResult = FileFindings & { facts?: CrossFileFacts };

/** [findings without their `file`, cross-file facts or 0] */
export type LintCacheData = [Omit<Finding, "file">[], CrossFileFacts | 0];

/** A file's cached result: its findings (to be given their `file`) and its cross-file facts. */
export interface CacheHit {
  findings: readonly Omit<Finding, "file">[];
  facts: CrossFileFacts | undefined;
}

function isLintCacheData(value: unknown): value is LintCacheData {
  return Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && value[0].every(isCachedFinding) && (value[1] === 0 || isCrossFileFacts(value[1]));
}

export const LINT_CACHE_DATA: TaskCache<LintResult, LintCacheData> = {
  toData: (result) => [withoutFile(result.findings), result.facts ?? 0],
  isData: isLintCacheData,
  fromData([findings, facts], file) {
    const result: LintResult = { file, findings: withFile(findings, file) };
    if (facts !== 0) result.facts = facts;
    return result;
  },
};

/** The cache file, seen through lint's section (the library and tests use it so). */
export class LintCache {
  private readonly section: CacheSection<LintCacheData>;
  private constructor(readonly file: FileCache) {
    this.section = file.section("lint", isLintCacheData);
  }

  /** Lint's section of a cache file already open (the CLI opens one file for every task). */
  static of(file: FileCache): LintCache {
    return new LintCache(file);
  }

  /** `key` covers what changes every result: the tool version and the config. */
  static async open(location: string, runKey: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<LintCache> {
    return new LintCache(await FileCache.open(location, runKey, env));
  }

  get location(): string {
    return this.file.location;
  }

  /** Why the cache file is neither read nor written, for the run to say once; undefined when usable. */
  get warning(): string | undefined {
    return this.file.warning;
  }

  lookup(path: string, size: number | undefined, mtimeMs: number | undefined, schemaHash: string): CacheHit | undefined {
    const data = this.section.lookup(path, size, mtimeMs, schemaHash);
    return data && hitOf(data);
  }

  hashOf(path: string, schemaHash: string): string | undefined {
    return this.section.hashOf(path, schemaHash);
  }

  reuse(path: string, size: number, mtimeMs: number, schemaHash: string): CacheHit | undefined {
    const data = this.section.reuse(path, size, mtimeMs, schemaHash);
    return data && hitOf(data);
  }

  /** The block kept last time for the unchanged file at `path`, when fit for `printer`. */
  printedBefore(path: string, display: string, printer: Printer): Printed | undefined {
    return printedFromNote(this.section.keptNote(path), printer, display);
  }

  /** Keep what was printed for the file at `path` with its entry of this run, for the next run to print again. */
  rememberPrinted(path: string, display: string, printer: Printer, printed: Printed): void {
    this.section.attachNote(path, noteOf(printer, display, printed));
  }

  store(path: string, size: number, mtimeMs: number, hash: string, schemaHash: string, findings: readonly Finding[], facts?: CrossFileFacts): void {
    this.section.store(path, size, mtimeMs, hash, schemaHash, LINT_CACHE_DATA.toData({ file: "", findings: [...findings], ...(facts ? { facts } : {}) }));
  }

  save(): Promise<void> {
    return this.file.save();
  }
}

function hitOf([findings, facts]: LintCacheData): CacheHit {
  return { findings, facts: facts === 0 ? undefined : facts };
}

/** A file's block as the lint command prints it, and what it adds to the totals. */
export interface Printed {
  block: string;
  /** Of the findings shown (`--quiet` shows only the errors). */
  errors: number;
  warnings: number;
  fixable: number;
  findings: number;
  /** The warnings found, shown or not (`--max-warnings` counts them). */
  allWarnings: number;
}

/** How the command prints each file's result. */
export interface Printer {
  /** Everything the blocks depend on besides the file: format, colour, language, --quiet. */
  key: string;
  /** Whether blocks hold colour codes. */
  color: boolean;
  print(result: LintResult): Printed;
}

/** [printer key, file as displayed, block, errors, warnings, fixable, findings, all warnings] */
type PrintedNote = [string, string, string, number, number, number, number, number];

function noteOf(printer: Printer, display: string, p: Printed): PrintedNote {
  return [printer.key, display, p.block, p.errors, p.warnings, p.fixable, p.findings, p.allWarnings];
}

/** The SGR codes reporters/paint.ts writes for the styles stylish uses (bold, dim, underline, red, green, yellow, and their ends). */
const COLOUR_CODES = /\u001b\[(?:1|2|4|22|24|31|32|33|39)m/g;

/** Whether `block` holds nothing the escaper would change: no control, bidi or invisible character (but the colour codes when `color`). */
function isSafeBlock(block: string, color: boolean): boolean {
  const plain = color ? block.replace(COLOUR_CODES, "") : block;
  return escapeControl(plain, "cache") === plain;
}

/** The block printed for `display` on an earlier run, from its entry's note, when the note is fit for `printer`. */
export function printedFromNote(note: unknown, printer: Printer, display: string): Printed | undefined {
  if (!Array.isArray(note) || note.length !== 8 || note[0] !== printer.key || note[1] !== display || typeof note[2] !== "string") return undefined;
  const [errors, warnings, fixable, findings, allWarnings] = note.slice(3) as unknown[];
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!count(errors) || !count(warnings) || !count(fixable) || !count(findings) || !count(allWarnings)) return undefined;
  if (findings !== errors + warnings || fixable > findings || allWarnings < warnings) return undefined;
  if (!isSafeBlock(note[2], printer.color)) return undefined;
  return { block: note[2], errors, warnings, fixable, findings, allWarnings };
}

export { DEFAULT_CACHE_FILE } from "../files/cache.js";

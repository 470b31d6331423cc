// Lint = parse (encoding, front matter, YAML) + schema validation. Returns findings; never prints.
// Reading, ordering, the cache and worker threads are core/files' (runFiles): lint is one of its tasks.
import { Buffer } from "node:buffer";
import { discoverTargets } from "../files/targets.js";
import type { Target } from "../files/targets.js";
import { runFiles } from "../files/run-files.js";
import type { StandIn } from "../files/run-files.js";
import type { FileTask } from "../files/task.js";
import type { Finding } from "../findings.js";
import { compareFindings } from "../findings.js";
import { finding } from "../messages.js";
import { summarize } from "../report.js";
import type { FileFindings, LintReport } from "../report.js";
import { frontMatterFixFindings, mojibakeFindings, withdrawBlockedFixes } from "./normalizable.js";
import type { FixBlocker } from "./normalizable.js";
import { normalizeBytes } from "../normalize/normalize.js";
import { readPosting } from "../read/read-posting.js";
import type { PostingReading } from "../read/read-posting.js";
import type { LocatedFrontMatter, ParsedPosting } from "../read/posting.js";
import { mayHoldMojibakeUtf8 } from "../read/mojibake.js";
import { factsOfFrontMatter, wantsFacts } from "./facts.js";
import type { CrossFileFacts, FactsWanted } from "./facts.js";
import { detectEntryChanges } from "../normalize/value-rules.js";
import type { ParseOptions } from "../read/posting.js";
import type { LintCache, LintCacheData, Printed } from "./lint-cache.js";
import { LINT_CACHE_DATA } from "./lint-cache.js";
import type { PostingSchema } from "../schema/schema.js";
import { pathText, validateFrontMatter } from "../schema/validate.js";
import { BIDI_CONTROL } from "../sanitize.js";
import { applyDisables, disableDirectives } from "./disable.js";
import { mayHoldPlaceholder, placeholderFindings } from "./placeholders.js";

/** One file's findings: raw (args) in the core; the library API returns them worded (`F` = WordedFinding). */
export interface FileResult<F = Finding> extends FileFindings<F> {
  /** What the cross-file checks need of this file (only while linting a project; never reported). */
  facts?: CrossFileFacts;
}

export type { LintReport };
export { summarize };

export interface LintOptions extends ParseOptions {
  /** Always parse the front matter with the full YAML parser (tests compare both paths). */
  fullParse?: boolean;
  /** Also gather the facts the cross-file checks need (see facts.ts). */
  facts?: FactsWanted;
}

/** Lint one posting given as bytes or text. */
export function lintBytes(file: string, input: Uint8Array | string, schema: PostingSchema, options: LintOptions = {}): Finding[] {
  return lintPosting(file, input, schema, options).findings;
}

/** Lint one posting, with the facts `options.facts` asks for when its front matter could be read. */
export function lintPosting(file: string, input: Uint8Array | string, schema: PostingSchema, options: LintOptions = {}): { findings: Finding[]; facts?: CrossFileFacts } {
  // Text (an editor's unsaved buffer, a test) is its UTF-8 bytes: one path, the same findings.
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const { parsed, frontMatter } = readPosting(file, bytes, options);
  const findings = parsed.findings;
  // How many findings the reading made: normalize, asked below, takes the reading as it was read.
  const readCount = findings.length;
  let blocker: FixBlocker | undefined = parsed.decoded?.undecodable ? { encoding: parsed.decoded.encoding } : undefined;
  // Loops, not push(...all): a megabyte of garbled words is 150,000 findings, past the stack's
  // limit on arguments.
  if (parsed.decoded && mayHoldMojibake(parsed.decoded, bytes)) for (const f of mojibakeFindings(file, parsed.text)) findings.push(f);
  if (!frontMatter?.data) return { findings: finished(findings, blocker) };
  const schemaFindings = validateFrontMatter(file, frontMatter, schema);
  for (const f of schemaFindings) findings.push(f);
  if (MAY_HOLD_BIDI.test(frontMatter.source.source)) for (const f of bidiFindings(file, frontMatter)) findings.push(f);
  for (const f of frontMatterFixFindings(file, frontMatter, detectEntryChanges(frontMatter.entries(), schema), schemaFindings)) findings.push(f);
  // Renaming or rewriting a value that an alias (`*x`) refers to can change what the alias
  // reads, which normalize then refuses; such files are rare, so normalize is asked here.
  if (frontMatter.hasAliases() && findings.some((f) => f.fixable)) {
    // The full reader's reading (the fast one takes no alias), with the findings it made: normalize
    // takes it instead of reading the file again when it parses the same text.
    const reading: PostingReading = { parsed: { ...parsed, findings: findings.slice(0, readCount) }, frontMatter };
    if (normalizeBytes(file, bytes, { ...options, schema }, reading).status === "refused") blocker = { unsafe: true };
  }
  if (mayHoldPlaceholder(parsed.body)) for (const f of placeholderFindings(file, parsed.body, frontMatter.source.closeLine + 1)) findings.push(f);
  const wanted = wantsFacts(options.facts) ? options.facts : undefined;
  const facts = wanted ? factsOfFrontMatter(frontMatter, wanted, schema) : undefined;
  const directives = disableDirectives(frontMatter.source.source, frontMatter.source.startLine);
  const kept = directives.length > 0 ? applyDisables(file, findings, directives) : findings;
  return facts ? { findings: finished(kept, blocker), facts } : { findings: finished(kept, blocker) };
}

/** A file's findings as lint returns them: no fix promised that normalize will not make, in the order of the file. */
function finished(findings: Finding[], blocker: FixBlocker | undefined): Finding[] {
  withdrawBlockedFixes(findings, blocker);
  return findings.sort(compareFindings);
}

/** False when the text is the file's valid UTF-8 and its bytes spell no start of a garbled run (mojibake.ts). */
function mayHoldMojibake(decoded: NonNullable<ParsedPosting["decoded"]>, bytes: Uint8Array): boolean {
  if (decoded.encoding !== "utf-8" || decoded.firstInvalidUtf8 !== undefined || decoded.truncatedUtf8 !== undefined) return true;
  return mayHoldMojibakeUtf8(bytes);
}

// Raw bidi controls, or escapes that could be one: only then are the values walked.
const MAY_HOLD_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\\[uU]/;

/** TEXT_BIDI_CONTROL for every key and text value holding a bidi control (display spoofing). */
function bidiFindings(file: string, frontMatter: LocatedFrontMatter): Finding[] {
  const found: Finding[] = [];
  const report = (text: string, path: (string | number)[], where: "key" | "value") => {
    const ch = BIDI_CONTROL.exec(text)?.[0];
    if (!ch) return;
    const char = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    found.push(finding("TEXT_BIDI_CONTROL", { file, ...frontMatter.locate(path, where), path: pathText(path) }, { key: pathText(path), char }));
  };
  const visit = (value: unknown, path: (string | number)[], depth: number): void => {
    if (depth > 64) return;
    if (typeof value === "string") {
      report(value, path, "value");
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], depth + 1));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        report(key, [...path, key], "key");
        visit(item, [...path, key], depth + 1);
      }
    }
  };
  visit(frontMatter.data, [], 0);
  return found;
}

export interface LintFilesOptions extends ParseOptions {
  schema: PostingSchema;
  cwd: string;
  /** The schema for one file (absolute path), when collections have their own; default `schema`. */
  schemaFor?: (path: string) => PostingSchema;
  /** `--cache`: findings of unchanged files are taken from it, and it is updated. */
  cache?: LintCache;
  /** Gather, with each file's findings, the facts the cross-file checks need (FileResult.facts). */
  facts?: FactsWanted;
  /** Environment (POSTING_WORKERS); default process.env. */
  env?: Record<string, string | undefined>;
  /** With `cache`: the blocks printed for unchanged files, taken instead of their results (runFiles). */
  standIn?: StandIn<Printed>;
}

/** Lint as a task of runFiles (core/files): plain options, plain results, findings and facts cached. */
export const lintTask: FileTask<FileResult, LintOptions, LintCacheData> = {
  name: "lint",
  run(file, bytes, schema, options) {
    const linted = lintPosting(file, bytes, schema!, options);
    return linted.facts ? { file, findings: linted.findings, facts: linted.facts } : { file, findings: linted.findings };
  },
  fromReadProblem: (file, findings) => ({ file, findings }),
  cache: LINT_CACHE_DATA,
};

/** Lint files, folders and globs; one unreadable file never stops the others. */
export async function lintPaths(inputs: readonly string[], options: LintFilesOptions): Promise<LintReport> {
  const targets = await discoverTargets(inputs, options.cwd, { stats: options.cache !== undefined });
  return summarize(await lintTargets(targets, options));
}

/**
 * Lint discovered files, results in the targets' order. Files the cache vouches for are not read;
 * past WORKER_THRESHOLD files the rest are linted on worker threads (one per core).
 */
export async function lintTargets(targets: readonly Target[], options: LintFilesOptions): Promise<FileResult[]> {
  const results = new Array<FileResult>(targets.length);
  await lintTargetsInOrder(targets, options, (result, i) => {
    results[i] = result;
  });
  return results;
}

/** lintTargets, handing each result to `onResult` in the targets' order as soon as it is known (runFiles). */
export async function lintTargetsInOrder(targets: readonly Target[], options: LintFilesOptions, onResult: (result: FileResult, index: number) => void): Promise<void> {
  const wanted = wantsFacts(options.facts) ? options.facts : undefined;
  const lintOptions: LintOptions = {
    ...(options.legacyEncoding !== undefined ? { legacyEncoding: options.legacyEncoding } : {}),
    ...(options.fromEncoding !== undefined ? { fromEncoding: options.fromEncoding } : {}),
    ...(wanted ? { facts: wanted } : {}),
  };
  const schemaFor = options.schemaFor;
  await runFiles(targets, lintTask, {
    options: lintOptions,
    schemaFor: schemaFor ? (target) => schemaFor(target.path) ?? options.schema : () => options.schema,
    ...(options.cache ? { cache: options.cache.file } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.cache && options.standIn ? { standIn: options.standIn } : {}),
    onResult,
  });
}

// Lint = parse (encoding, front matter, YAML) + schema validation. Returns findings; never prints.
import { readFile } from "node:fs/promises";
import type { ResolvedConfig } from "./config.js";
import { describeFsError, discoverTargets } from "./discover.js";
import type { Target } from "./discover.js";
import type { Finding } from "./findings.js";
import { compareFindings, countBySeverity } from "./findings.js";
import { finding } from "./messages.js";
import { frontMatterFixFindings, mojibakeFindings } from "./normalizable.js";
import { parsePosting } from "./posting.js";
import type { ParseOptions } from "./posting.js";
import type { PostingSchema } from "./schema.js";
import { validateFrontMatter } from "./validate.js";

export interface FileResult {
  file: string;
  findings: Finding[];
}

export interface LintReport {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

/** Lint one posting given as bytes. */
export function lintBytes(file: string, bytes: Uint8Array, schema: PostingSchema, options: ParseOptions = {}): Finding[] {
  const parsed = parsePosting(file, bytes, options);
  const findings = parsed.findings;
  if (parsed.decoded) findings.push(...mojibakeFindings(file, parsed.text));
  if (parsed.frontMatter?.data) {
    const schemaFindings = validateFrontMatter(file, parsed.frontMatter, schema);
    findings.push(...schemaFindings, ...frontMatterFixFindings(file, parsed.frontMatter, schema, schemaFindings));
  }
  return findings.sort(compareFindings);
}

export interface LintFilesOptions extends ParseOptions {
  schema: PostingSchema;
  cwd: string;
}

/** Lint files, folders and globs; one unreadable file never stops the others. */
export async function lintPaths(inputs: readonly string[], options: LintFilesOptions): Promise<LintReport> {
  const targets = await discoverTargets(inputs, options.cwd);
  const results = await mapTargets(targets, async (target) => {
    const bytes = await readTarget(target);
    if ("findings" in bytes) return { file: target.display, findings: bytes.findings };
    return { file: target.display, findings: lintBytes(target.display, bytes.bytes, options.schema, options) };
  });
  return summarize(results);
}

export function summarize(results: FileResult[]): LintReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    const { errors, warnings } = countBySeverity(r.findings);
    errorCount += errors;
    warningCount += warnings;
  }
  return { results, errorCount, warningCount, fileCount: results.length };
}

/** Read a discovered target, or explain as a finding why it cannot be read. */
export async function readTarget(target: Target): Promise<{ bytes: Uint8Array } | { findings: Finding[] }> {
  const at = { file: target.display, line: 1, column: 1 };
  if (target.problem?.code === "FILE_NOT_REGULAR") return { findings: [finding("FILE_NOT_REGULAR", at, { kind: target.problem.kind })] };
  if (target.problem) return { findings: [finding("FILE_UNREADABLE", at, { reason: target.problem.reason })] };
  try {
    return { bytes: await readFile(target.path) };
  } catch (error) {
    return { findings: [finding("FILE_UNREADABLE", at, { reason: describeFsError(error as NodeJS.ErrnoException) })] };
  }
}

/** Run `fn` over targets with bounded concurrency, keeping the input order in the output. */
export async function mapTargets<T>(targets: readonly Target[], fn: (t: Target) => Promise<T>, concurrency = 32): Promise<T[]> {
  const out = new Array<T>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      out[i] = await fn(targets[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return out;
}

/** The inputs to use: the arguments, else the config's content folders. */
export function resolveInputs(args: readonly string[], config: ResolvedConfig): string[] | undefined {
  if (args.length > 0) return [...args];
  if (config.content.length > 0) return config.content;
  return undefined;
}

// Lint as `posting lint` does, config included: each file against its collection's schema, then
// the cross-file checks. The command and the library's `lint()` both call this.
import { resolve } from "node:path";
import { checkCollections } from "../lint/collection.js";
import type { ResolvedConfig } from "./config.js";
import { collectionOf } from "./config.js";
import type { LintReport } from "../lint/lint.js";
import type { LintCache } from "../lint/lint-cache.js";
import { lintBytes, lintPaths, summarize } from "../lint/lint.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";

export interface LintProjectOptions {
  cwd: string;
  config: ResolvedConfig;
  /** A posting read from standard input, linted as if it were the file `name`. */
  stdin?: { name: string; bytes: Uint8Array };
  /** `--cache`: per-file findings of unchanged files (the cross-file checks always run). */
  cache?: LintCache;
}

export async function lintProject(inputs: readonly string[], options: LintProjectOptions): Promise<LintReport> {
  const { config, cwd } = options;
  const schemaFor = (path: string): PostingSchema => loadSchema(collectionOf(config, path)?.schemaPath ?? config.schemaPath);
  const parseOptions = { legacyEncoding: config.encoding };
  const cache = options.cache ? { cache: options.cache } : {};
  const report = await lintPaths(inputs, { schema: loadSchema(config.schemaPath), schemaFor, cwd, ...parseOptions, ...cache });
  const results = report.results;
  if (options.stdin) {
    const { name, bytes } = options.stdin;
    results.push({ file: name, findings: lintBytes(name, bytes, schemaFor(resolve(cwd, name)), parseOptions) });
  }
  const bytes = new Map(options.stdin ? [[options.stdin.name, options.stdin.bytes]] : []);
  return summarize(await checkCollections(results, { cwd, config, bytes, ...parseOptions }));
}

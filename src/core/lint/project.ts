// Lint as `posting lint` does, config included: each file against its collection's schema, then
// the cross-file checks. The command and the library's `lint()` both call this.
import { dirname, resolve } from "node:path";
import { finding } from "../messages.js";
import { leftoverTempFiles } from "../files/write.js";
import { CrossFileChecker, factsWanted, withCrossFileFindings } from "./collection.js";
import type { ResolvedConfig } from "../project/config.js";
import { collectionOf } from "../project/config.js";
import type { FileResult, LintReport } from "./lint.js";
import type { LintCache, Printed, Printer } from "./lint-cache.js";
import { printedFromNote } from "./lint-cache.js";
import { lintPosting, lintTargetsInOrder, summarize } from "./lint.js";
import { discoverTargets, displayPath, noPostingsError } from "../files/targets.js";
import type { Target } from "../files/targets.js";
import type { StandIn } from "../files/run-files.js";
import { discoveryOf } from "../files/discovery.js";
import { applyRules, hasRules } from "../findings/rules.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";

export interface LintProjectOptions {
  cwd: string;
  config: ResolvedConfig;
  /** A posting read from standard input, linted as if it were the file `name`. */
  stdin?: { name: string; bytes: Uint8Array };
  /** `--cache`: per-file findings and cross-file facts of unchanged files (the cross-file checks always run). */
  cache?: LintCache;
  /** Report only these files (as displayed); the others are linted for the cross-file checks only (`--changed`, `--staged`). */
  only?: ReadonlySet<string>;
  /** Postings given as bytes by displayed name (`--staged`: the index), linted after the files and instead of the file of that name. */
  given?: readonly { name: string; bytes: Uint8Array }[];
  /** `--ignore-pattern`: more globs to skip, relative to `cwd` (the config's `ignore` are relative to its folder). */
  ignorePatterns?: readonly string[];
  /** `--allow-empty`: paths that hold no posting are not an error. */
  allowEmpty?: boolean;
  /** A file named explicitly but ignored (not linted): its displayed path. */
  onIgnored?: (display: string) => void;
}

export async function lintProject(inputs: readonly string[], options: LintProjectOptions): Promise<LintReport> {
  const results: FileResult[] = [];
  await lintProjectEach(inputs, options, (result) => {
    results.push(result);
  });
  return summarize(results);
}

/**
 * lintProject, handing each file's final result (cross-file findings included) to `onResult` in
 * input order as soon as it is known, and keeping none of them: memory stays flat however many
 * files there are. Each file is read once; the cross-file checks work from the facts per-file
 * linting gathered (or the cache kept).
 */
export async function lintProjectEach(inputs: readonly string[], options: LintProjectOptions, onResult: (result: FileResult) => void): Promise<void> {
  await lintProjectInto(inputs, options, { onResult });
}

/**
 * lintProjectEach, each final result printed by `printer` and handed to `onPrinted` (`posting
 * lint`). With a cache, each file's block is kept with its entry, and an unchanged file gets the
 * block kept last time: a file in no collection (no other file can give it a finding) without
 * its findings parsed, one in a collection when no other file gives it a finding now.
 */
export async function lintProjectPrinted(inputs: readonly string[], options: LintProjectOptions, printer: Printer, onPrinted: (printed: Printed) => void): Promise<void> {
  await lintProjectInto(inputs, options, { printer, onPrinted });
}

type Sink = { onResult: (result: FileResult) => void } | { printer: Printer; onPrinted: (printed: Printed) => void };

async function lintProjectInto(inputs: readonly string[], options: LintProjectOptions, sink: Sink): Promise<void> {
  const { config, cwd, cache } = options;
  const schemaFor = (path: string): PostingSchema => loadSchema(collectionOf(config, path)?.schemaPath ?? config.schemaPath);
  const parseOptions = { legacyEncoding: config.encoding };
  // The cross-file checks concern only files in a collection: with none configured, no facts are gathered.
  const facts = config.collections.length > 0 ? factsWanted(config) : undefined;
  const checker = new CrossFileChecker({ cwd, config });
  const rules = hasRules(config.rules) ? config.rules : undefined;
  const only = options.only;
  const shown = (file: string) => !only || only.has(file);
  // Whether other files can give a file findings (it is in a collection); no path is resolved when there is none.
  const concerned = (file: string) => config.collections.length > 0 && checker.concerns(file);
  // The one exit for a file's final findings: the config's rules applied, and only the selected
  // files reported (`--changed`, `--staged`: the others feed the cross-file checks).
  // A file's block is kept with its cache entry only when no other file gave it a finding: an
  // unchanged file that no other file gives one again then has the same block.
  const report = (result: FileResult, target?: Target, alone = false) => {
    if (!shown(result.file)) return;
    const final = rules ? { file: result.file, findings: applyRules(result.findings, rules) } : result;
    if ("onResult" in sink) return sink.onResult(final);
    const keeps = alone && target && cache;
    const before = keeps ? cache.printedBefore(target.path, final.file, sink.printer) : undefined;
    const printed = before ?? sink.printer.print(final);
    if (keeps && !before) cache.rememberPrinted(target.path, final.file, sink.printer, printed);
    sink.onPrinted(printed);
  };
  const emit = (result: FileResult, target?: Target) => {
    const others = checker.check(result);
    // Hot path: without cross-file findings a printer, which reads only the file and its findings,
    // gets the result as it is; the library's results get a new object (they never carry facts).
    const alone = others.length === 0;
    report(alone && "printer" in sink ? result : withCrossFileFindings(result, others), target, alone);
  };
  const given = options.given ?? [];
  let ignoredCount = 0;
  const onIgnored = (display: string) => {
    ignoredCount++;
    options.onIgnored?.(display);
  };
  const discovery = { ...discoveryOf(config, cwd, options.ignorePatterns), onIgnored };
  const found = await discoverTargets(inputs, cwd, { stats: cache !== undefined, ...discovery });
  // A selection (--changed, --staged) may well be empty; the paths it selects from may not.
  if (found.length === 0 && ignoredCount === 0 && !options.stdin && given.length === 0 && inputs.length > 0 && !options.allowEmpty) throw noPostingsError(inputs);
  const givenNames = new Set(given.map((g) => g.name));
  const targets = given.length === 0 ? found : found.filter((t) => !givenNames.has(t.display));
  // Files in a collection are not printed before their cross-file checks: these may give them findings now.
  const standIn: StandIn<Printed> | undefined =
    cache && "printer" in sink
      ? {
          of: (note, target) => (concerned(target.display) ? undefined : printedFromNote(note, sink.printer, target.display)),
          onStandIn: (printed, index) => {
            if (shown(targets[index]!.display)) sink.onPrinted(printed);
          },
        }
      : undefined;
  const lintOptions = { schema: loadSchema(config.schemaPath), schemaFor, cwd, ...parseOptions, ...(facts ? { facts } : {}), ...(cache ? { cache } : {}), ...(standIn ? { standIn } : {}) };
  await lintTargetsInOrder(targets, lintOptions, (result, index) => emit(result, targets[index]));
  // Temp files an interrupted write left next to the postings (normalize --write removes them).
  const folders = new Set(targets.filter((t) => !t.problem).map((t) => dirname(t.path)));
  for (const temp of leftoverTempFiles(folders)) {
    const file = displayPath(temp, cwd);
    report({ file, findings: [finding("FILE_TEMP_LEFTOVER", { file, line: 1, column: 1 }, {})] });
  }
  for (const { name, bytes } of given) {
    emit({ file: name, ...lintPosting(name, bytes, schemaFor(resolve(cwd, name)), { ...parseOptions, ...(facts ? { facts } : {}) }) });
  }
  if (options.stdin) {
    const { name, bytes } = options.stdin;
    emit({ file: name, ...lintPosting(name, bytes, schemaFor(resolve(cwd, name)), { ...parseOptions, ...(facts ? { facts } : {}) }) });
  }
}

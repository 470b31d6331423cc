// `posting normalize`: show (default), check (--check) or apply (--write) the canonical form.
import { createTwoFilesPatch } from "diff";
import { loadConfig, unknownEncodingMessage } from "../core/project/config.js";
import { isKnownEncoding } from "../core/read/encoding.js";
import { UserError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import { summarize } from "../core/report.js";
import { discoveryFor, openCache, resolveInputs } from "./inputs.js";
import type { ResolvedConfig } from "../core/project/config.js";
import { describeChanges, describeRepairsByLine, normalizeBytes } from "../core/normalize/normalize.js";
import { checkPaths, normalizePaths } from "../core/normalize/normalize-files.js";
import type { NormalizeCheckResult } from "../core/normalize/normalize-files.js";
import type { NormalizeResult } from "../core/normalize/normalize.js";
import { escapeControl, escapeInline } from "../core/sanitize.js";
import { loadSchema } from "../core/schema/schema.js";
import type { CliIO } from "../io.js";
import { readAll, useColor } from "../io.js";
import { en } from "../core/messages/word.js";
import { stylish } from "../reporters/stylish.js";
import { STDIN_DEFAULT_NAME, noInputMessage } from "./lint.js";
import { noPostingsMessage } from "../core/files/targets.js";
import { EXIT } from "../core/exit-codes.js";

export interface NormalizeCommandOptions {
  /** `--allow-empty`: paths that hold no posting are not an error. */
  allowEmpty?: boolean;
  check?: boolean;
  write?: boolean;
  schema?: string;
  config?: string;
  encoding?: string;
  fromEncoding?: string;
  stdinFilename?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  /** Today's full style as well: schema key order, one quoting style, block lists. */
  canonical?: boolean;
}

export async function normalizeCommand(paths: string[], options: NormalizeCommandOptions, io: CliIO, version = ""): Promise<number> {
  if (options.check && options.write) throw new UserError("--check and --write cannot be used together");
  if ((options.cache || options.cacheLocation !== undefined) && !options.check) throw new UserError("--cache works with --check only");
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  if (options.fromEncoding && !isKnownEncoding(options.fromEncoding)) throw new UserError(unknownEncodingMessage(options.fromEncoding));
  const style = options.canonical ? "canonical" : config.normalizeStyle;
  const normalizeOptions = { schema, legacyEncoding: config.encoding, style, ...(options.fromEncoding ? { fromEncoding: options.fromEncoding } : {}) };

  if (paths.length === 1 && paths[0] === "-") {
    const name = options.stdinFilename ?? STDIN_DEFAULT_NAME;
    const input = await readAll(io.stdin);
    const result = normalizeBytes(name, input, normalizeOptions);
    // --check on standard input: nothing on standard output, exit 1 when it would change.
    if (options.check) {
      reportFindings([{ file: name, findings: result.findings }], options, io);
      return result.status === "changed" || result.status === "refused" || result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    }
    // A filter must give back exactly what it was given when it changes nothing (an editor's
    // format-on-save would otherwise replace a legacy-encoded file with decoded, lossy text).
    io.stdout.write(result.status === "changed" ? result.output : input);
    reportFindings([{ file: name, findings: result.findings }], options, io);
    return result.status === "refused" || result.findings.length > 0 ? EXIT.findings : EXIT.clean;
  }
  if (paths.includes("-")) throw new UserError("`-` (standard input) must be the only path");

  const inputs = resolveInputs(paths, config);
  if (!inputs) throw new UserError(noInputMessage("normalize"));
  // --check needs only each file's verdict: it can run on worker threads (checkPaths).
  const results: readonly (NormalizeResult | NormalizeCheckResult)[] = options.check
    ? await checkPaths(inputs, { ...normalizeOptions, cwd: io.cwd, discovery: discoveryFor(config, io, "checked"), env: io.env, ...(options.cache ? { cache: await openCheckCache(options, config, io, version) } : {}) })
    : await normalizePaths(inputs, { ...normalizeOptions, cwd: io.cwd, discovery: discoveryFor(config, io, "normalized"), write: options.write === true });
  if (results.length === 0 && !options.allowEmpty) throw new UserError(noPostingsMessage(inputs));

  const changed = results.filter((r) => r.status === "changed");
  for (const r of changed) {
    const file = escapeInline(r.file, "normalize");
    if (options.check) {
      io.stdout.write(`${file}\n`);
      continue;
    }
    if (!("changes" in r)) continue;
    if (options.write) {
      io.stdout.write(`fixed ${file}: ${describeChanges(r.changes).map((c) => escapeInline(c, "normalize")).join("; ")}\n`);
      for (const line of describeRepairsByLine(r.changes.mojibake)) io.stdout.write(`  ${escapeInline(line, "normalize")}\n`);
    }
    else io.stdout.write(diffOf(r));
  }
  reportFindings(results, options, io);

  const refused = results.filter((r) => r.status === "refused").length;
  const unchanged = results.length - changed.length - refused;
  const verb = options.write ? "fixed" : "would change";
  io.stderr.write(
    `${results.length} file${results.length === 1 ? "" : "s"}: ${changed.length} ${verb}, ${unchanged} ${style === "canonical" ? "already canonical" : "with nothing to fix"}${refused ? `, ${refused} left untouched (see above)` : ""}\n`,
  );
  const needsHuman = results.some((r) => r.status === "refused" || r.findings.length > 0);
  if (options.check && changed.length > 0) return EXIT.findings;
  return needsHuman ? EXIT.findings : EXIT.clean;
}

function diffOf(result: Extract<NormalizeResult, { status: "changed" }>): string {
  const header = escapeInline(describeChanges(result.changes).join("; "), "diff");
  // The file name is one line of the header: a line break in it must not start a line of its own.
  const file = escapeInline(result.file, "diff");
  const sep = file.startsWith("/") ? "" : "/";
  const patch = createTwoFilesPatch(`a${sep}${file}`, `b${sep}${file}`, result.before, result.after, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with a "====" line (and an "Index:" line naming the file); keep the familiar ---/+++ header.
  return `# ${header}\n${escapeControl(patch.replace(/^(?:Index: .*\n)?=+\n/, ""), "diff")}`;
}

function reportFindings(results: readonly { file: string; findings: Finding[] }[], options: NormalizeCommandOptions, io: CliIO): void {
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (withFindings.length === 0) return;
  const report = summarize(withFindings.map((r) => ({ file: r.file, findings: r.findings })));
  io.stderr.write(stylish(report, { color: useColor(io.stderr, io.env, options.color), catalog: en }));
}

async function openCheckCache(options: NormalizeCommandOptions, config: ResolvedConfig, io: CliIO, version: string) {
  const cache = await openCache(options.cacheLocation, config, io, version);
  if (cache.warning) io.stderr.write(`posting: warning: ${escapeInline(cache.warning)}\n`);
  return cache;
}

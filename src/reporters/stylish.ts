// Human output, grouped by file: `line:col  severity  message  CODE`, then a hint line.
import { painter } from "./paint.js";
import { en, wordFinding } from "../core/messages/word.js";
import { escapeInline } from "../core/sanitize.js";
import { linesOf, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const stylishParts: ReporterParts = {
  totalsFirst: false,
  header: () => "",
  file: (result, options) => {
    if (result.findings.length === 0) return "";
    const c = painter(options.color);
    const lines = [c.underline(escapeInline(result.file, "stylish"))];
    // Not Math.max(...array): spreading 150,000 findings (a megabyte of garbled text) overflows the stack.
    const width = result.findings.reduce((w, f) => Math.max(w, `${f.line}:${f.column}`.length), 0);
    for (const raw of result.findings) {
      const f = wordFinding(raw, options.catalog);
      const pos = `${f.line}:${f.column}`.padEnd(width);
      const severity = f.severity === "error" ? c.red("error  ") : c.yellow("warning");
      lines.push(`  ${c.dim(pos)}  ${severity}  ${escapeInline(f.message, "stylish")}  ${c.dim(f.code)}`);
      // The hint sits under the message: 2 + position + 2 + "warning" + 2.
      if (f.hint) lines.push(`${" ".repeat(width + 13)}${c.dim(`→ ${escapeInline(f.hint, "stylish")}`)}`);
    }
    lines.push("");
    return linesOf(lines);
  },
  footer: (totals, options) => {
    const c = painter(options.color);
    const phrases = (options.catalog ?? en).phrases;
    const total = totals.errorCount + totals.warningCount;
    if (total === 0) return linesOf([c.green(`✔ ${phrases.noProblems(totals.fileCount)}`)]);
    const summary = `✖ ${phrases.problems({ total, errors: totals.errorCount, warnings: totals.warningCount, files: totals.fileCount })}`;
    const lines = [totals.errorCount > 0 ? c.red.bold(summary) : c.yellow.bold(summary)];
    if (totals.fixableCount > 0) lines.push(c.dim(`  ${phrases.fixable(totals.fixableCount)}`));
    return linesOf(lines);
  },
};

export const stylish: Reporter = reporterOf(stylishParts);

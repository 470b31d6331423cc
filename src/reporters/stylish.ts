// Human output, grouped by file: `line:col  severity  message  CODE`, then a hint line.
import { painter } from "./paint.js";
import { en, wordsOf } from "../core/messages/word.js";
import { escapeInline } from "../core/sanitize.js";
import { linesOf, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const stylishParts: ReporterParts = {
  totalsFirst: false,
  header: () => "",
  file: (result, options) => {
    const findings = result.findings;
    if (findings.length === 0) return "";
    const c = painter(options.color);
    // Hot path (once per file with findings): the block is one string built as it goes, each
    // position written once, and a hint line made again only when the hint differs from the last
    // one (most are "run `posting normalize --write` to fix it").
    const positions: string[] = [];
    // Not Math.max(...array): spreading 150,000 findings (a megabyte of garbled text) overflows the stack.
    let width = 0;
    for (const f of findings) {
      const pos = `${f.line}:${f.column}`;
      positions.push(pos);
      if (pos.length > width) width = pos.length;
    }
    // The hint sits under the message: 2 + position + 2 + "warning" + 2.
    const hintIndent = " ".repeat(width + 13);
    let lastHint: string | undefined;
    let hintLine = "";
    let text = `${c.underline(escapeInline(result.file, "stylish"))}\n`;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      const { message, hint } = wordsOf(f, options.catalog);
      const severity = f.severity === "error" ? c.red("error  ") : c.yellow("warning");
      text += `  ${c.dim(positions[i]!.padEnd(width))}  ${severity}  ${escapeInline(message, "stylish")}  ${c.dim(f.code)}\n`;
      if (hint) {
        if (hint !== lastHint) {
          lastHint = hint;
          hintLine = `${hintIndent}${c.dim(`→ ${escapeInline(hint, "stylish")}`)}\n`;
        }
        text += hintLine;
      }
    }
    return `${text}\n`;
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

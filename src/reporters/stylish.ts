// Human output, grouped by file: `line:col  severity  message  CODE`, then a hint line.
import { Chalk } from "chalk";
import { escapeInline } from "../core/sanitize.js";
import type { Reporter } from "./types.js";

export const stylish: Reporter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  let fixable = 0;
  for (const result of report.results) {
    if (result.findings.length === 0) continue;
    lines.push(c.underline(escapeInline(result.file)));
    // Not Math.max(...array): spreading 150,000 findings (a megabyte of garbled text) overflows the stack.
    const width = result.findings.reduce((w, f) => Math.max(w, `${f.line}:${f.column}`.length), 0);
    for (const f of result.findings) {
      if (f.fixable) fixable++;
      const pos = `${f.line}:${f.column}`.padEnd(width);
      const severity = f.severity === "error" ? c.red("error  ") : c.yellow("warning");
      lines.push(`  ${c.dim(pos)}  ${severity}  ${escapeInline(f.message)}  ${c.dim(f.code)}`);
      // The hint sits under the message: 2 + position + 2 + "warning" + 2.
      if (f.hint) lines.push(`${" ".repeat(width + 13)}${c.dim(`→ ${escapeInline(f.hint)}`)}`);
    }
    lines.push("");
  }
  const total = report.errorCount + report.warningCount;
  const files = `${report.fileCount} file${report.fileCount === 1 ? "" : "s"} checked`;
  if (total === 0) {
    lines.push(c.green(`✔ no problems (${files})`));
  } else {
    const summary = `✖ ${total} problem${total === 1 ? "" : "s"} (${report.errorCount} error${report.errorCount === 1 ? "" : "s"}, ${report.warningCount} warning${report.warningCount === 1 ? "" : "s"}) in ${files}`;
    lines.push(report.errorCount > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
    if (fixable > 0) lines.push(c.dim(`  ${fixable} of them can be fixed with \`posting normalize --write\`.`));
  }
  return `${lines.join("\n")}\n`;
};

// GitHub Actions workflow commands: each finding becomes an annotation on its line.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { wordFinding } from "../core/messages/word.js";
import { escapeInline } from "../core/sanitize.js";
import { linesOf, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const githubParts: ReporterParts = {
  totalsFirst: false,
  header: () => "",
  file: (result, options) => {
    const lines: string[] = [];
    for (const raw of result.findings) {
      const f = wordFinding(raw, options.catalog);
      const command = f.severity === "error" ? "error" : "warning";
      const props = `file=${escapeProperty(escapeInline(f.file, "github"))},line=${f.line},col=${f.column},title=${escapeProperty(f.code)}`;
      const message = escapeInline(f.hint ? `${f.message} (${f.hint})` : f.message, "github");
      lines.push(`::${command} ${props}::${escapeData(message)}`);
    }
    return linesOf(lines);
  },
  footer: () => "",
};

export const github: Reporter = reporterOf(githubParts);

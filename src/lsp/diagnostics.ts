// A buffer's findings, as `posting lint` run in the workspace folder would give them (per-file
// checks, then the cross-file ones against the disk and the open buffers, then the config's
// rules), and the same findings as LSP diagnostics over whole tokens. Pure but for the project's
// file access.
import type { Diagnostic } from "vscode-languageserver";
import type { Finding } from "../core/findings.js";
import { displayPath } from "../core/files/targets.js";
import { CrossFileChecker, factsWanted, withCrossFileFindings } from "../core/lint/collection.js";
import { lintPosting } from "../core/lint/lint.js";
import type { FileResult } from "../core/lint/lint.js";
import { applyRules, hasRules } from "../core/findings/rules.js";
import type { Catalog } from "../core/messages/types.js";
import { wordFinding } from "../core/messages/word.js";
import { escapeControl } from "../core/sanitize.js";
import type { ProjectView } from "./project.js";
import { linesOf, tokenRange } from "./text.js";

/** Diagnostics sent for one buffer: a megabyte of garbled words is 150,000 findings, which no editor shows usefully. */
export const MAX_DIAGNOSTICS = 1000;

export interface LintedBuffer {
  /** The findings, final (cross-file ones and the config's rules included). */
  findings: Finding[];
  /** The buffer as a lint result with its facts, for the project's identity index. */
  result: FileResult;
}

/** Lint the text of the file at `path` (absolute) as `posting lint` would in the project. */
export function lintBuffer(path: string, text: string, project: ProjectView): LintedBuffer {
  const { config, root } = project;
  const display = displayPath(path, root);
  const wanted = factsWanted(config);
  const linted = lintPosting(display, text, project.schemaFor(path), { legacyEncoding: config.encoding, ...(wanted ? { facts: wanted } : {}) });
  const result: FileResult = { file: display, findings: linted.findings, ...(linted.facts ? { facts: linted.facts } : {}) };
  const checker = new CrossFileChecker({ cwd: root, config, files: project.files });
  // The checker reports a duplicate on the later file: it is shown the first one of the collection first.
  const id = checker.duplicateId(result);
  const first = id === undefined ? undefined : project.firstWithIdentity(id, path);
  if (first) checker.check({ file: first.display, findings: [], facts: first.facts });
  const final = withCrossFileFindings(result, checker.check(result));
  const findings = hasRules(config.rules) ? applyRules(final.findings, config.rules) : final.findings;
  return { findings, result };
}

/** Findings as diagnostics on the buffer's tokens, worded by `catalog` (message, then the hint on its own line). */
export function diagnosticsOf(text: string, findings: readonly Finding[], catalog: Catalog): Diagnostic[] {
  const lines = linesOf(text);
  return findings.slice(0, MAX_DIAGNOSTICS).map((f) => {
    const worded = wordFinding(f, catalog);
    const message = worded.hint ? `${worded.message}\n→ ${worded.hint}` : worded.message;
    return {
      range: tokenRange(lines, f.line - 1, f.column - 1),
      severity: f.severity === "error" ? 1 : 2,
      code: f.code,
      source: "posting",
      message: escapeControl(message, "lsp"),
      ...(f.fixable ? { data: { fixable: true } } : {}),
    };
  });
}

/** The diagnostics of a buffer, and its lint result. */
export function diagnose(path: string, text: string, project: ProjectView): { diagnostics: Diagnostic[]; linted: LintedBuffer } {
  const linted = lintBuffer(path, text, project);
  return { diagnostics: diagnosticsOf(text, linted.findings, project.catalog), linted };
}

// Inline acceptance of a finding in one posting: a YAML comment line in the front matter,
//   # posting-disable-next-line CODE[, CODE…]   the next line that is not a comment
//   # posting-disable CODE[, CODE…]             the whole file
// A directive that suppresses nothing (or names no finding code) is UNUSED_DISABLE, so stale
// exceptions do not pile up. One function for lint and, later, the editor help.
import type { Finding, FindingCode } from "../findings.js";
import { FINDING_CODES } from "../findings.js";
import { finding } from "../messages.js";

export interface DisableDirective {
  /** File line of the comment. */
  line: number;
  column: number;
  /** The file line it covers; undefined for the whole file. */
  target: number | undefined;
  codes: string[];
}

/** Directives read from one front matter, at most this many (more are not read: a bound, not a limit anyone meets). */
export const MAX_DISABLE_DIRECTIVES = 100;
const MAX_CODES_PER_DIRECTIVE = 20;
const KNOWN = new Set<string>(FINDING_CODES);
const DIRECTIVE = /^([ \t]*)#[ \t]*posting-disable(-next-line)?(?:[ \t]+([^#\n]*?))?[ \t]*(?:--[^\n]*)?$/;
const COMMENT_OR_BLANK = /^[ \t]*(?:#.*)?$/;

/** The disable directives of a front matter (`yaml`: its text, LF line endings; `startLine`: the file line of its first line). */
export function disableDirectives(yaml: string, startLine: number): DisableDirective[] {
  if (!yaml.includes("posting-disable")) return [];
  const lines = yaml.split("\n");
  const found: DisableDirective[] = [];
  for (let i = 0; i < lines.length && found.length < MAX_DISABLE_DIRECTIVES; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) continue;
    const codes = (m[3] ?? "").split(/[\s,]+/).filter(Boolean).slice(0, MAX_CODES_PER_DIRECTIVE);
    let target: number | undefined;
    if (m[2]) {
      let j = i + 1;
      while (j < lines.length && COMMENT_OR_BLANK.test(lines[j]!)) j++;
      target = startLine + j; // past the last line: the closing `---`, where nothing is reported
    }
    found.push({ line: startLine + i, column: m[1]!.length + 1, target, codes });
  }
  return found;
}

/**
 * The findings the directives leave, and an UNUSED_DISABLE for each code of a directive that
 * suppressed nothing (or is not a code). Findings stay in their order; the caller sorts.
 */
export function applyDisables(file: string, findings: readonly Finding[], directives: readonly DisableDirective[]): Finding[] {
  if (directives.length === 0) return [...findings];
  const used = directives.map((d) => d.codes.map(() => false));
  const kept: Finding[] = [];
  for (const f of findings) {
    let suppressed = false;
    directives.forEach((d, i) => {
      if (d.target !== undefined && d.target !== f.line) return;
      const k = d.codes.indexOf(f.code);
      if (k === -1) return;
      used[i]![k] = true;
      suppressed = true;
    });
    if (!suppressed) kept.push(f);
  }
  directives.forEach((d, i) => {
    const at = { file, line: d.line, column: d.column };
    const wholeFile = d.target === undefined;
    if (d.codes.length === 0) kept.push(finding("UNUSED_DISABLE", at, { code: "", reason: "no-code", wholeFile }));
    d.codes.forEach((code, k) => {
      if (used[i]![k]) return;
      const reason = !KNOWN.has(code) ? "unknown" : NOT_DISABLED_INLINE.has(code as FindingCode) ? "cross-file" : "unused";
      kept.push(finding("UNUSED_DISABLE", at, { code, reason, wholeFile }));
    });
  });
  return kept;
}

/** Codes lint decides across files, after the directives are applied: the config's `rules` turn them off. */
export const NOT_DISABLED_INLINE: ReadonlySet<FindingCode> = new Set<FindingCode>(["FILE_NAME_PATTERN", "REFERENCE_MISSING", "DUPLICATE_POSTING", "FILE_EXTENSION", "FILE_TEMP_LEFTOVER"]);

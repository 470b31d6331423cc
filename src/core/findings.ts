// Findings are data: a stable code, a position and the facts (args) a message catalog words at
// the edge (src/core/messages/). Codes, severities and fixability: src/core/findings/codes.ts.
import type { DateReason, FindingCode, FindingDetails, Severity } from "./findings/codes.js";

export { FINDING_CODES, ruleOf } from "./findings/codes.js";
export type { FindingCode, FindingDetails, Severity, ShownValue } from "./findings/codes.js";
export type { DateReason, FileNameReason, FrontMatterShape, FsProblem, JekyllReading, LangText, NotRegularKind, NotWrittenReason, TypeHint, UnreadableReason, ValueChangeWhy, YamlSyntaxReason } from "./findings/codes.js";

/** What stops normalize on a file: a finding, bytes with no character in the encoding, or its own check. */
export type FixBlocker = { code: FindingCode } | { encoding: string } | { unsafe: true };

/**
 * What lint learned about a finding after making it (core/lint/normalizable.ts), for the catalog
 * to word into the hint. Any code's finding can get them, so they sit beside its args.
 */
export interface FixNotes {
  /** normalize rewrites the value: from → to (as they are shown). */
  fix?: { from: string; to: string };
  /** An old spelling normalize cannot rename: `key` is set too, with another value. */
  aliasSetToo?: { key: string };
  /** The date cannot be read with certainty, for this reason. */
  dateUnclear?: { reason: DateReason };
  /** normalize leaves the file as it is, so nothing is fixable: what stops it. */
  blockedBy?: FixBlocker;
}

interface Placed {
  /** Path as given by the user (or the --stdin-filename). */
  file: string;
  /** 1-based line in the file, counting the front matter's opening `---` as line 1. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count). */
  column: number;
  /** Key path inside the front matter, for example `domaines/1`; empty for whole-file findings. */
  path: string;
}

/** A finding as the core makes it: no text, only its code, place and args (worded by a catalog). */
export interface Finding<C extends FindingCode = FindingCode> extends Placed {
  /** Stable identifier, safe to match on in scripts and CI (see README "Finding codes"). */
  code: C;
  severity: Severity;
  args: FindingDetails[C];
  /** True when `posting normalize --write` repairs it. */
  fixable?: boolean;
  notes?: FixNotes;
}

/** A finding in words (messages/word.ts wordFinding): what reporters print and the library API returns. */
export interface WordedFinding extends Placed {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** What to do about it, in words. */
  hint?: string;
  /** True when `posting normalize --write` repairs it. */
  fixable?: boolean;
}

/** Findings after which a file has no front matter data to show or rewrite. */
export const NO_DATA_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "FILE_UNREADABLE",
  "FILE_NOT_REGULAR",
  "FILE_BINARY",
  "FILE_EMPTY",
  "FRONT_MATTER_MISSING",
  "FRONT_MATTER_NOT_AT_TOP",
  "FRONT_MATTER_UNTERMINATED",
  "FRONT_MATTER_CLOSING_TEXT",
  "FRONT_MATTER_EMPTY",
  "FRONT_MATTER_NOT_MAPPING",
  "FRONT_MATTER_LANGUAGE",
  "FRONT_MATTER_TOO_LARGE",
  "YAML_SYNTAX",
  "YAML_ALIAS_LIMIT",
  "YAML_TOO_DEEP",
]);

/** Findings after which normalize leaves the file as it is (so lint marks nothing fixable there). */
export const NORMALIZE_BLOCKING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([...NO_DATA_CODES, "ENCODING_UNDECODABLE", "YAML_DUPLICATE_KEY"]);

export interface Position {
  line: number;
  column: number;
}

/** The one count of findings: errors, warnings, and how many of them normalize can fix (the totals every reporter and exit code use). */
export function countBySeverity(findings: readonly Pick<Finding, "severity" | "fixable">[]): { errors: number; warnings: number; fixable: number } {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
    if (f.fixable) fixable++;
  }
  return { errors, warnings, fixable };
}

export function compareFindings(a: Pick<Finding, "line" | "column" | "code">, b: Pick<Finding, "line" | "column" | "code">): number {
  // Code units, not localeCompare: the order must not depend on LANG (ICU collations differ on `_`).
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

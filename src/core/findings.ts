// Findings are data: a stable code, a position and a message built in one place (messages.ts).

export type Severity = "error" | "warning";

export interface Finding {
  /** Stable identifier, safe to match on in scripts and CI (see README "Finding codes"). */
  code: FindingCode;
  severity: Severity;
  /** Path as given by the user (or the --stdin-filename). */
  file: string;
  /** 1-based line in the file, counting the front matter's opening `---` as line 1. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count). */
  column: number;
  /** Key path inside the front matter, for example `domaines/1`; empty for whole-file findings. */
  path: string;
  message: string;
  /** What to do about it, in words. */
  hint?: string;
  /** True when `posting normalize --write` repairs it. */
  fixable?: boolean;
}

export const FINDING_CODES = [
  "FILE_UNREADABLE",
  "FILE_NOT_REGULAR",
  "FILE_NOT_WRITTEN",
  "FILE_BINARY",
  "FILE_EMPTY",
  "ENCODING_INVALID_UTF8",
  "ENCODING_UTF16",
  "ENCODING_LEGACY",
  "ENCODING_BOM",
  "ENCODING_MOJIBAKE",
  "ENCODING_UNDECODABLE",
  "LINE_ENDINGS_CRLF",
  "FRONT_MATTER_MISSING",
  "FRONT_MATTER_NOT_AT_TOP",
  "FRONT_MATTER_UNTERMINATED",
  "FRONT_MATTER_EMPTY",
  "FRONT_MATTER_NOT_MAPPING",
  "FRONT_MATTER_LANGUAGE",
  "FRONT_MATTER_TOO_LARGE",
  "FRONT_MATTER_BLANK_LINE",
  "FRONT_MATTER_TRAILING_SPACE",
  "YAML_SYNTAX",
  "YAML_DUPLICATE_KEY",
  "YAML_ALIAS_LIMIT",
  "YAML_TOO_DEEP",
  "YAML11_BOOLEAN",
  "YAML11_READING",
  "YAML_TAG",
  "YAML_TAG_UNKNOWN",
  "UNKNOWN_KEY",
  "ALIAS_CONFLICT",
  "NORMALIZE_KEY_ALIAS",
  "NORMALIZE_KEY_ORDER",
  "NORMALIZE_VALUE",
  "NORMALIZE_UNSAFE",
  "DATE_AMBIGUOUS",
  "COMMA_LIST_UNBALANCED",
  "SCHEMA_REQUIRED",
  "SCHEMA_TYPE",
  "SCHEMA_ENUM",
  "SCHEMA_FORMAT",
  "SCHEMA_PATTERN",
  "SCHEMA_CONST",
  "SCHEMA_LENGTH",
  "SCHEMA_ITEMS",
  "SCHEMA_OTHER",
  "FILE_NAME_PATTERN",
  "REFERENCE_MISSING",
  "DUPLICATE_POSTING",
  // Issue 13 (safety): hostile-input findings.
  "FILE_TEMP_LEFTOVER",
  "TEXT_BIDI_CONTROL",
  "LINE_ENDINGS_CR",
  "FRONT_MATTER_CLOSING_TEXT",
  "YAML11_LINE_BREAK",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

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
export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; fixable: number } {
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

export function compareFindings(a: Finding, b: Finding): number {
  // Code units, not localeCompare: the order must not depend on LANG (ICU collations differ on `_`).
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

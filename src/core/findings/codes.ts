// Every finding code, listed once: its severity, whether `posting normalize --write` repairs it,
// and the type of the facts (args) it carries. FINDING_CODES, FindingCode and FindingDetails
// derive from this table; the wording lives in the message catalogs (src/core/messages/).

export type Severity = "error" | "warning";

type Path = string;

/** Why `posting set` / `close` left a file untouched (core/edit/edit-text.ts). */
export type EditRefusal = "encoding" | "not-mapping" | "flow-mapping" | "complex-key" | "alias" | "multi-line" | "unsafe";

/** A front matter value as a message shows it: its type and, for scalars, the value (worded by the catalog). */
export type ShownValue =
  | { type: "empty" }
  | { type: "text"; text: string }
  | { type: "boolean"; value: boolean }
  | { type: "number"; value: number }
  | { type: "list"; length: number }
  | { type: "mapping" };
// Issue 17 (languages): the reasons findings give, as data every catalog words (no English in args).
/** A file system error: its errno code, and the system's own text for a code no catalog words. */
export type FsProblem = { kind: "fs"; errno: string; detail?: string };
/** Why a file was not read. */
export type UnreadableReason = FsProblem | { kind: "no-match" } | { kind: "unlistable" } | { kind: "link-loop" } | { kind: "too-large"; megabytes: number; limit: number };
/** What a path that is not a regular file is. */
export type NotRegularKind = "folder" | "pipe" | "socket" | "device" | "link-in-folder" | "link" | "md-folder";
/** Why a file was not rewritten: the file system, or the writer's own refusal (`detail`: its words). */
export type NotWrittenReason = FsProblem | { kind: "refused"; detail: string };
/** What a front matter that is not a mapping holds (`typeof` of a single value). */
export type FrontMatterShape = "list" | "nothing" | "string" | "number" | "boolean" | "other";
/** A YAML syntax error: ours, or the `yaml` package's error code with its (English) text as a fallback. */
export type YamlSyntaxReason = { kind: "unclosed-quote"; quote: string } | { kind: "alias-no-anchor"; name: string } | { kind: "yaml"; code: string; text: string };
/** What Jekyll (Psych, YAML 1.1) reads a plain scalar as. */
export type JekyllReading = { kind: "null" } | { kind: "boolean"; value: boolean } | { kind: "number"; value: string } | { kind: "merge" } | { kind: "text"; text: string };
/** Why normalize rewrites a value. */
export type ValueChangeWhy = "trailing-space" | "nfc" | "iso-date" | "schema-spelling" | "quoted" | "yaml11-boolean" | "text-boolean" | "comma-list";
/** Why a date-like text is not a date posting can read: two readings, no real day, or a day-first spelling. */
export type DateReason = { kind: "ambiguous"; text: string; dayFirst: string; monthFirst: string } | { kind: "unreal"; text: string } | { kind: "write-iso" };
/** A hint for a value of the wrong type. */
export type TypeHint = { kind: "unquote-boolean"; value: string } | { kind: "quote-yes-no" } | { kind: "quote-number" } | { kind: "list-unbalanced" } | { kind: "list-comma" } | { kind: "give-value"; key: string };
/** A schema text in each language it is written in (x-description, x-pattern-description, else the plain English one). */
export type LangText = { en?: string; fr?: string };
/** Why a file name does not follow the pattern. */
export type FileNameReason = { kind: "spaces" } | { kind: "non-ascii"; chars: string } | { kind: "shape" } | { kind: "unreal-date"; date: string };

/** A code whose finding carries no facts. */
type NoArgs = Record<never, never>;

/** The rule of one code; `A` is the type of its args (a phantom: only the type uses it). */
export interface CodeRule<A> {
  severity: Severity;
  /** True when normalize repairs it; a function when that depends on the finding's args. */
  fixable: boolean | ((args: A) => boolean);
  /** Never set: carries the args type `A` for FindingDetails. */
  readonly args?: A;
}

function rule<A = NoArgs>(severity: Severity, fixable: boolean | ((args: A) => boolean) = false): CodeRule<A> {
  return { severity, fixable };
}

// The order is the one SARIF lists its rules in (ruleIndex): append new codes, do not reorder.
export const CODES = {
  FILE_UNREADABLE: rule<{ reason: UnreadableReason }>("error"),
  FILE_NOT_REGULAR: rule<{ kind: NotRegularKind }>("error"),
  FILE_NOT_WRITTEN: rule<{ reason: NotWrittenReason }>("error"),
  FILE_BINARY: rule("error"),
  FILE_EMPTY: rule("error"),
  ENCODING_INVALID_UTF8: rule<{ byte: number; guess: string; truncated?: boolean }>("error", (a) => !a.truncated),
  ENCODING_UTF16: rule<{ encoding: string }>("error", true),
  ENCODING_LEGACY: rule<{ encoding: string }>("error", true),
  ENCODING_BOM: rule("warning", true),
  ENCODING_MOJIBAKE: rule<{ found: string; repaired: string; via: string; more?: number }>("error", true),
  ENCODING_UNDECODABLE: rule<{ count: number; encoding: string }>("error"),
  LINE_ENDINGS_CRLF: rule<{ count: number }>("warning", true),
  FRONT_MATTER_MISSING: rule("error"),
  FRONT_MATTER_NOT_AT_TOP: rule<{ startLine: number }>("error"),
  FRONT_MATTER_UNTERMINATED: rule("error"),
  FRONT_MATTER_EMPTY: rule("error"),
  FRONT_MATTER_NOT_MAPPING: rule<{ found: FrontMatterShape }>("error"),
  FRONT_MATTER_LANGUAGE: rule<{ language: string }>("error"),
  /** `withoutComments`: the size and limit are of the lines that are not comments. */
  FRONT_MATTER_TOO_LARGE: rule<{ kilobytes: number; limit: number; withoutComments: boolean }>("error"),
  FRONT_MATTER_BLANK_LINE: rule("warning", true),
  FRONT_MATTER_TRAILING_SPACE: rule("warning", true),
  YAML_SYNTAX: rule<{ reason: YamlSyntaxReason }>("error"),
  YAML_DUPLICATE_KEY: rule<{ key: Path; firstLine: number; line: number }>("error"),
  YAML_ALIAS_LIMIT: rule<{ limit: number; nodes: number }>("error"),
  YAML_TOO_DEEP: rule("error"),
  YAML11_BOOLEAN: rule<{ key: Path; text: string; value: boolean }>("warning", true),
  YAML11_READING: rule<{ key: Path; text: string; jekyll: JekyllReading; isKey: boolean; literal?: string }>("warning"),
  YAML_TAG: rule<{ key: Path; tag: string }>("warning"),
  YAML_TAG_UNKNOWN: rule<{ key: Path; tag: string }>("error"),
  UNKNOWN_KEY: rule<{ key: Path; suggestion?: string; isAlias: boolean }>("error", (a) => a.isAlias && Boolean(a.suggestion)),
  ALIAS_CONFLICT: rule<{ alias: string; key: string; aliasLine: number }>("error"),
  NORMALIZE_KEY_ALIAS: rule<{ alias: string; key: string }>("warning", true),
  NORMALIZE_KEY_ORDER: rule<{ key: string; expectedAfter?: string }>("warning", true),
  NORMALIZE_VALUE: rule<{ key: Path; from: string; to: string; why: ValueChangeWhy }>("warning", true),
  NORMALIZE_UNSAFE: rule("error"),
  DATE_AMBIGUOUS: rule<{ key: Path; reason: DateReason }>("error"),
  COMMA_LIST_UNBALANCED: rule<{ key: Path }>("warning"),
  SCHEMA_REQUIRED: rule<{ key: string; description?: LangText }>("error"),
  SCHEMA_TYPE: rule<{ key: Path; expected: string[]; found: ShownValue; hint?: TypeHint }>("error"),
  SCHEMA_ENUM: rule<{ key: Path; allowed: readonly unknown[]; found: ShownValue; suggestion?: string }>("error", (a) => a.suggestion !== undefined),
  SCHEMA_FORMAT: rule<{ key: Path; format: string; found: ShownValue; reason?: DateReason }>("error"),
  SCHEMA_PATTERN: rule<{ key: Path; pattern: string; description?: LangText; found: ShownValue }>("error"),
  SCHEMA_CONST: rule<{ key: Path; expected: string; found: ShownValue }>("error"),
  SCHEMA_LENGTH: rule<{ key: Path; limit: number; kind: "min" | "max"; unit: "characters" | "items" }>("error"),
  SCHEMA_ITEMS: rule<{ key: Path; first: number; repeat: number }>("error"),
  SCHEMA_OTHER: rule<{ key: Path; keyword: string; detail?: string }>("error"),
  FILE_NAME_PATTERN: rule<{ name: string; pattern: string; reason: FileNameReason; suggestion?: string }>("error"),
  REFERENCE_MISSING: rule<{ key: Path; value: string; expected: string; unsafeName?: boolean }>("error"),
  /** The identity keys (`x-identity`) and their values; `bare` values (ids, dates) are shown unquoted. */
  DUPLICATE_POSTING: rule<{ other: string; keys: string[]; values: string[]; bare: boolean[] }>("warning"),
  // Issue 13 (safety): hostile-input findings.
  FILE_TEMP_LEFTOVER: rule("warning"),
  TEXT_BIDI_CONTROL: rule<{ key: Path; char: string }>("warning"),
  LINE_ENDINGS_CR: rule<{ count: number }>("error", true),
  FRONT_MATTER_CLOSING_TEXT: rule<{ text: string }>("error"),
  YAML11_LINE_BREAK: rule<{ char: string }>("error"),
  // Issue 15 (posting set / close): a file the line editor leaves untouched, and why.
  EDIT_REFUSED: rule<{ reason: EditRefusal; key?: string }>("error"),
  // Issue 16 (adoption): postings Jekyll would not publish as Markdown; stale inline disables.
  /** `extension`: the file's own ("" for none); `expected`: the first read extension; `markdown`: Jekyll reads this extension as Markdown. */
  FILE_EXTENSION: rule<{ extension: string; expected: string; markdown: boolean }>("error"),
  /** A `# posting-disable…` comment that suppresses nothing: `reason` says why. */
  UNUSED_DISABLE: rule<{ code: string; reason: "unused" | "unknown" | "cross-file" | "no-code"; wholeFile: boolean }>("warning"),
  // Issue 17 (posting new): a template's instruction left in the body (core/lint/placeholders.ts).
  TEMPLATE_PLACEHOLDER: rule<{ kind: "instruction" | "comment"; text: string }>("warning"),
};

export type FindingCode = keyof typeof CODES;

/** The facts each code's finding carries, by code (what a catalog words). */
export type FindingDetails = { [C in FindingCode]: (typeof CODES)[C] extends CodeRule<infer A> ? A : never };

// The same table, typed by code (checked, not cast), so RULES[code] knows its args' type.
const RULES: { [C in FindingCode]: CodeRule<FindingDetails[C]> } = CODES;

/** Every code, in the table's order. */
export const FINDING_CODES = Object.keys(CODES) as readonly FindingCode[];

/** The severity and fixability of a finding of `code` with these args. */
export function ruleOf<C extends FindingCode>(code: C, args: FindingDetails[C]): { readonly severity: Severity; readonly fixable: boolean } {
  const rule: CodeRule<FindingDetails[C]> = RULES[code];
  const fixable = rule.fixable;
  // Most codes' fixability is fixed: their rule is the answer, with no object made per finding.
  if (typeof fixable !== "function") return rule as { readonly severity: Severity; readonly fixable: boolean };
  return { severity: rule.severity, fixable: fixable(args) };
}

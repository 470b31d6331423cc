// Every finding's wording lives here, so codes, severities and messages stay consistent across
// commands and the README's table of codes can be checked against one switch.
import type { Finding, FindingCode, Severity } from "./findings.js";
import { capText, escapeKey } from "./sanitize.js";

type Path = string;

export interface FindingDetails {
  FILE_UNREADABLE: { reason: string };
  FILE_NOT_REGULAR: { kind: string };
  FILE_NOT_WRITTEN: { reason: string };
  FILE_BINARY: Record<string, never>;
  FILE_EMPTY: Record<string, never>;
  ENCODING_INVALID_UTF8: { byte: number; guess: string; truncated?: boolean };
  ENCODING_UTF16: { encoding: string };
  ENCODING_LEGACY: { encoding: string };
  ENCODING_BOM: Record<string, never>;
  ENCODING_MOJIBAKE: { found: string; repaired: string; via: string; more?: number };
  ENCODING_UNDECODABLE: { count: number; encoding: string };
  LINE_ENDINGS_CRLF: { count: number };
  FRONT_MATTER_MISSING: Record<string, never>;
  FRONT_MATTER_NOT_AT_TOP: { startLine: number };
  FRONT_MATTER_UNTERMINATED: Record<string, never>;
  FRONT_MATTER_EMPTY: Record<string, never>;
  FRONT_MATTER_NOT_MAPPING: { found: string };
  FRONT_MATTER_LANGUAGE: { language: string };
  /** `withoutComments`: the size and limit are of the lines that are not comments. */
  FRONT_MATTER_TOO_LARGE: { kilobytes: number; limit: number; withoutComments: boolean };
  FRONT_MATTER_BLANK_LINE: Record<string, never>;
  FRONT_MATTER_TRAILING_SPACE: Record<string, never>;
  YAML_SYNTAX: { reason: string };
  YAML_DUPLICATE_KEY: { key: Path; firstLine: number; line: number };
  YAML_ALIAS_LIMIT: { limit: number; nodes: number };
  YAML_TOO_DEEP: Record<string, never>;
  YAML11_BOOLEAN: { key: Path; text: string; value: boolean };
  YAML11_READING: { key: Path; text: string; jekyll: string; isKey: boolean; literal?: string };
  YAML_TAG: { key: Path; tag: string };
  YAML_TAG_UNKNOWN: { key: Path; tag: string };
  UNKNOWN_KEY: { key: Path; suggestion?: string; isAlias: boolean };
  ALIAS_CONFLICT: { alias: string; key: string; aliasLine: number };
  NORMALIZE_KEY_ALIAS: { alias: string; key: string };
  NORMALIZE_KEY_ORDER: { key: string; expectedAfter?: string };
  NORMALIZE_VALUE: { key: Path; from: string; to: string; why: string };
  NORMALIZE_UNSAFE: Record<string, never>;
  DATE_AMBIGUOUS: { key: Path; reason: string };
  COMMA_LIST_UNBALANCED: { key: Path };
  SCHEMA_REQUIRED: { key: string; description?: string };
  SCHEMA_TYPE: { key: Path; expected: string; found: string; hint?: string };
  SCHEMA_ENUM: { key: Path; allowed: readonly unknown[]; found: string; suggestion?: string };
  SCHEMA_FORMAT: { key: Path; format: string; found: string; reason?: string };
  SCHEMA_PATTERN: { key: Path; expected: string; found: string };
  SCHEMA_CONST: { key: Path; expected: string; found: string };
  SCHEMA_LENGTH: { key: Path; limit: number; kind: "min" | "max"; unit: "characters" | "items" };
  SCHEMA_ITEMS: { key: Path; reason: string };
  SCHEMA_OTHER: { key: Path; reason: string };
  FILE_NAME_PATTERN: { name: string; pattern: string; reason: string; suggestion?: string };
  REFERENCE_MISSING: { key: Path; value: string; expected: string; reason?: string };
  /** The identity keys (`x-identity`) and their values; `bare` values (ids, dates) are shown unquoted. */
  DUPLICATE_POSTING: { other: string; keys: string[]; values: string[]; bare: boolean[] };
  FILE_TEMP_LEFTOVER: Record<string, never>;
  TEXT_BIDI_CONTROL: { key: Path; char: string };
  LINE_ENDINGS_CR: { count: number };
  FRONT_MATTER_CLOSING_TEXT: { text: string };
  YAML11_LINE_BREAK: { char: string };
}

export interface Location {
  file: string;
  line: number;
  column: number;
  path?: string;
}

interface Worded {
  severity: Severity;
  message: string;
  hint?: string;
  fixable?: boolean;
}

const FIX_WITH_NORMALIZE = "run `posting normalize --write` to fix it";

/**
 * The hint of a finding normalize would fix, in a file it leaves as it is: `blocker` is the
 * finding that stops it, or the encoding in which some bytes have no character.
 */
export function hintWhileBlocked(hint: string | undefined, blocker: { code: FindingCode } | { encoding: string } | { unsafe: true }): string | undefined {
  const why =
    "code" in blocker
      ? `\`posting normalize --write\` fixes it once ${blocker.code} is fixed`
      : "encoding" in blocker
        ? `\`posting normalize --write\` cannot fix it (some bytes have no character in ${blocker.encoding})`
        : "fix it by hand: `posting normalize --write` leaves this file as it is (its rewrite would not read back to the same data)";
  return hint?.includes(FIX_WITH_NORMALIZE) ? hint.replace(FIX_WITH_NORMALIZE, why) : hint;
}

/** Build a finding; the only place a message is worded. */
export function finding<C extends FindingCode>(code: C, at: Location, details: FindingDetails[C]): Finding {
  const worded = word(code, quotable(details) as FindingDetails[FindingCode]);
  const result: Finding = {
    code,
    severity: worded.severity,
    file: at.file,
    line: at.line,
    column: at.column,
    path: capText(at.path ?? ""),
    message: worded.message,
  };
  if (worded.hint) result.hint = worded.hint;
  if (worded.fixable) result.fixable = true;
  return result;
}

const KEY_DETAILS = new Set(["key", "alias"]);

// Text from the file quoted in a message is capped (MAX_QUOTED characters, with an ellipsis) so a
// short crafted input cannot make a huge message line, and a no-break space in a key is shown.
function quotable(details: object): object {
  let out: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(details)) {
    if (typeof value !== "string") continue;
    const shown = capText(KEY_DETAILS.has(name) ? escapeKey(value) : value);
    if (shown !== value) (out ??= { ...details })[name] = shown;
  }
  return out ?? details;
}

function word(code: FindingCode, d: FindingDetails[FindingCode]): Worded {
  // Each case narrows `d` by hand: TypeScript cannot correlate the two generics.
  switch (code) {
    case "FILE_UNREADABLE": {
      const { reason } = d as FindingDetails["FILE_UNREADABLE"];
      return { severity: "error", message: `cannot read the file: ${reason}` };
    }
    case "FILE_NOT_REGULAR": {
      const { kind } = d as FindingDetails["FILE_NOT_REGULAR"];
      return { severity: "error", message: `not a regular file (${kind}); it was not read`, hint: "pass Markdown files or folders that contain them" };
    }
    case "FILE_NOT_WRITTEN": {
      const { reason } = d as FindingDetails["FILE_NOT_WRITTEN"];
      return { severity: "error", message: `not rewritten: ${reason}` };
    }
    case "FILE_BINARY":
      return { severity: "error", message: "this is a binary file (it contains NUL bytes), not a Markdown posting", hint: "remove it from the postings folder or rename it so it does not end in .md" };
    case "FILE_EMPTY":
      return { severity: "error", message: "the file is empty", hint: "a posting starts with a `---` line, its front matter (roles, open, ...), a closing `---`, then the text" };
    case "ENCODING_INVALID_UTF8": {
      const { byte, guess, truncated } = d as FindingDetails["ENCODING_INVALID_UTF8"];
      if (truncated) {
        return {
          severity: "error",
          message: `the file is not valid UTF-8: the character starting with byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here is cut short (broken UTF-8, not a legacy encoding)`,
          hint: "retype the character in your editor; normalize leaves the file as is unless `--from-encoding` names its encoding",
        };
      }
      return {
        severity: "error",
        message: `the file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here); it looks like ${guess}`,
        hint: `Jekyll reads UTF-8 only; ${FIX_WITH_NORMALIZE}, or save it as UTF-8 in your editor`,
        fixable: true,
      };
    }
    case "ENCODING_UTF16": {
      const { encoding } = d as FindingDetails["ENCODING_UTF16"];
      return { severity: "error", message: `the file is saved as ${encoding.toUpperCase()}; Jekyll reads UTF-8 only`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "ENCODING_LEGACY": {
      const { encoding } = d as FindingDetails["ENCODING_LEGACY"];
      return { severity: "error", message: `the file is saved as ${encoding}; Jekyll reads UTF-8 only`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "ENCODING_BOM":
      return { severity: "warning", message: "the file starts with a byte order mark (BOM)", hint: `some tools then miss the front matter; ${FIX_WITH_NORMALIZE}`, fixable: true };
    case "ENCODING_MOJIBAKE": {
      const { found, repaired, via, more } = d as FindingDetails["ENCODING_MOJIBAKE"];
      if (more) return { severity: "error", message: `${more} more garbled text runs from here on, like "${found}" for "${repaired}" (UTF-8 read as ${via})`, hint: FIX_WITH_NORMALIZE, fixable: true };
      return { severity: "error", message: `garbled text "${found}" should read "${repaired}" (UTF-8 read as ${via})`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "ENCODING_UNDECODABLE": {
      const { count, encoding } = d as FindingDetails["ENCODING_UNDECODABLE"];
      return {
        severity: "error",
        message: `${count} byte${count === 1 ? "" : "s"} cannot be decoded as ${encoding}; the file was left untouched`,
        hint: "tell posting the file's real encoding with --from-encoding (for example latin1 or windows-1250)",
      };
    }
    case "LINE_ENDINGS_CRLF": {
      const { count } = d as FindingDetails["LINE_ENDINGS_CRLF"];
      return { severity: "warning", message: `Windows line endings (CRLF) on ${count} line${count === 1 ? "" : "s"}`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "FILE_TEMP_LEFTOVER":
      return { severity: "warning", message: "a temp file left by an interrupted `posting normalize --write` or `posting new`", hint: "delete it once no posting command runs in this folder (the next `posting normalize --write` removes those whose process has ended)" };
    case "TEXT_BIDI_CONTROL": {
      const { key, char } = d as FindingDetails["TEXT_BIDI_CONTROL"];
      return {
        severity: "warning",
        message: `\`${key}\` holds an invisible bidirectional control (${char}): the text may display in another order than it reads`,
        hint: "remove it unless the text truly needs it (Trojan Source)",
      };
    }
    case "LINE_ENDINGS_CR": {
      const { count } = d as FindingDetails["LINE_ENDINGS_CR"];
      return { severity: "error", message: `old Mac line endings (CR only) on ${count} line${count === 1 ? "" : "s"}: Jekyll sees one single line and no front matter`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "FRONT_MATTER_CLOSING_TEXT": {
      const { text } = d as FindingDetails["FRONT_MATTER_CLOSING_TEXT"];
      return { severity: "error", message: `this line would close the front matter but has text after its \`---\` (${JSON.stringify(truncate(text))}), so the front matter is never closed`, hint: "put the `---` alone on its line and the text on the next one" };
    }
    case "YAML11_LINE_BREAK": {
      const { char } = d as FindingDetails["YAML11_LINE_BREAK"];
      return {
        severity: "error",
        message: `an invisible ${char} in the front matter: Jekyll's YAML 1.1 reader takes it for a line break, so it reads this front matter otherwise (or refuses it)`,
        hint: `delete it, or inside a double-quoted value write it as the escape \\u${char.slice(2)}`,
      };
    }
    case "FRONT_MATTER_MISSING":
      return { severity: "error", message: "no front matter: the file must start with a `---` line", hint: "add `---`, the keys (roles, open, ...) and a closing `---` at the top of the file" };
    case "FRONT_MATTER_NOT_AT_TOP": {
      const { startLine } = d as FindingDetails["FRONT_MATTER_NOT_AT_TOP"];
      return { severity: "error", message: `the front matter starts on line ${startLine}, not on line 1, so Jekyll ignores it`, hint: "move the `---` block to the very top of the file" };
    }
    case "FRONT_MATTER_UNTERMINATED":
      return { severity: "error", message: "the front matter is never closed: no `---` line after the opening one", hint: "add a `---` line after the last front matter key" };
    case "FRONT_MATTER_EMPTY":
      return { severity: "error", message: "the front matter is empty", hint: "add at least `roles:` and `open:` between the `---` lines" };
    case "FRONT_MATTER_NOT_MAPPING": {
      const { found } = d as FindingDetails["FRONT_MATTER_NOT_MAPPING"];
      return { severity: "error", message: `the front matter must be a list of \`key: value\` lines, found ${found}` };
    }
    case "FRONT_MATTER_LANGUAGE": {
      const { language } = d as FindingDetails["FRONT_MATTER_LANGUAGE"];
      return { severity: "error", message: `front matter in "${language}" is not supported (and is never run); only YAML is`, hint: "start the file with a plain `---` line and write the front matter in YAML" };
    }
    case "FRONT_MATTER_TOO_LARGE": {
      const { kilobytes, limit, withoutComments } = d as FindingDetails["FRONT_MATTER_TOO_LARGE"];
      const size = withoutComments ? `holds ${kilobytes} KB besides its comments` : `is ${kilobytes} KB long`;
      return {
        severity: "error",
        message: `the front matter ${size}, more than the ${limit} KB posting reads; it was not read`,
        hint: "a posting's front matter is a few short `key: value` lines; move long text to the body",
      };
    }
    case "FRONT_MATTER_BLANK_LINE":
      return { severity: "warning", message: "blank line inside the front matter", hint: FIX_WITH_NORMALIZE, fixable: true };
    case "FRONT_MATTER_TRAILING_SPACE":
      return { severity: "warning", message: "trailing white space in the front matter", hint: FIX_WITH_NORMALIZE, fixable: true };
    case "YAML_SYNTAX": {
      const { reason } = d as FindingDetails["YAML_SYNTAX"];
      return { severity: "error", message: `YAML syntax error: ${reason}`, hint: "values that contain `: ` or start with a quote, `@`, `*` or `&` need quotes around them" };
    }
    case "YAML_DUPLICATE_KEY": {
      const { key, firstLine, line } = d as FindingDetails["YAML_DUPLICATE_KEY"];
      return { severity: "error", message: `\`${key}\` is set twice, on lines ${firstLine} and ${line}; Jekyll keeps only the last one`, hint: "keep one of the two lines" };
    }
    case "YAML_ALIAS_LIMIT": {
      const { limit, nodes } = d as FindingDetails["YAML_ALIAS_LIMIT"];
      return { severity: "error", message: `the front matter's YAML aliases (*name) expand past the limit (${limit} aliases, ${nodes.toLocaleString("en-US")} values in all); it was not read`, hint: "write the values out instead of using anchors and aliases" };
    }
    case "YAML_TOO_DEEP":
      return { severity: "error", message: "the front matter is nested too deeply to read", hint: "postings use flat `key: value` lines and short lists" };
    case "YAML11_BOOLEAN": {
      const { key, text, value } = d as FindingDetails["YAML11_BOOLEAN"];
      return { severity: "warning", message: `\`${key}\` is written \`${text}\`: Jekyll reads it as ${value}, other YAML tools as the text "${text}"`, hint: `write \`${value}\`; ${FIX_WITH_NORMALIZE}`, fixable: true };
    }
    case "YAML11_READING": {
      const { key, text, jekyll, isKey, literal } = d as FindingDetails["YAML11_READING"];
      const quoted = JSON.stringify(text);
      if (isKey) {
        const hint = text === "<<" ? "write out the keys it would merge: other YAML tools keep a key named <<" : `write the key in quotes: ${quoted}:`;
        return { severity: "warning", message: `the key \`${text}\` is read by Jekyll (YAML 1.1) as ${jekyll}, not as the text ${quoted}`, hint };
      }
      return { severity: "warning", message: `\`${key}\` is written \`${text}\`: Jekyll (YAML 1.1) reads it as ${jekyll}, other YAML tools (YAML 1.2) differently`, hint: `write ${quoted} in quotes if you mean the text${literal ? `, or \`${literal}\` if you mean ${jekyll}` : ""}` };
    }
    case "YAML_TAG": {
      const { key, tag } = d as FindingDetails["YAML_TAG"];
      return { severity: "warning", message: `\`${key}\` has the tag ${tag}: posting reads the text written, Jekyll (Psych) reads it otherwise or refuses it`, hint: "remove the tag and write the value plainly" };
    }
    case "YAML_TAG_UNKNOWN": {
      const { key, tag } = d as FindingDetails["YAML_TAG_UNKNOWN"];
      return { severity: "error", message: `\`${key}\` has the tag ${tag}, which Jekyll's safe YAML loading refuses or ignores; posting reads the text written`, hint: "remove the tag; front matter holds plain values" };
    }
    case "UNKNOWN_KEY": {
      const { key, suggestion, isAlias } = d as FindingDetails["UNKNOWN_KEY"];
      const message = `\`${key}\` is not a known key${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`;
      if (isAlias && suggestion) return { severity: "error", message, hint: `\`${key}\` is an old spelling of \`${suggestion}\`; ${FIX_WITH_NORMALIZE}`, fixable: true };
      return { severity: "error", message, hint: suggestion ? `rename it to \`${suggestion}\`` : "remove it, or add it to the schema if the site uses it" };
    }
    case "ALIAS_CONFLICT": {
      const { alias, key, aliasLine } = d as FindingDetails["ALIAS_CONFLICT"];
      return { severity: "error", message: `both \`${key}\` and its old spelling \`${alias}\` (line ${aliasLine}) are set, with different values`, hint: `keep one value under \`${key}\` and remove \`${alias}\`` };
    }
    case "NORMALIZE_KEY_ALIAS": {
      const { alias, key } = d as FindingDetails["NORMALIZE_KEY_ALIAS"];
      return { severity: "warning", message: `\`${alias}\` renamed to \`${key}\``, fixable: true };
    }
    case "NORMALIZE_KEY_ORDER": {
      const { key } = d as FindingDetails["NORMALIZE_KEY_ORDER"];
      return { severity: "warning", message: `keys are not in the schema's order (\`${key}\` is out of place)`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "NORMALIZE_VALUE": {
      const { key, from, to, why } = d as FindingDetails["NORMALIZE_VALUE"];
      return { severity: "warning", message: `\`${key}\` should be written ${to}, not ${from} (${why})`, hint: FIX_WITH_NORMALIZE, fixable: true };
    }
    case "NORMALIZE_UNSAFE":
      return { severity: "error", message: "normalize could not rewrite this file without changing its data; it was left untouched", hint: "please report this file's front matter as a bug" };
    case "DATE_AMBIGUOUS": {
      const { key, reason } = d as FindingDetails["DATE_AMBIGUOUS"];
      return { severity: "error", message: `\`${key}\`: ${reason}`, hint: "write the date as YYYY-MM-DD" };
    }
    case "COMMA_LIST_UNBALANCED": {
      const { key } = d as FindingDetails["COMMA_LIST_UNBALANCED"];
      return {
        severity: "warning",
        message: `\`${key}\` looks like a comma-separated list, but its brackets do not pair up, so where its items end is unclear; normalize leaves it as it is`,
        hint: "write it as a list (`- item` lines), or pair the brackets",
      };
    }
    case "SCHEMA_REQUIRED": {
      const { key, description } = d as FindingDetails["SCHEMA_REQUIRED"];
      return { severity: "error", message: `\`${key}\` is required but missing`, hint: description ? `add \`${key}:\` to the front matter: ${description}` : `add \`${key}:\` to the front matter` };
    }
    case "SCHEMA_TYPE": {
      const { key, expected, found, hint } = d as FindingDetails["SCHEMA_TYPE"];
      return withHint({ severity: "error", message: `\`${key}\` must be ${expected}, found ${found}` }, hint);
    }
    case "SCHEMA_ENUM": {
      const { key, allowed, found, suggestion } = d as FindingDetails["SCHEMA_ENUM"];
      const list = allowed.map((v) => String(v)).join(", ");
      return withHint(
        { severity: "error", message: `\`${key}\` must be one of ${list}; found ${found}` },
        suggestion ? `did you mean "${suggestion}"? ${FIX_WITH_NORMALIZE}` : undefined,
        suggestion !== undefined,
      );
    }
    case "SCHEMA_FORMAT": {
      const { key, format, found, reason } = d as FindingDetails["SCHEMA_FORMAT"];
      return { severity: "error", message: `\`${key}\` must be ${formatInWords(format)}, found ${found}${reason ? ` (${reason})` : ""}` };
    }
    case "SCHEMA_PATTERN": {
      const { key, expected, found } = d as FindingDetails["SCHEMA_PATTERN"];
      return { severity: "error", message: `\`${key}\` must be ${expected}, found ${found}` };
    }
    case "SCHEMA_CONST": {
      const { key, expected, found } = d as FindingDetails["SCHEMA_CONST"];
      return { severity: "error", message: `\`${key}\` must be ${expected}, found ${found}` };
    }
    case "SCHEMA_LENGTH": {
      const { key, limit, kind, unit } = d as FindingDetails["SCHEMA_LENGTH"];
      if (kind === "min" && limit === 1) return { severity: "error", message: `\`${key}\` must not be empty` };
      return { severity: "error", message: `\`${key}\` must have ${kind === "min" ? "at least" : "at most"} ${limit} ${unit}` };
    }
    case "SCHEMA_ITEMS": {
      const { key, reason } = d as FindingDetails["SCHEMA_ITEMS"];
      return { severity: "error", message: `\`${key}\` ${reason}` };
    }
    case "SCHEMA_OTHER": {
      const { key, reason } = d as FindingDetails["SCHEMA_OTHER"];
      return { severity: "error", message: key ? `\`${key}\` ${reason}` : reason };
    }
    case "FILE_NAME_PATTERN": {
      const { name, pattern, reason, suggestion } = d as FindingDetails["FILE_NAME_PATTERN"];
      return { severity: "error", message: `the file name "${name}" does not follow ${pattern}: ${reason}`, hint: `rename the file, for example ${suggestion ?? exampleFileName(pattern)}` };
    }
    case "REFERENCE_MISSING": {
      const { key, value, expected, reason } = d as FindingDetails["REFERENCE_MISSING"];
      return {
        severity: "error",
        message: `\`${key}\` is "${truncate(value)}" but ${reason ?? `there is no ${expected}`}`,
        hint: reason ? `\`${key}\` names a file: ${expected}` : `check the spelling of \`${key}\`, or add ${expected}`,
      };
    }
    case "DUPLICATE_POSTING": {
      const { other, keys, values, bare } = d as FindingDetails["DUPLICATE_POSTING"];
      const shown = values.map((v, i) => (bare[i] ? truncate(v, 200) : `"${truncate(v)}"`));
      const free = keys.filter((_, i) => !bare[i]);
      return {
        severity: "warning",
        message: `same ${wordList(keys)} as ${other} (${shown.join(", ")})`,
        hint: `remove one of the two files, or change ${free.length > 0 ? `the ${free.join(" or the ")}` : "one of them"} if they are different postings`,
      };
    }
  }
}

/** One line per code, for rule lists (SARIF's tool.driver.rules) and the README's table of codes. */
export const CODE_SUMMARIES: Record<FindingCode, string> = {
  FILE_UNREADABLE: "The file cannot be read.",
  FILE_NOT_REGULAR: "The path is not a regular file (folder, link, pipe or device).",
  FILE_NOT_WRITTEN: "normalize --write could not replace the file (it changed meanwhile, or the folder is not writable); it was left as is.",
  FILE_BINARY: "The file is binary (contains NUL bytes), not a Markdown posting.",
  FILE_EMPTY: "The file is empty.",
  ENCODING_INVALID_UTF8: "The file is not valid UTF-8.",
  ENCODING_UTF16: "The file is saved as UTF-16; Jekyll reads UTF-8 only.",
  ENCODING_LEGACY: "The file is saved in a legacy encoding; Jekyll reads UTF-8 only.",
  ENCODING_BOM: "The file starts with a byte order mark.",
  ENCODING_MOJIBAKE: "Garbled text: UTF-8 that was read in another encoding.",
  ENCODING_UNDECODABLE: "Bytes that cannot be decoded in the assumed encoding.",
  LINE_ENDINGS_CRLF: "Windows line endings (CRLF).",
  FRONT_MATTER_MISSING: "No front matter: the file must start with a `---` line.",
  FRONT_MATTER_NOT_AT_TOP: "The front matter does not start on line 1.",
  FRONT_MATTER_UNTERMINATED: "The front matter is never closed.",
  FRONT_MATTER_EMPTY: "The front matter is empty.",
  FRONT_MATTER_NOT_MAPPING: "The front matter is not a mapping of `key: value` lines.",
  FRONT_MATTER_LANGUAGE: "The front matter is not YAML.",
  FRONT_MATTER_TOO_LARGE: "The front matter is too large to read (a posting needs a few hundred bytes).",
  FRONT_MATTER_BLANK_LINE: "Blank line inside the front matter.",
  FRONT_MATTER_TRAILING_SPACE: "Trailing white space in the front matter.",
  YAML_SYNTAX: "YAML syntax error.",
  YAML_DUPLICATE_KEY: "A key is set twice.",
  YAML_ALIAS_LIMIT: "YAML aliases that expand to too much data.",
  YAML_TOO_DEEP: "The front matter is nested too deeply.",
  YAML11_BOOLEAN: "A YAML 1.1 boolean (yes, no, on, off) that tools read differently.",
  YAML11_READING: "A plain value or key Jekyll (YAML 1.1) reads otherwise than YAML 1.2 (0123, 45,000, 9:00, tRUE, on:).",
  YAML_TAG: "A standard YAML tag (!!timestamp, !!set, !!binary, !!omap…) Jekyll reads otherwise; read as the text written.",
  YAML_TAG_UNKNOWN: "An unknown or language-specific tag (!!python/…, !ruby/…, !include); read as the text written.",
  UNKNOWN_KEY: "A key the schema does not know.",
  ALIAS_CONFLICT: "A key and its old spelling are both set, with different values.",
  NORMALIZE_KEY_ALIAS: "An old spelling of a key.",
  NORMALIZE_KEY_ORDER: "Keys are not in the schema's order.",
  NORMALIZE_VALUE: "A value normalize would rewrite.",
  NORMALIZE_UNSAFE: "Normalize could not rewrite the file safely.",
  DATE_AMBIGUOUS: "A date that cannot be read with certainty.",
  COMMA_LIST_UNBALANCED: "Comma-separated text whose brackets do not pair up: not turned into a list.",
  SCHEMA_REQUIRED: "A required key is missing.",
  SCHEMA_TYPE: "A value has the wrong type.",
  SCHEMA_ENUM: "A value is not one of the allowed values.",
  SCHEMA_FORMAT: "A value is not in the expected format (date, e-mail, URL).",
  SCHEMA_PATTERN: "A value does not match the expected pattern.",
  SCHEMA_CONST: "A value differs from the only allowed value.",
  SCHEMA_LENGTH: "A value is too short or too long.",
  SCHEMA_ITEMS: "A list has invalid or repeated items.",
  SCHEMA_OTHER: "Another schema rule is not met.",
  FILE_NAME_PATTERN: "The file name does not follow the configured pattern (default YYYY-MM-DD-slug.md).",
  REFERENCE_MISSING: "A value names a file that does not exist (config `references`).",
  DUPLICATE_POSTING: "Another posting has the same startup, roles and date.",
  FILE_TEMP_LEFTOVER: "A temp file left by an interrupted write (the next normalize --write removes it).",
  TEXT_BIDI_CONTROL: "A value holds a bidirectional control character (display spoofing, Trojan Source).",
  LINE_ENDINGS_CR: "Old Mac line endings (CR only).",
  FRONT_MATTER_CLOSING_TEXT: "The closing `---` has text glued to it, so it does not close the front matter.",
  YAML11_LINE_BREAK: "A next-line, line or paragraph separator (U+0085, U+2028, U+2029) in the front matter: a line break for Jekyll's YAML 1.1.",
};

/** "YYYY-MM-DD-slug.md" → "2026-11-20-developpeur.md". */
function exampleFileName(pattern: string): string {
  return pattern.replace(/YYYY/g, "2026").replace(/MM/g, "11").replace(/DD/g, "20").replace(/slug/g, "developpeur");
}

function withHint(w: Worded, hint: string | undefined, fixable = false): Worded {
  if (hint) w.hint = hint;
  if (fixable) w.fixable = true;
  return w;
}

export function formatInWords(format: string): string {
  switch (format) {
    case "email":
      return "an e-mail address";
    case "uri":
      return "a full URL (https://…)";
    case "date":
      return "a date written YYYY-MM-DD";
    case "jekyll-date":
      return "a date written YYYY-MM-DD (or a date-time such as 2021-07-13T17:01:57Z)";
    default:
      return `in the "${format}" format`;
  }
}

/** Describe a value for a message: its type in words and, for scalars, the value itself. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing (an empty value)";
  if (typeof value === "string") return `the text ${JSON.stringify(truncate(value))}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  return "a nested mapping";
}

/** `a`, `a and b`, `a, b and c`. */
function wordList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

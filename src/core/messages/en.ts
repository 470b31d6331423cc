// The English catalog: every finding code's message, hint and one-line summary. A finding carries
// its code and args (src/core/findings/codes.ts); this words them. A second language is a second
// object of the same type (Catalog), checked for completeness by test/messages.test.ts.
import type { DateReason, FileNameReason, FixBlocker, FixNotes, FrontMatterShape, FsProblem, JekyllReading, NotRegularKind, NotWrittenReason, ShownValue, TypeHint, UnreadableReason, ValueChangeWhy, YamlSyntaxReason } from "../findings.js";
import { capText } from "../sanitize.js";
import type { Catalog, CatalogWords } from "./types.js";
import { enPhrases } from "./phrases-en.js";
import { wholeNumber } from "./numbers.js";
import type { EditRefusal } from "../findings/codes.js";

const FIX_WITH_NORMALIZE = "run `posting normalize --write` to fix it";

/** Why posting set / close refused a file (EDIT_REFUSED). */
const EDIT_REASONS: Record<EditRefusal, string> = {
  encoding: "the file is not plain UTF-8 (run posting normalize --write first)",
  "not-mapping": "the front matter is not a mapping of keys",
  "flow-mapping": "the front matter is one { … } mapping, not one key per line",
  "complex-key": "a key is quoted, indented or not a plain text",
  alias: "the value has a YAML anchor or alias",
  "multi-line": "the value spans several lines (a block text, or a list with comments or nested items)",
  unsafe: "the edited text would not read back as the data asked for",
};

/** A file system error in words. */
function fsProblem({ errno, detail }: FsProblem): string {
  switch (errno) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ELOOP":
      return "symbolic link loop";
    default:
      return errno ? `${errno}: ${detail ?? ""}` : (detail ?? "");
  }
}

function unreadable(reason: UnreadableReason): string {
  switch (reason.kind) {
    case "fs":
      return fsProblem(reason);
    case "no-match":
      return "no file matches this pattern";
    case "unlistable":
      return "cannot list this folder (permission denied?)";
    case "link-loop":
      return "symbolic link loop";
    case "too-large":
      return `it is ${reason.megabytes} MB, more than the ${reason.limit} MB posting reads`;
  }
}

const NOT_REGULAR: Record<NotRegularKind, string> = {
  folder: "a folder",
  pipe: "a named pipe",
  socket: "a socket",
  device: "a device",
  "link-in-folder": "a symbolic link; links are not followed inside folders",
  link: "a symbolic link; links are never followed, named or inside folders",
  "md-folder": "a folder, though its name ends in .md; pass the files in it, or the folder under another name",
};

function notWritten(reason: NotWrittenReason): string {
  return reason.kind === "fs" ? fsProblem(reason) : reason.detail;
}

const SHAPES: Record<FrontMatterShape, string> = { list: "a list", nothing: "nothing", string: "a single text value", number: "a single number value", boolean: "a single boolean value", other: "a single value" };

function yamlSyntax(reason: YamlSyntaxReason): string {
  switch (reason.kind) {
    case "unclosed-quote":
      return `the ${reason.quote} opened here is never closed`;
    case "alias-no-anchor":
      return `the alias *${reason.name} refers to no anchor &${reason.name} above it`;
    case "yaml":
      return reason.text;
  }
}

/** Psych's value in words: "the number 83", "true", "empty (null)". */
function jekyllReading(reading: JekyllReading): string {
  switch (reading.kind) {
    case "null":
      return "empty (null)";
    case "boolean":
      return String(reading.value);
    case "number":
      return `the number ${reading.value}`;
    case "merge":
      return "a merge of the mapping it names";
    case "text":
      return `the text ${JSON.stringify(reading.text)}`;
  }
}

const VALUE_CHANGES: Record<ValueChangeWhy, string> = {
  "trailing-space": "trailing white space removed",
  nfc: "Unicode normalized (NFC)",
  "iso-date": "date written YYYY-MM-DD",
  "schema-spelling": "value matched to the schema's spelling",
  quoted: "quoted, so Jekyll reads it as text",
  "yaml11-boolean": "written as the boolean Jekyll reads",
  "text-boolean": "text turned into a boolean",
  "comma-list": "comma-separated text turned into a list",
};

const dateReason = enPhrases.dateReason;

function fileName(reason: FileNameReason, pattern: string): string {
  switch (reason.kind) {
    case "spaces":
      return "it contains spaces";
    case "non-ascii":
      return `it contains characters other than ASCII letters and digits (${reason.chars})`;
    case "shape":
      return `expected ${pattern}, where YYYY-MM-DD is the date and slug is made of letters, digits, - and _`;
    case "unreal-date":
      return `${reason.date} is not a real date`;
  }
}

function typesInWords(types: readonly string[]): string {
  const words = types.map((t) => {
    switch (t) {
      case "string":
        return "a text";
      case "boolean":
        return "true or false";
      case "array":
        return "a list";
      case "number":
      case "integer":
        return "a number";
      case "object":
        return "a mapping";
      case "null":
        return "empty";
      default:
        return t;
    }
  });
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "valid");
}

function typeHint(hint: TypeHint | undefined): string | undefined {
  switch (hint?.kind) {
    case undefined:
      return undefined;
    case "unquote-boolean":
      return `write ${hint.value} without quotes; ${FIX_WITH_NORMALIZE}`;
    case "quote-yes-no":
      return "Jekyll reads an unquoted yes/no/true/false as a boolean; put the text in quotes";
    case "quote-number":
      return "put the text in quotes";
    case "list-unbalanced":
      return "write a list (`- item` lines, or [a, b]); its brackets do not pair up, so normalize leaves it as it is";
    case "list-comma":
      return "write a list (`- item` lines, or [a, b]); run `posting normalize --write` to turn a comma-separated text into a list";
    case "give-value":
      return `give \`${hint.key}\` a value or remove the line`;
  }
}

const words: CatalogWords = { fsProblem, dateReason, valueChangeWhy: (why) => VALUE_CHANGES[why], fileName };

export const en: Catalog = {
  lang: "en",
  notes: wordNotes,
  words,
  phrases: enPhrases,
  codes: {
    FILE_UNREADABLE: {
      summary: "The file cannot be read.",
      word: ({ reason }) => ({ message: `cannot read the file: ${unreadable(reason)}` }),
    },
    FILE_NOT_REGULAR: {
      summary: "The path is not a regular file (folder, link, pipe or device).",
      word: ({ kind }) => ({ message: `not a regular file (${NOT_REGULAR[kind]}); it was not read`, hint: "pass Markdown files or folders that contain them" }),
    },
    FILE_NOT_WRITTEN: {
      summary: "normalize --write could not replace the file (it changed meanwhile, or the folder is not writable); it was left as is.",
      word: ({ reason }) => ({ message: `not rewritten: ${notWritten(reason)}` }),
    },
    FILE_BINARY: {
      summary: "The file is binary (contains NUL bytes), not a Markdown posting.",
      word: () => ({ message: "this is a binary file (it contains NUL bytes), not a Markdown posting", hint: "remove it from the postings folder or rename it so it does not end in .md" }),
    },
    FILE_EMPTY: {
      summary: "The file is empty.",
      word: () => ({ message: "the file is empty", hint: "a posting starts with a `---` line, its front matter (roles, open, ...), a closing `---`, then the text" }),
    },
    ENCODING_INVALID_UTF8: {
      summary: "The file is not valid UTF-8.",
      word: ({ byte, guess, truncated }) => {
        if (truncated) {
          return {
            message: `the file is not valid UTF-8: the character starting with byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here is cut short (broken UTF-8, not a legacy encoding)`,
            hint: "retype the character in your editor; normalize leaves the file as is unless `--from-encoding` names its encoding",
          };
        }
        return {
          message: `the file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here); it looks like ${guess === "windows-1252" ? "windows-1252 (Windows Western European)" : guess}`,
          hint: `Jekyll reads UTF-8 only; ${FIX_WITH_NORMALIZE}, or save it as UTF-8 in your editor`,
        };
      },
    },
    ENCODING_UTF16: {
      summary: "The file is saved as UTF-16; Jekyll reads UTF-8 only.",
      word: ({ encoding }) => ({ message: `the file is saved as ${encoding.toUpperCase()}; Jekyll reads UTF-8 only`, hint: FIX_WITH_NORMALIZE }),
    },
    ENCODING_LEGACY: {
      summary: "The file is saved in a legacy encoding; Jekyll reads UTF-8 only.",
      word: ({ encoding }) => ({ message: `the file is saved as ${encoding}; Jekyll reads UTF-8 only`, hint: FIX_WITH_NORMALIZE }),
    },
    ENCODING_BOM: {
      summary: "The file starts with a byte order mark.",
      word: () => ({ message: "the file starts with a byte order mark (BOM)", hint: `some tools then miss the front matter; ${FIX_WITH_NORMALIZE}` }),
    },
    ENCODING_MOJIBAKE: {
      summary: "Garbled text: UTF-8 that was read in another encoding.",
      word: ({ found, repaired, via, more }) => {
        if (more) return { message: `${more} more garbled text runs from here on, like "${found}" for "${repaired}" (UTF-8 read as ${via})`, hint: FIX_WITH_NORMALIZE };
        return { message: `garbled text "${found}" should read "${repaired}" (UTF-8 read as ${via})`, hint: FIX_WITH_NORMALIZE };
      },
    },
    ENCODING_UNDECODABLE: {
      summary: "Bytes that cannot be decoded in the assumed encoding.",
      word: ({ count, encoding }) => ({
        message: `${count} byte${count === 1 ? "" : "s"} cannot be decoded as ${encoding}; the file was left untouched`,
        hint: "tell posting the file's real encoding with --from-encoding (for example latin1 or windows-1250)",
      }),
    },
    LINE_ENDINGS_CRLF: {
      summary: "Windows line endings (CRLF).",
      word: ({ count }) => ({ message: `Windows line endings (CRLF) on ${count} line${count === 1 ? "" : "s"}`, hint: FIX_WITH_NORMALIZE }),
    },
    FRONT_MATTER_MISSING: {
      summary: "No front matter: the file must start with a `---` line.",
      word: () => ({ message: "no front matter: the file must start with a `---` line", hint: "add `---`, the keys (roles, open, ...) and a closing `---` at the top of the file" }),
    },
    FRONT_MATTER_NOT_AT_TOP: {
      summary: "The front matter does not start on line 1.",
      word: ({ startLine }) => ({ message: `the front matter starts on line ${startLine}, not on line 1, so Jekyll ignores it`, hint: "move the `---` block to the very top of the file" }),
    },
    FRONT_MATTER_UNTERMINATED: {
      summary: "The front matter is never closed.",
      word: () => ({ message: "the front matter is never closed: no `---` line after the opening one", hint: "add a `---` line after the last front matter key" }),
    },
    FRONT_MATTER_EMPTY: {
      summary: "The front matter is empty.",
      word: () => ({ message: "the front matter is empty", hint: "add at least `roles:` and `open:` between the `---` lines" }),
    },
    FRONT_MATTER_NOT_MAPPING: {
      summary: "The front matter is not a mapping of `key: value` lines.",
      word: ({ found }) => ({ message: `the front matter must be a list of \`key: value\` lines, found ${SHAPES[found]}` }),
    },
    FRONT_MATTER_LANGUAGE: {
      summary: "The front matter is not YAML.",
      word: ({ language }) => ({ message: `front matter in "${language}" is not supported (and is never run); only YAML is`, hint: "start the file with a plain `---` line and write the front matter in YAML" }),
    },
    FRONT_MATTER_TOO_LARGE: {
      summary: "The front matter is too large to read (a posting needs a few hundred bytes).",
      word: ({ kilobytes, limit, withoutComments }) => {
        const size = withoutComments ? `holds ${kilobytes} KB besides its comments` : `is ${kilobytes} KB long`;
        return {
          message: `the front matter ${size}, more than the ${limit} KB posting reads; it was not read`,
          hint: "a posting's front matter is a few short `key: value` lines; move long text to the body",
        };
      },
    },
    FRONT_MATTER_BLANK_LINE: {
      summary: "Blank line inside the front matter.",
      word: () => ({ message: "blank line inside the front matter", hint: FIX_WITH_NORMALIZE }),
    },
    FRONT_MATTER_TRAILING_SPACE: {
      summary: "Trailing white space in the front matter.",
      word: () => ({ message: "trailing white space in the front matter", hint: FIX_WITH_NORMALIZE }),
    },
    YAML_SYNTAX: {
      summary: "YAML syntax error.",
      word: ({ reason }) => ({ message: `YAML syntax error: ${yamlSyntax(reason)}`, hint: "values that contain `: ` or start with a quote, `@`, `*` or `&` need quotes around them" }),
    },
    YAML_DUPLICATE_KEY: {
      summary: "A key is set twice.",
      word: ({ key, firstLine, line }) => ({ message: `\`${key}\` is set twice, on lines ${firstLine} and ${line}; Jekyll keeps only the last one`, hint: "keep one of the two lines" }),
    },
    YAML_ALIAS_LIMIT: {
      summary: "YAML aliases that expand to too much data.",
      word: ({ limit, nodes }) => ({ message: `the front matter's YAML aliases (*name) expand past the limit (${limit} aliases, ${wholeNumber(nodes, "en-US")} values in all); it was not read`, hint: "write the values out instead of using anchors and aliases" }),
    },
    YAML_TOO_DEEP: {
      summary: "The front matter is nested too deeply.",
      word: () => ({ message: "the front matter is nested too deeply to read", hint: "postings use flat `key: value` lines and short lists" }),
    },
    YAML11_BOOLEAN: {
      summary: "A YAML 1.1 boolean (yes, no, on, off) that tools read differently.",
      word: ({ key, text, value }) => ({ message: `\`${key}\` is written \`${text}\`: Jekyll reads it as ${value}, other YAML tools as the text "${text}"`, hint: `write \`${value}\`; ${FIX_WITH_NORMALIZE}` }),
    },
    YAML11_READING: {
      summary: "A plain value or key Jekyll (YAML 1.1) reads otherwise than YAML 1.2 (0123, 45,000, 9:00, tRUE, on:).",
      word: ({ key, text, jekyll: reading, isKey, literal }) => {
        const quoted = JSON.stringify(text);
        const jekyll = jekyllReading(reading);
        if (isKey) {
          const hint = text === "<<" ? "write out the keys it would merge: other YAML tools keep a key named <<" : `write the key in quotes: ${quoted}:`;
          return { message: `the key \`${text}\` is read by Jekyll (YAML 1.1) as ${jekyll}, not as the text ${quoted}`, hint };
        }
        return { message: `\`${key}\` is written \`${text}\`: Jekyll (YAML 1.1) reads it as ${jekyll}, other YAML tools (YAML 1.2) differently`, hint: `write ${quoted} in quotes if you mean the text${literal ? `, or \`${literal}\` if you mean ${jekyll}` : ""}` };
      },
    },
    YAML_TAG: {
      summary: "A standard YAML tag (!!timestamp, !!set, !!binary, !!omap…) Jekyll reads otherwise; read as the text written.",
      word: ({ key, tag }) => ({ message: `\`${key}\` has the tag ${tag}: posting reads the text written, Jekyll (Psych) reads it otherwise or refuses it`, hint: "remove the tag and write the value plainly" }),
    },
    YAML_TAG_UNKNOWN: {
      summary: "An unknown or language-specific tag (!!python/…, !ruby/…, !include); read as the text written.",
      word: ({ key, tag }) => ({ message: `\`${key}\` has the tag ${tag}, which Jekyll's safe YAML loading refuses or ignores; posting reads the text written`, hint: "remove the tag; front matter holds plain values" }),
    },
    UNKNOWN_KEY: {
      summary: "A key the schema does not know.",
      word: ({ key, suggestion, isAlias }) => {
        const message = `\`${key}\` is not a known key${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`;
        if (isAlias && suggestion) return { message, hint: `\`${key}\` is an old spelling of \`${suggestion}\`; ${FIX_WITH_NORMALIZE}` };
        return { message, hint: suggestion ? `rename it to \`${suggestion}\`` : "remove it, or add it to the schema if the site uses it" };
      },
    },
    ALIAS_CONFLICT: {
      summary: "A key and its old spelling are both set, with different values.",
      word: ({ alias, key, aliasLine }) => ({ message: `both \`${key}\` and its old spelling \`${alias}\` (line ${aliasLine}) are set, with different values`, hint: `keep one value under \`${key}\` and remove \`${alias}\`` }),
    },
    NORMALIZE_KEY_ALIAS: {
      summary: "An old spelling of a key.",
      word: ({ alias, key }) => ({ message: `\`${alias}\` renamed to \`${key}\`` }),
    },
    NORMALIZE_KEY_ORDER: {
      summary: "Keys are not in the schema's order.",
      word: ({ key }) => ({ message: `keys are not in the schema's order (\`${key}\` is out of place)`, hint: FIX_WITH_NORMALIZE }),
    },
    NORMALIZE_VALUE: {
      summary: "A value normalize would rewrite.",
      word: ({ key, from, to, why }) => ({ message: `\`${key}\` should be written ${to}, not ${from} (${VALUE_CHANGES[why]})`, hint: FIX_WITH_NORMALIZE }),
    },
    NORMALIZE_UNSAFE: {
      summary: "Normalize could not rewrite the file safely.",
      word: () => ({ message: "normalize could not rewrite this file without changing its data; it was left untouched", hint: "please report this file's front matter as a bug" }),
    },
    DATE_AMBIGUOUS: {
      summary: "A date that cannot be read with certainty.",
      word: ({ key, reason }) => ({ message: `\`${key}\`: ${dateReason(reason)}`, hint: "write the date as YYYY-MM-DD" }),
    },
    COMMA_LIST_UNBALANCED: {
      summary: "Comma-separated text whose brackets do not pair up: not turned into a list.",
      word: ({ key }) => ({
        message: `\`${key}\` looks like a comma-separated list, but its brackets do not pair up, so where its items end is unclear; normalize leaves it as it is`,
        hint: "write it as a list (`- item` lines), or pair the brackets",
      }),
    },
    SCHEMA_REQUIRED: {
      summary: "A required key is missing.",
      word: ({ key, description }) => ({ message: `\`${key}\` is required but missing`, hint: description?.en ? `add \`${key}:\` to the front matter: ${description.en}` : `add \`${key}:\` to the front matter` }),
    },
    SCHEMA_TYPE: {
      summary: "A value has the wrong type.",
      word: ({ key, expected, found, hint }) => ({ message: `\`${key}\` must be ${typesInWords(expected)}, found ${describeValue(found)}`, hint: typeHint(hint) }),
    },
    SCHEMA_ENUM: {
      summary: "A value is not one of the allowed values.",
      word: ({ key, allowed, found, suggestion }) => ({
        message: `\`${key}\` must be one of ${allowed.map((v) => String(v)).join(", ")}; found ${describeValue(found)}`,
        hint: suggestion ? `did you mean "${suggestion}"? ${FIX_WITH_NORMALIZE}` : undefined,
      }),
    },
    SCHEMA_FORMAT: {
      summary: "A value is not in the expected format (date, e-mail, URL).",
      word: ({ key, format, found, reason }) => ({ message: `\`${key}\` must be ${formatInWords(format)}, found ${describeValue(found)}${reason ? ` (${dateReason(reason)})` : ""}` }),
    },
    SCHEMA_PATTERN: {
      summary: "A value does not match the expected pattern.",
      word: ({ key, pattern, description, found }) => ({ message: `\`${key}\` must be ${description?.en ?? `text matching ${pattern}`}, found ${describeValue(found)}` }),
    },
    SCHEMA_CONST: {
      summary: "A value differs from the only allowed value.",
      word: ({ key, expected, found }) => ({ message: `\`${key}\` must be ${expected}, found ${describeValue(found)}` }),
    },
    SCHEMA_LENGTH: {
      summary: "A value is too short or too long.",
      word: ({ key, limit, kind, unit }) => {
        if (kind === "min" && limit === 1) return { message: `\`${key}\` must not be empty` };
        return { message: `\`${key}\` must have ${kind === "min" ? "at least" : "at most"} ${limit} ${unit}` };
      },
    },
    SCHEMA_ITEMS: {
      summary: "A list has invalid or repeated items.",
      word: ({ key, first, repeat }) => ({ message: `\`${key}\` lists the same value twice (items ${first + 1} and ${repeat + 1})` }),
    },
    SCHEMA_OTHER: {
      summary: "Another schema rule is not met.",
      word: ({ key, keyword, detail }) => {
        const reason = detail ?? `fails the schema's "${keyword}" rule`;
        return { message: key ? `\`${key}\` ${reason}` : reason };
      },
    },
    FILE_NAME_PATTERN: {
      summary: "The file name does not follow the configured pattern (default YYYY-MM-DD-slug.md).",
      word: ({ name, pattern, reason, suggestion }) => ({ message: `the file name "${name}" does not follow ${pattern}: ${fileName(reason, pattern)}`, hint: `rename the file, for example ${suggestion ?? exampleFileName(pattern)}` }),
    },
    REFERENCE_MISSING: {
      summary: "A value names a file that does not exist (config `references`).",
      word: ({ key, value, expected, unsafeName }) => {
        const reason = unsafeName ? "it cannot name a file (it contains / or \\, or is . or ..)" : undefined;
        return {
        message: `\`${key}\` is "${truncate(value)}" but ${reason ?? `there is no ${expected}`}`,
        hint: reason ? `\`${key}\` names a file: ${expected}` : `check the spelling of \`${key}\`, or add ${expected}`,
        };
      },
    },
    DUPLICATE_POSTING: {
      summary: "Another posting has the same startup, roles and date.",
      word: ({ other, keys, values, bare }) => {
        const shown = values.map((v, i) => (bare[i] ? truncate(v, 200) : `"${truncate(v)}"`));
        const free = keys.filter((_, i) => !bare[i]);
        return {
          message: `same ${wordList(keys)} as ${other} (${shown.join(", ")})`,
          hint: `remove one of the two files, or change ${free.length > 0 ? `the ${free.join(" or the ")}` : "one of them"} if they are different postings`,
        };
      },
    },
    FILE_TEMP_LEFTOVER: {
      summary: "A temp file left by an interrupted write (the next normalize --write removes it).",
      word: () => ({ message: "a temp file left by an interrupted `posting normalize --write` or `posting new`", hint: "delete it once no posting command runs in this folder (the next `posting normalize --write` removes those whose process has ended)" }),
    },
    TEXT_BIDI_CONTROL: {
      summary: "A value holds a bidirectional control character (display spoofing, Trojan Source).",
      word: ({ key, char }) => ({
        message: `\`${key}\` holds an invisible bidirectional control (${char}): the text may display in another order than it reads`,
        hint: "remove it unless the text truly needs it (Trojan Source)",
      }),
    },
    LINE_ENDINGS_CR: {
      summary: "Old Mac line endings (CR only).",
      word: ({ count }) => ({ message: `old Mac line endings (CR only) on ${count} line${count === 1 ? "" : "s"}: Jekyll sees one single line and no front matter`, hint: FIX_WITH_NORMALIZE }),
    },
    FRONT_MATTER_CLOSING_TEXT: {
      summary: "The closing `---` has text glued to it, so it does not close the front matter.",
      word: ({ text }) => ({ message: `this line would close the front matter but has text after its \`---\` (${JSON.stringify(truncate(text))}), so the front matter is never closed`, hint: "put the `---` alone on its line and the text on the next one" }),
    },
    YAML11_LINE_BREAK: {
      summary: "A next-line, line or paragraph separator (U+0085, U+2028, U+2029) in the front matter: a line break for Jekyll's YAML 1.1.",
      word: ({ char }) => ({
        message: `an invisible ${char} in the front matter: Jekyll's YAML 1.1 reader takes it for a line break, so it reads this front matter otherwise (or refuses it)`,
        hint: `delete it, or inside a double-quoted value write it as the escape \\u${char.slice(2)}`,
      }),
    },
    EDIT_REFUSED: {
      summary: "posting set or close could not edit the file with certainty; it was left untouched.",
      word: ({ reason, key }) => ({ message: `not edited: ${EDIT_REASONS[reason]}${key !== undefined ? ` (\`${key}\`)` : ""}; the file was left untouched`, hint: reason === "unsafe" ? "please report this file's front matter as a bug" : "edit it by hand, or run posting normalize --write first" }),
    },
    FILE_EXTENSION: {
      summary: "A file of a content folder has front matter but not a Markdown extension: Jekyll publishes it as a page without Markdown.",
      word: ({ extension, expected, markdown }) =>
        markdown
          ? { message: `this file ends in ${extension}: Jekyll reads it as Markdown, but posting reads only the config's "extensions" in folders`, hint: `rename it to end in ${expected}, or add "${extension}" to the config's "extensions"` }
          : {
              message: `${extension ? `this file ends in ${extension}, not ${expected}` : "this file has no extension"}: Jekyll publishes it as a page without Markdown`,
              hint: `rename it to end in ${expected}`,
            },
    },
    UNUSED_DISABLE: {
      summary: "A `# posting-disable` comment that suppresses nothing: stale, misspelt, or of a code checked across files.",
      word: ({ code, reason, wholeFile }) => {
        const where = wholeFile ? "in this file" : "on the next line";
        switch (reason) {
          case "no-code":
            return { message: "this posting-disable comment names no finding code", hint: "write the code to accept, for example `# posting-disable-next-line YAML_TAG`" };
          case "unknown":
            return { message: `this posting-disable comment names ${truncate(code)}, which is not a finding code`, hint: "check its spelling (README, Finding codes)" };
          case "cross-file":
            return { message: `${code} is checked across files and cannot be disabled by a comment`, hint: `set it in the config's "rules" instead, or remove the comment` };
          default:
            return { message: `no ${code} ${where} to disable`, hint: "remove the comment: what it accepted is gone" };
        }
      },
    },
    TEMPLATE_PLACEHOLDER: {
      summary: "A template's instruction is still in the posting: a text in brackets to replace, or the comment that says so.",
      word: ({ kind, text }) =>
        kind === "comment"
          ? { message: `the template's instruction comment is still here ("${truncate(text)}")`, hint: "replace the texts in brackets, then delete the comment" }
          : { message: `"[${truncate(text)}]" is a placeholder of the template, still to be replaced`, hint: "write the posting's own text instead of the brackets" },
    },
  },
};

/** The hint once lint has learned more about a finding (normalizable.ts), in the order it learned it. */
function wordNotes(hint: string | undefined, notes: FixNotes): string | undefined {
  if (notes.fix) hint ??= `${FIX_WITH_NORMALIZE} (${notes.fix.from} → ${notes.fix.to})`;
  if (notes.aliasSetToo) hint = `\`${notes.aliasSetToo.key}\` is set too, with another value: keep one`;
  if (notes.dateUnclear) hint = `${dateReason(notes.dateUnclear.reason)}; write it YYYY-MM-DD`;
  if (notes.blockedBy) hint = hintWhileBlocked(hint, notes.blockedBy);
  return hint;
}

/**
 * The hint of a finding normalize would fix, in a file it leaves as it is: `blocker` is the
 * finding that stops it, or the encoding in which some bytes have no character.
 */
function hintWhileBlocked(hint: string | undefined, blocker: FixBlocker): string | undefined {
  const why =
    "code" in blocker
      ? `\`posting normalize --write\` fixes it once ${blocker.code} is fixed`
      : "encoding" in blocker
        ? `\`posting normalize --write\` cannot fix it (some bytes have no character in ${blocker.encoding})`
        : "fix it by hand: `posting normalize --write` leaves this file as it is (its rewrite would not read back to the same data)";
  return hint?.includes(FIX_WITH_NORMALIZE) ? hint.replace(FIX_WITH_NORMALIZE, why) : hint;
}

/** "YYYY-MM-DD-slug.md" → "2026-11-20-developpeur.md". */
function exampleFileName(pattern: string): string {
  return pattern.replace(/YYYY/g, "2026").replace(/MM/g, "11").replace(/DD/g, "20").replace(/slug/g, "developpeur");
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

/** A value in words: its type and, for scalars, the value (capped like any text quoted from a file). */
function describeValue(shown: ShownValue): string {
  switch (shown.type) {
    case "empty":
      return "nothing (an empty value)";
    case "text":
      return capText(`the text ${JSON.stringify(truncate(shown.text))}`);
    case "boolean":
      return `the boolean ${shown.value}`;
    case "number":
      return `the number ${shown.value}`;
    case "list":
      return `a list of ${shown.length} item${shown.length === 1 ? "" : "s"}`;
    case "mapping":
      return "a nested mapping";
  }
}

/** `a`, `a and b`, `a, b and c`. */
function wordList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

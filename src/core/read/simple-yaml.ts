// A fast reader for the front matter most postings have: `key: value` lines at the left margin
// with plain or simply quoted scalars, one-line `[a, b]` lists, `- item` lists and full-line
// comments. It returns what the `yaml` package (YAML 1.2 core schema, as parseYaml configures
// it) would return, or undefined for anything else, which then goes through `yaml`. It refuses
// rather than guesses: a wrong "clean" verdict would hide a finding, a refusal only costs time.
// test/simple-yaml.test.ts checks it against `yaml` on every fixture and thousands of generated
// front matters.

export interface SimpleYaml {
  data: Record<string, unknown>;
  /** Each top-level key with the offset of its first character in the source, in source order. */
  keys: { key: string; offset: number }[];
}

const KEY = /^([A-Za-z_][A-Za-z0-9_.-]{0,127}):(?: +|$)/;
// Keys the core schema reads as something other than text, and one toJS treats specially.
const NON_TEXT_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const ITEM = /^( {0,8})- +/;
// Plain `yes`/`no`/`on`/`off`: text in YAML 1.2, booleans for Jekyll; parseYaml reports them.
const YAML11_BOOLEAN = /^(?:yes|no|on|off)$/i;
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// The core schema's number forms (yaml's int, intOct, intHex, floatNaN, floatExp and float tests).
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
// The numbers read here: plain decimals whose value parseInt/parseFloat and Number agree on.
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
// Where a plain scalar may start: letters, digits, a few harmless ASCII signs, anything past ASCII
// except the characters YAML or JavaScript treat as spaces or line breaks.
const PLAIN_START = /^(?:[A-Za-z0-9_/($.+]|-(?=[^ ])|[^\x00-\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff])/;
// Characters refused anywhere: controls (tab included), DEL, C1 controls, NEL, BOM, line/paragraph
// separators and the spaces JavaScript's trim() would strip but YAML keeps.
const REFUSED_CHAR = /[\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The mapping `source` holds, when it is within the simple subset; undefined otherwise. */
export function parseSimpleYaml(source: string): SimpleYaml | undefined {
  const data: Record<string, unknown> = {};
  const keys: { key: string; offset: number }[] = [];
  // The key whose value is still open: `key:` with nothing after it, then maybe `- item` lines.
  let open: { key: string; items: unknown[] | undefined; indent: number } | undefined;
  const close = () => {
    if (open) data[open.key] = open.items ?? null;
    open = undefined;
  };

  let offset = 0;
  while (offset <= source.length) {
    let end = source.indexOf("\n", offset);
    if (end === -1) end = source.length;
    const line = source.slice(offset, end);
    const lineOffset = offset;
    offset = end + 1;

    if (line === "" || REFUSED_CHAR.test(line) || line.endsWith(" ")) return undefined;
    if (line[0] === "#") {
      close();
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      // Items belong to the `key:` just above, all at one indentation.
      if (!open) return undefined;
      const indent = item[1]!.length;
      if (open.items === undefined) open.indent = indent;
      else if (indent !== open.indent) return undefined;
      const value = blockScalar(line.slice(item[0].length));
      if (value === REFUSE) return undefined;
      (open.items ??= []).push(value);
      continue;
    }
    close();
    const key = KEY.exec(line);
    if (!key || NON_TEXT_KEY.test(key[1]!)) return undefined;
    const name = key[1]!;
    if (Object.prototype.hasOwnProperty.call(data, name)) return undefined; // duplicate: parseYaml reports it
    keys.push({ key: name, offset: lineOffset });
    const rest = line.slice(key[0].length);
    if (rest === "") {
      open = { key: name, items: undefined, indent: 0 };
      continue;
    }
    const value = rest[0] === "[" ? flowList(rest) : blockScalar(rest);
    if (value === REFUSE) return undefined;
    data[name] = value;
  }
  close();
  if (keys.length === 0) return undefined;
  return { data, keys };
}

const REFUSE = Symbol("refuse");
type Value = string | number | boolean | null;

/** A scalar that is the whole rest of a line (a value after `key: ` or `- `). */
function blockScalar(text: string): Value | typeof REFUSE {
  const first = text[0];
  if (first === '"' || first === "'") {
    const quoted = quotedScalar(text, 0);
    return quoted && quoted.end === text.length ? quoted.value : REFUSE;
  }
  // A comment, or a `: ` that would make the line a mapping, is left to yaml.
  if (text.includes(" #") || text.includes(": ") || text.endsWith(":")) return REFUSE;
  return plainScalar(text);
}

/** `[a, "b", 'c']` up to the end of the line: scalars only, no nesting, no trailing comma. */
function flowList(text: string): Value[] | typeof REFUSE {
  const items: Value[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === " ") i++;
  };
  skipSpaces();
  if (text[i] === "]") return i + 1 === text.length ? items : REFUSE;
  for (;;) {
    skipSpaces();
    const ch = text[i];
    let value: Value | typeof REFUSE;
    if (ch === '"' || ch === "'") {
      const quoted = quotedScalar(text, i);
      if (!quoted) return REFUSE;
      value = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < text.length && !",[]{}:#".includes(text[j]!)) j++;
      if (text[j] === ":" || text[j] === "#" || text[j] === "[" || text[j] === "{" || text[j] === "}") return REFUSE;
      value = plainScalar(text.slice(i, j).trimEnd());
      i = j;
    }
    if (value === REFUSE) return REFUSE;
    items.push(value);
    skipSpaces();
    if (text[i] === ",") {
      i++;
      skipSpaces();
      if (text[i] === "]" || i >= text.length) return REFUSE;
      continue;
    }
    if (text[i] === "]") return i + 1 === text.length ? items : REFUSE;
    return REFUSE;
  }
}

/** A one-line plain scalar, resolved as the core schema does; refused when that is not plain text or a simple number. */
function plainScalar(text: string): Value | typeof REFUSE {
  if (text === "" || !PLAIN_START.test(text)) return REFUSE;
  if (YAML11_BOOLEAN.test(text)) return REFUSE;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (CORE_NUMBER.test(text)) return SIMPLE_NUMBER.test(text) && text !== "-0" && !text.startsWith("-0.") ? Number(text) : REFUSE;
  return text;
}

/** A quoted scalar starting at `start`, closed on the same line; simple escapes only. */
function quotedScalar(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (ch === "\\" && quote === '"') {
      const escaped = ESCAPES[text[i + 1] ?? ""];
      if (escaped === undefined) return undefined;
      value += escaped;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t" };

// A schema named by a pull request may hold any `pattern`, and JavaScript's regular expressions
// backtrack: `^(a+)+$` takes 14 s on 28 characters, `^a*a*a*b$` 27 s on 2,000. So the patterns of
// a schema compiled at run time are matched by RE2 (the pure-JS port `re2js`), whose time is
// linear in the input, after a translation from JavaScript's syntax (the `u` flag, as ajv uses)
// to RE2's that keeps JavaScript's meaning (`\s`, `.`, classes). This file is the one place that
// decides whether a pattern is acceptable: a pattern is refused when it is too long, uses what
// RE2 has no linear-time match for (backreferences, lookarounds), is not a valid JavaScript
// pattern, or does not compile in RE2 (`{1001}`, `\p{Letter}`: RE2 knows `\p{L}` only).
// The bundled schema's validator is compiled at build time with native RegExp: its patterns are
// ours, and this module (and re2js) is not loaded for it.
import type { RE2JS as RE2JSClass } from "re2js";
import { requireLazily } from "../require-lazily.js";

/** Longer patterns are refused outright (the bundled schema's longest is 28 characters). */
export const MAX_PATTERN_LENGTH = 1000;

/** What ajv calls on a compiled pattern (ajv's `RegExpLike`). */
export interface LinearRegExp {
  test(value: string): boolean;
  toString(): string;
}

export type PatternVerdict = { ok: true; regExp: LinearRegExp } | { ok: false; reason: string };

// Loaded on the first user-schema pattern only (the CLI bundle loads it from node_modules, as ajv).
let re2js: typeof RE2JSClass | undefined;
const verdicts = new Map<string, PatternVerdict>();

/** Whether `pattern` is accepted and, if so, its linear-time matcher (cached per pattern). */
export function checkPattern(pattern: string): PatternVerdict {
  let verdict = verdicts.get(pattern);
  if (!verdict) {
    verdict = decide(pattern);
    verdicts.set(pattern, verdict);
  }
  return verdict;
}

/** Why `pattern` is refused; undefined when it is accepted. */
export function unsafePatternReason(pattern: string): string | undefined {
  const verdict = checkPattern(pattern);
  return verdict.ok ? undefined : verdict.reason;
}

/** ajv's `code.regExp` engine for user schemas: only patterns checkPattern accepted reach it. */
export const linearRegExpEngine = Object.assign(
  (pattern: string, _flags: string): LinearRegExp => {
    const verdict = checkPattern(pattern);
    if (!verdict.ok) throw new Error(`the pattern ${verdict.reason}`);
    return verdict.regExp;
  },
  { code: "posting.linearRegExp" },
);

function decide(pattern: string): PatternVerdict {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  // Compiling (not matching) is linear in the pattern's length, which is capped.
  try {
    new RegExp(pattern, "u");
  } catch {
    return { ok: false, reason: "is not a valid regular expression (JavaScript syntax with the u flag)" };
  }
  const translated = toRe2Syntax(pattern);
  if (!translated.ok) return translated;
  re2js ??= (requireLazily("re2js") as typeof import("re2js")).RE2JS;
  let compiled: RE2JSClass;
  try {
    compiled = re2js.compile(translated.source);
  } catch (error) {
    // re2js quotes part of the pattern after ": `"; the pointer names the pattern instead.
    const what = String((error as Error).message ?? "").replace(/^error parsing regexp: /, "").split(/: `/)[0]!.slice(0, 80);
    return { ok: false, reason: `cannot be matched in linear time by RE2 (${what})` };
  }
  const shown = `/${pattern}/u`;
  return { ok: true, regExp: { test: (value: string) => compiled.test(value), toString: () => shown } };
}

// JavaScript's `\s` with the u flag: WhiteSpace and LineTerminator (tested against /\s/u on every
// code point); `.` is everything but the four line terminators.
const WHITESPACE: readonly (readonly [number, number])[] = [
  [0x9, 0xd], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: readonly (readonly [number, number])[] = [[0xa, 0xa], [0xd, 0xd], [0x2028, 0x2029]];
const MAX_CODE_POINT = 0x10ffff;

function complement(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (cp: number) => `\\x{${cp.toString(16)}}`;
const rangeText = (ranges: readonly (readonly [number, number])[]) => ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("");
const SPACE = rangeText(WHITESPACE);
const NOT_SPACE = rangeText(complement(WHITESPACE));
const DOT = `[${rangeText(complement(LINE_TERMINATORS))}]`;
const CONTROL_ESCAPES: Record<string, number> = { t: 0x9, n: 0xa, v: 0xb, f: 0xc, r: 0xd };

type Piece = { kind: "cp"; cp: number } | { kind: "set"; text: string } | { kind: "assertion"; text: string };

/**
 * RE2 source with the meaning `pattern` has in JavaScript with the u flag. `pattern` is already
 * known to be valid JavaScript, so the walk only has to tell tokens apart. Every literal that is
 * not a letter or digit becomes `\x{…}` (RE2 reads `[[:alpha:]]` as a POSIX class, `[]a]` as a
 * class holding `]`), every class member is a code point, a range or an RE2 class escape.
 */
function toRe2Syntax(pattern: string): { ok: true; source: string } | { ok: false; reason: string } {
  let out = "";
  let i = 0;
  const backreference = { ok: false as const, reason: "uses a backreference" };

  // The escape at `i` (pattern[i] === "\\"); `inClass` changes what `\b` and `\B` mean.
  const readEscape = (inClass: boolean): Piece | undefined => {
    const next = pattern[i + 1] ?? "";
    if (/[1-9]/.test(next) || next === "k") return undefined;
    i += 2;
    if (next === "s" || next === "S") return { kind: "set", text: next === "s" ? SPACE : NOT_SPACE };
    if ("dDwW".includes(next)) return { kind: "set", text: `\\${next}` };
    if (next === "p" || next === "P") {
      const close = pattern.indexOf("}", i);
      const text = `\\${next}${pattern.slice(i, close + 1)}`;
      i = close + 1;
      return { kind: "set", text };
    }
    if (next === "b" || next === "B") return inClass ? { kind: "cp", cp: 0x8 } : { kind: "assertion", text: `\\${next}` };
    if (next in CONTROL_ESCAPES) return { kind: "cp", cp: CONTROL_ESCAPES[next]! };
    if (next === "0") return { kind: "cp", cp: 0 };
    if (next === "c") {
      i++;
      return { kind: "cp", cp: pattern.charCodeAt(i - 1) % 32 };
    }
    if (next === "x") {
      i += 2;
      return { kind: "cp", cp: parseInt(pattern.slice(i - 2, i), 16) };
    }
    if (next === "u") {
      if (pattern[i] === "{") {
        const close = pattern.indexOf("}", i);
        const cp = parseInt(pattern.slice(i + 1, close), 16);
        i = close + 1;
        return { kind: "cp", cp };
      }
      let cp = parseInt(pattern.slice(i, i + 4), 16);
      i += 4;
      // A surrogate pair written as two escapes is one code point with the u flag.
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(pattern.slice(i, i + 6));
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
        i += 6;
      }
      return { kind: "cp", cp };
    }
    // `\-`, `\/`, `\.` and the other syntax characters: the character itself.
    const cp = next.codePointAt(0)!;
    i += (cp > 0xffff ? 2 : 1) - 1;
    return { kind: "cp", cp };
  };

  const literal = (cp: number) => (/^[A-Za-z0-9]$/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp));

  const readClassAtom = (): Piece | undefined => {
    if (pattern[i] === "\\") return readEscape(true);
    const cp = pattern.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    return { kind: "cp", cp };
  };

  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const piece = readEscape(false);
      if (!piece) return backreference;
      out += piece.kind === "cp" ? hex(piece.cp) : piece.kind === "set" && piece.text.startsWith("\\x") ? `[${piece.text}]` : piece.text;
      continue;
    }
    if (ch === "[") {
      i++;
      const negated = pattern[i] === "^";
      if (negated) i++;
      let members = "";
      while (pattern[i] !== "]") {
        const first = readClassAtom();
        if (!first) return backreference;
        if (pattern[i] === "-" && pattern[i + 1] !== "]" && first.kind === "cp") {
          i++;
          const last = readClassAtom();
          if (!last || last.kind !== "cp") return { ok: false, reason: "is not a valid regular expression (JavaScript syntax with the u flag)" };
          members += `${hex(first.cp)}-${hex(last.cp)}`;
          continue;
        }
        members += first.kind === "cp" ? hex(first.cp) : first.text;
      }
      i++;
      // `[]` matches nothing and `[^]` anything, in JavaScript.
      if (members === "") out += negated ? `[\\x{0}-\\x{10ffff}]` : `[^\\x{0}-\\x{10ffff}]`;
      else out += `[${negated ? "^" : ""}${members}]`;
      continue;
    }
    if (ch === "(") {
      if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return { ok: false, reason: "uses a lookahead or lookbehind" };
      if (pattern.startsWith("(?<", i)) {
        const close = pattern.indexOf(">", i);
        out += `(?P${pattern.slice(i + 2, close + 1)}`;
        i = close + 1;
      } else if (pattern.startsWith("(?:", i)) {
        out += "(?:";
        i += 3;
      } else {
        out += "(";
        i++;
      }
      continue;
    }
    if (ch === "{") {
      // With the u flag a `{` outside a class always starts a quantifier.
      const close = pattern.indexOf("}", i);
      out += pattern.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (ch === ".") {
      out += DOT;
      i++;
      continue;
    }
    if ("^$|)*+?".includes(ch)) {
      out += ch;
      i++;
      continue;
    }
    const cp = pattern.codePointAt(i)!;
    out += literal(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return { ok: true, source: out };
}

export interface UnsafePattern {
  /** JSON pointer of the pattern in the schema (`/properties/id/pattern`). */
  pointer: string;
  reason: string;
}

const pointerToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The first refused regular expression of a schema: every `pattern` value and `patternProperties`
 * key, found with an explicit stack (a schema of 1 MB can nest deeper than the call stack). Also
 * ajv's strict-mode rule that no name in `properties` matches a sibling `patternProperties` key,
 * checked here with the linear matcher (ajv would test it with a native RegExp at compile time).
 */
export function findUnsafePattern(schema: unknown): UnsafePattern | undefined {
  const stack: { value: unknown; pointer: string }[] = [{ value: schema, pointer: "" }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const at = `${pointer}/${pointerToken(key)}`;
      if (!Array.isArray(value) && key === "pattern" && typeof child === "string") {
        const reason = unsafePatternReason(child);
        if (reason) return { pointer: at, reason };
      }
      if (!Array.isArray(value) && key === "patternProperties" && child !== null && typeof child === "object" && !Array.isArray(child)) {
        const properties = (value as Record<string, unknown>).properties;
        const names = properties !== null && typeof properties === "object" && !Array.isArray(properties) ? Object.keys(properties) : [];
        for (const name of Object.keys(child)) {
          const verdict = checkPattern(name);
          if (!verdict.ok) return { pointer: `${at}/${pointerToken(name)}`, reason: verdict.reason };
          const matched = names.find((property) => verdict.regExp.test(property));
          if (matched !== undefined) {
            return { pointer: `${at}/${pointerToken(name)}`, reason: `matches the property at ${pointer}/properties/${pointerToken(matched)} (ajv's strict mode refuses a property that a pattern property also covers)` };
          }
        }
      }
      stack.push({ value: child, pointer: at });
    }
  }
  return undefined;
}

// Text from files (values, keys, file names) is untrusted: before it reaches a terminal or a log,
// every character a terminal could act on, or that hides or reorders text, is made visible
// instead. One set, one function (escapeUnsafe); every output path calls it, through the three
// named contexts below.
//
// The set:
// - C0 controls U+0000–U+001F (ESC, BEL, backspace, CR…): always; TAB and LF only where they
//   would break a line or a cell (`inline`), kept in multi-line text (`text`, `json`);
// - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is a CSI on some terminals);
// - bidirectional controls (Trojan Source): U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069;
// - zero-width and invisible characters: U+00AD (soft hyphen), U+180E, U+200B–U+200D, U+2060–U+2064,
//   U+206A–U+206F, U+FEFF (BOM), U+FFF9–U+FFFB, and the line separators U+2028, U+2029;
// - U+00A0 (no-break space) in keys only (escapeKey): in a value it is ordinary French typography.

const SET = "\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb";
const UNSAFE_INLINE = new RegExp(`[\\u0000-\\u001f${SET}]`, "g");
const UNSAFE_TEXT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${SET}]`, "g");
// JSON.stringify escapes C0 inside strings; the LF (and spaces) left are its own formatting.
const UNSAFE_JSON = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f${SET}]`, "g");
// XML 1.0 has no way to write these C0 controls, not even as references: they are dropped.
const ILLEGAL_C0_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const UNSAFE_XML = new RegExp(`[\\r${SET}]`, "g");
// The same sets without `g`, for a test: most text past the ASCII shortcut (accents, arrows) holds
// none of them, and a test neither calls back nor builds a string.
const HAS_UNSAFE_INLINE = new RegExp(UNSAFE_INLINE.source);
const HAS_UNSAFE_TEXT = new RegExp(UNSAFE_TEXT.source);
const HAS_UNSAFE_JSON = new RegExp(UNSAFE_JSON.source);

/** Where escaped text goes: one line or cell, multi-line text (diffs, CSV), JSON text, or XML text (JUnit). */
export type EscapeContext = "inline" | "text" | "json" | "xml";

function readable(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return "\\e";
  if (code === 0x0a) return "\\n";
  if (code === 0x09) return "\\t";
  if (code === 0x0d) return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

function jsonEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Test hook: the meta-test of the unsafe-output check swaps in a broken escaper for one caller. */
export interface EscaperHook {
  (text: string, context: EscapeContext, caller: string): string | undefined;
}
let hook: EscaperHook | undefined;
/** Tests only: `fn` returns a replacement escaping (or undefined to keep the real one). */
export function setEscaperHookForTests(fn: EscaperHook | undefined): void {
  hook = fn;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The one escaper: every character of the set above, in the form `context` can carry. */
export function escapeUnsafe(text: string, context: EscapeContext, caller = ""): string {
  if (hook) {
    const replaced = hook(text, context, caller);
    if (replaced !== undefined) return replaced;
  }
  // Printable ASCII is in no context's set: most texts (file names, codes, keys) need no replace.
  if (PRINTABLE_ASCII.test(text)) return text;
  if (context === "json") return HAS_UNSAFE_JSON.test(text) ? text.replace(UNSAFE_JSON, jsonEscape) : text;
  if (context === "xml") return text.replace(ILLEGAL_C0_IN_XML, "").replace(UNSAFE_XML, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
  const inline = context === "inline";
  if (!(inline ? HAS_UNSAFE_INLINE : HAS_UNSAFE_TEXT).test(text)) return text;
  return text.replace(inline ? UNSAFE_INLINE : UNSAFE_TEXT, readable);
}

/** Escape control characters but keep line breaks and tabs (multi-line output such as diffs). */
export function escapeControl(text: string, caller = "text"): string {
  return escapeUnsafe(text, "text", caller);
}

/** Escape control characters including line breaks (anything that must stay on one line). */
export function escapeInline(text: string, caller = "inline"): string {
  return escapeUnsafe(text, "inline", caller);
}

/** JSON text (from JSON.stringify) with the characters of the set \u-escaped: parses back to the same value. */
export function escapeJsonText(json: string, caller = "json"): string {
  return escapeUnsafe(json, "json", caller);
}

/** A key as shown in a message: a no-break space in a key is a trap, so it is shown as `\u00a0`. */
export function escapeKey(key: string): string {
  return key.replace(/\u00a0/g, "\\u00a0");
}

/** Longest value quoted in a message, in characters. */
export const MAX_QUOTED = 200;

/** `text` cut to `max` characters (UTF-16 units, never half a surrogate pair), ending with an ellipsis. */
export function capText(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Whether `text` holds a character of the set (tab and line feed aside). */
export function hasUnsafeText(text: string): boolean {
  return HAS_UNSAFE_TEXT.test(text);
}

/** Bidi controls, for the finding that names them (TEXT_BIDI_CONTROL). */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

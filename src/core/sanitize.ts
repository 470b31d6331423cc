// Text from files (values, keys, file names) is untrusted: before it reaches a terminal, every
// control character, escape sequence and bidi override is made visible instead of acted on.

// C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates (Trojan Source).
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Same set plus tab and newline, for one-line contexts (table cells, annotations, file names).
const UNSAFE_INLINE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return "\\e";
  if (code === 0x0a) return "\\n";
  if (code === 0x09) return "\\t";
  if (code === 0x0d) return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Escape control characters but keep line breaks and tabs (multi-line output such as diffs). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Escape control characters including line breaks (anything that must stay on one line). */
export function escapeInline(text: string): string {
  return text.replace(UNSAFE_INLINE, escapeChar);
}

// JSON.stringify escapes C0 controls but not DEL, C1 controls (U+009B is a CSI on some
// terminals), bidi overrides or the JavaScript line separators; \u escapes parse back to the same
// value and make JSON output safe to print.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (from JSON.stringify) with the characters a terminal could act on \u-escaped. */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

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

export function hasUnsafeControl(text: string): boolean {
  UNSAFE_INLINE.lastIndex = 0;
  return UNSAFE_INLINE.test(text);
}

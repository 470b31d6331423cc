// The characters no output may carry raw (src/core/sanitize.ts makes them visible), shared by the
// escape test and the hostile corpus test.
function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

/** The whole set the escaper must make visible (README "Guarantees"). */
export const ESCAPED_SET: readonly string[] = [
  ...range(0x00, 0x1f),
  ...range(0x7f, 0x9f),
  "\u00ad",
  "\u061c",
  "\u180e",
  ...range(0x200b, 0x200f),
  ...range(0x2028, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x206f),
  "\ufeff",
  ...range(0xfff9, 0xfffb),
];

export const hex = (ch: string): string => ch.charCodeAt(0).toString(16).padStart(4, "0");

/** TAB and LF are the structure of multi-line output; a LF from a file shows as line injection instead. */
export const NEVER_RAW: readonly string[] = ESCAPED_SET.filter((ch) => ch !== "\t" && ch !== "\n");
export const NEVER_RAW_PATTERN = new RegExp(`[${NEVER_RAW.map((ch) => `\\u${hex(ch)}`).join("")}]`, "u");

// The one character test behind the read path's shortcuts past white space tests (trim(), `\s`):
// a printable ASCII character is never white space, so a line or a value that starts (or ends)
// with one needs no further test. test/read-fast-paths.test.ts checks it on every UTF-16 unit.

/** Whether the UTF-16 unit `c` (NaN past the end of a string) may be white space for trim() and `\s`. */
export function mayBeWhiteSpace(c: number): boolean {
  return !(c > 0x20 && c < 0x7f);
}

// Span edits on a text, and the invariant every write of repaired text must satisfy: the output
// is the input with each reported span replaced, and nothing else. Pure: no I/O.

/** One replacement of `input.slice(start, end)` (which must equal `found`) by `repaired`. */
export interface SpanEdit {
  start: number;
  end: number;
  found: string;
  repaired: string;
}

/**
 * `input` with every edit applied, or undefined when the edits are not a valid set on it: not
 * sorted, overlapping, empty, out of bounds, or a `found` that is not the text at its span.
 */
export function applySpanEdits(input: string, edits: readonly SpanEdit[]): string | undefined {
  let out = "";
  let at = 0;
  for (const edit of edits) {
    if (!(edit.start >= at && edit.end > edit.start && edit.end <= input.length)) return undefined;
    if (input.slice(edit.start, edit.end) !== edit.found) return undefined;
    out += input.slice(at, edit.start) + edit.repaired;
    at = edit.end;
  }
  return out + input.slice(at);
}

/**
 * Whether `output` differs from `input` only inside the reported spans: `output` is exactly
 * `input` with the edits applied, and the edits are sorted and do not overlap. Checked before
 * anything repaired is written, so a bug in a repair can refuse a file but never damage one.
 */
export function editsExplain(input: string, output: string, edits: readonly SpanEdit[]): boolean {
  return applySpanEdits(input, edits) === output;
}

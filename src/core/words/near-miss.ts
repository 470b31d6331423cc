// "Did you mean": the known name closest to a typed one, by the rule lint's key suggestions use
// (schema/validate.ts suggestKey): Levenshtein distance at most a third of the shorter name's
// length (two edits for a five-letter name), so a short name never matches a long one. Case
// does not count.
import { distance as levenshtein } from "fastest-levenshtein";

/** The most edits at which two names are still taken for one another. */
export function closeEnough(a: string, b: string): number {
  return Math.max(1, Math.round(Math.min(a.length, b.length) / 3));
}

/** The candidate closest to `typed` when it is close enough, else undefined (the first of equals). */
export function nearMiss(typed: string, candidates: Iterable<string>): string | undefined {
  const lower = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const name = candidate.toLowerCase();
    // A length gap beyond the allowed edits cannot be close: skip the distance.
    if (Math.abs(name.length - lower.length) > closeEnough(lower, name)) continue;
    const d = levenshtein(lower, name);
    if (d < bestDistance && d <= closeEnough(lower, name)) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

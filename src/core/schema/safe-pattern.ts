// A schema named by a pull request may hold any `pattern`, and JavaScript's regular expressions
// backtrack: `^(a+)+$` takes 14 s on 28 characters. Patterns whose matching time can explode are
// refused before ajv compiles them. The check is conservative (a pattern it refuses can often be
// written another way: `^[a-z0-9-]+$` for `^[a-z0-9]+(?:-[a-z0-9]+)*$`), simple, and linear.

/** Longer patterns are refused outright (the bundled schema's longest is 28 characters). */
export const MAX_PATTERN_LENGTH = 1000;

/** Why `pattern` could take exponential time or is too long to check; undefined when it is safe. */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  // Each open group: whether its content holds a quantifier or an alternation.
  const groups: { risky: boolean }[] = [{ risky: false }];
  let i = 0;
  const quantifierAt = (at: number): { length: number; repeats: boolean } | undefined => {
    const ch = pattern[at];
    if (ch === "*" || ch === "+") return { length: lazy(at + 1) + 1, repeats: true };
    if (ch === "?") return { length: lazy(at + 1) + 1, repeats: false };
    if (ch !== "{") return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
    return { length: m[0].length + lazy(at + m[0].length), repeats: max > 1 };
  };
  const lazy = (at: number) => (pattern[at] === "?" ? 1 : 0);

  while (i < pattern.length) {
    const ch = pattern[i]!;
    const top = groups[groups.length - 1]!;
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || next === "k") return "uses a backreference";
      const close = next === "u" || next === "p" || next === "P" ? pattern.indexOf("}", i) : -1;
      i = afterAtom(pattern[i + 2] === "{" && close !== -1 ? close + 1 : i + 2);
      continue;
    }
    if (ch === "[") {
      i = classEnd(pattern, i);
      i = afterAtom(i);
      continue;
    }
    if (ch === "(") {
      if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return "uses a lookahead or lookbehind";
      groups.push({ risky: false });
      const nameEnd = pattern[i + 2] === "<" ? pattern.indexOf(">", i) : -1;
      i = pattern[i + 1] !== "?" ? i + 1 : nameEnd !== -1 ? nameEnd + 1 : i + 3;
      continue;
    }
    if (ch === ")") {
      const group = groups.pop();
      if (!group || groups.length === 0) return "has an unbalanced parenthesis";
      const q = quantifierAt(i + 1);
      if (q?.repeats && group.risky) return "repeats a group that itself holds a repetition or an alternation (such as (a+)+ or (a|b)*), which can take exponential time";
      const parent = groups[groups.length - 1]!;
      if (group.risky || q) parent.risky = true;
      i += 1 + (q?.length ?? 0);
      continue;
    }
    if (ch === "|") {
      top.risky = true;
      i++;
      continue;
    }
    i = afterAtom(i + 1);
  }
  if (groups.length !== 1) return "has an unbalanced parenthesis";
  return undefined;

  // Past the quantifier that follows an atom ending at `at`, if any, noting it in the group.
  function afterAtom(at: number): number {
    const q = quantifierAt(at);
    if (!q) return at;
    groups[groups.length - 1]!.risky = true;
    return at + q.length;
  }
}

function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
  return i + 1;
}

export interface UnsafePattern {
  /** JSON pointer of the pattern in the schema (`/properties/id/pattern`). */
  pointer: string;
  reason: string;
}

/**
 * The first unsafe regular expression of a schema: every `pattern` value and `patternProperties`
 * key, found with an explicit stack (a schema of 1 MB can nest deeper than the call stack).
 */
export function findUnsafePattern(schema: unknown): UnsafePattern | undefined {
  const stack: { value: unknown; pointer: string }[] = [{ value: schema, pointer: "" }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!Array.isArray(value) && key === "pattern" && typeof child === "string") {
        const reason = unsafePatternReason(child);
        if (reason) return { pointer: at, reason };
      }
      if (!Array.isArray(value) && key === "patternProperties" && child !== null && typeof child === "object" && !Array.isArray(child)) {
        for (const name of Object.keys(child)) {
          const reason = unsafePatternReason(name);
          if (reason) return { pointer: `${at}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, reason };
        }
      }
      stack.push({ value: child, pointer: at });
    }
  }
  return undefined;
}

// Lint reports what normalize would repair by running normalize's own detectors (mojibake, the
// canonical value coercions) instead of a second set of rules that could drift from them.
// Pure formatting (key order, quoting, list style) is left to `posting normalize --check`.
import type { CanonicalChanges } from "../normalize/value-rules.js";
import type { Finding, FixBlocker } from "../findings.js";
import { NORMALIZE_BLOCKING_CODES } from "../findings.js";
import { finding } from "../messages.js";
import { findMojibake } from "../read/mojibake.js";
import type { LocatedFrontMatter } from "../read/posting.js";

/** Garbled runs reported one by one per file; past that, one finding counts the rest. */
export const MAX_MOJIBAKE_FINDINGS = 100;

export function mojibakeFindings(file: string, text: string): Finding[] {
  const repairs = findMojibake(text);
  const shown = repairs.slice(0, MAX_MOJIBAKE_FINDINGS);
  const findings = shown.map((r) => finding("ENCODING_MOJIBAKE", { file, line: r.line, column: r.column }, { found: r.found, repaired: r.repaired, via: r.via }));
  const next = repairs[MAX_MOJIBAKE_FINDINGS];
  if (next) {
    const more = repairs.length - MAX_MOJIBAKE_FINDINGS;
    findings.push(finding("ENCODING_MOJIBAKE", { file, line: next.line, column: next.column }, { found: next.found, repaired: next.repaired, via: next.via, more }));
  }
  return findings;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Findings for front matter values normalize would rewrite (`changes`, found by the same rules
 * normalize applies: value-rules.ts). Where validation already reported the same key, that
 * finding is marked fixable instead of adding a second one.
 */
export function frontMatterFixFindings(file: string, frontMatter: LocatedFrontMatter, changes: CanonicalChanges, existing: Finding[]): readonly Finding[] {
  // Hot path: most files have nothing normalize would rewrite.
  if (changes.values.length + changes.conflicts.length + changes.unsplit.length + changes.ambiguities.length === 0) return NO_FINDINGS;
  const out: Finding[] = [];
  const at = (offset: number, path: string) => ({ file, ...frontMatter.positionAt(offset), path });
  const reported = (path: string) => existing.filter((f) => f.path === path || f.path.startsWith(`${path}[`) || path.startsWith(`${f.path}[`));

  for (const v of changes.values) {
    const same = reported(v.key);
    if (same.length > 0) {
      for (const f of same) {
        f.fixable = true;
        if (!f.notes?.fix) f.notes = { ...f.notes, fix: { from: v.from, to: v.to } };
      }
      continue;
    }
    out.push(finding("NORMALIZE_VALUE", at(v.offset, v.key), { key: v.key, from: v.from, to: v.to, why: v.why }));
  }
  for (const c of changes.conflicts) {
    // The alias is already reported as an unknown key, but normalize cannot rename it here.
    for (const f of reported(c.alias)) {
      delete f.fixable;
      f.notes = { ...f.notes, aliasSetToo: { key: c.key } };
    }
    out.push(finding("ALIAS_CONFLICT", at(c.keyOffset, c.key), { alias: c.alias, key: c.key, aliasLine: frontMatter.positionAt(c.aliasOffset).line }));
  }
  for (const u of changes.unsplit) {
    // A list-only field already has its SCHEMA_TYPE finding, whose hint says as much.
    if (reported(u.key).length === 0) out.push(finding("COMMA_LIST_UNBALANCED", at(u.offset, u.key), { key: u.key }));
  }
  for (const a of changes.ambiguities) {
    const same = reported(a.key);
    if (same.length > 0) for (const f of same) f.notes = { ...f.notes, dateUnclear: { reason: a.reason } };
    else out.push(finding("DATE_AMBIGUOUS", at(a.offset, a.key), { key: a.key, reason: a.reason }));
  }
  return out;
}

export type { FixBlocker } from "../findings.js";

/**
 * "Fixable" is a promise that `posting normalize --write` keeps: in a file normalize leaves as it
 * is (a finding in NORMALIZE_BLOCKING_CODES, or `blocker`), nothing is fixable and the finding
 * records what stops the fix (the catalog says it in the hint).
 */
export function withdrawBlockedFixes(findings: Finding[], blocker?: FixBlocker): void {
  const code = findings.find((f) => NORMALIZE_BLOCKING_CODES.has(f.code))?.code;
  const why = code === undefined ? blocker : { code };
  if (why === undefined) return;
  for (const f of findings) {
    if (!f.fixable) continue;
    delete f.fixable;
    f.notes = { ...f.notes, blockedBy: why };
  }
}

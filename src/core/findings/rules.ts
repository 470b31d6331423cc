// The config's `rules`: a severity per finding code, or "off". Applied once, to a file's final
// findings (cross-file ones included), so the exit code, the totals and every reporter follow.
import { distance as levenshtein } from "fastest-levenshtein";
import { ConfigError } from "../errors.js";
import { FINDING_CODES } from "../findings.js";
import type { Finding, FindingCode, Severity } from "../findings.js";

export type RuleSetting = Severity | "off";
export type RuleSettings = Partial<Record<FindingCode, RuleSetting>>;

const KNOWN = new Set<string>(FINDING_CODES);

/** The `rules` of a config file (values already checked by the config schema); an unknown code is a ConfigError. */
export function checkRules(raw: Record<string, string>, file: string): RuleSettings {
  for (const code of Object.keys(raw)) {
    if (KNOWN.has(code)) continue;
    const suggestion = closestCode(code);
    const hint = suggestion ? `; did you mean ${suggestion}?` : " (the codes are listed in the README, Finding codes)";
    throw new ConfigError(`${file}: "rules/${code}" is not a finding code${hint}`, file, `rules/${code}`);
  }
  return raw as RuleSettings;
}

function closestCode(written: string): string | undefined {
  const upper = written.toUpperCase().replace(/[-\s]/g, "_");
  if (KNOWN.has(upper)) return upper;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(upper.length / 3)) + 1;
  for (const code of FINDING_CODES) {
    const d = levenshtein(upper, code);
    if (d < bestDistance) [best, bestDistance] = [code, d];
  }
  return best;
}

/** The findings with the config's severities: "off" ones dropped, the others given their setting. */
export function applyRules(findings: Finding[], rules: RuleSettings): Finding[] {
  let changed = false;
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = rules[f.code];
    if (setting === undefined || setting === f.severity) out.push(f);
    else {
      changed = true;
      if (setting !== "off") out.push({ ...f, severity: setting });
    }
  }
  return changed ? out : findings;
}

/** Whether the settings change anything (the hot path skips them otherwise). */
export function hasRules(rules: RuleSettings | undefined): rules is RuleSettings {
  return rules !== undefined && Object.keys(rules).length > 0;
}

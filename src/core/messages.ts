// Making a finding: its code, place and args. No words here: severity and fixability come from the
// code's rule (findings/codes.ts), the message and hint from a catalog at the edge (messages/).
import type { Finding, FindingCode, FindingDetails, ShownValue } from "./findings.js";
import { ruleOf } from "./findings.js";
import { capText } from "./sanitize.js";

export type { FindingDetails } from "./findings.js";

export interface Location {
  file: string;
  line: number;
  column: number;
  path?: string;
}

/** Build a finding: the only place one is made. */
export function finding<C extends FindingCode>(code: C, at: Location, details: FindingDetails[C]): Finding<C> {
  const rule = ruleOf(code, details);
  const result: Finding<C> = { code, severity: rule.severity, file: at.file, line: at.line, column: at.column, path: capText(at.path ?? ""), args: details };
  if (rule.fixable) result.fixable = true;
  return result;
}

/** A value as a message shows it: its type and, for scalars, the value itself (as data). */
export function shownValue(value: unknown): ShownValue {
  if (value === null || value === undefined) return { type: "empty" };
  // Capped here too, so findings kept in the cache stay small whatever the value.
  if (typeof value === "string") return { type: "text", text: capText(value) };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (typeof value === "number") return { type: "number", value };
  if (Array.isArray(value)) return { type: "list", length: value.length };
  return { type: "mapping" };
}

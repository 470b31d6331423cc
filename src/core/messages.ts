// Making a finding: its code, place and args. No words here: severity and fixability come from the
// code's rule (findings/codes.ts), the message and hint from a catalog at the edge (messages/).
import type { Finding, FindingCode, FindingDetails } from "./findings.js";
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

/** Describe a value for a message: its type in words and, for scalars, the value itself. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing (an empty value)";
  if (typeof value === "string") return `the text ${JSON.stringify(truncate(value))}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  return "a nested mapping";
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

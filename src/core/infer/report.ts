// What `posting init --infer` says: the rules it inferred and why, and what lint will flag with the
// new schema (the values that break a rule nearly all the others follow). The core words it as
// plain text; the command escapes it before printing (file contents are untrusted).
import type { ErrorObject } from "ajv/dist/2020.js";
import { fileNameProblem } from "../files/file-name.js";
import { capText } from "../sanitize.js";
import { foldForMatch } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";
import { suggestKey } from "../schema/validate.js";
import type { Flagged, InferPosting, InferReport, ReferenceFolder } from "./types.js";

export type { Flagged } from "./types.js";

/** Flags listed in the report (the count says how many there are in all). */
export const MAX_FLAGGED_SHOWN = 200;
/** Characters of a value quoted in the report. */
const MAX_SHOWN_VALUE = 60;

/** The inferred schema's verdict on each posting, as lint will give it (the schema's validator, file names, references). */
export function flaggedBySchema(
  postings: readonly InferPosting[],
  schema: PostingSchema,
  aliasOf: ReadonlyMap<string, string>,
  fileName: string | false,
  references: Readonly<Record<string, string>>,
  folders: readonly ReferenceFolder[],
): { items: Flagged[]; count: number; files: number } {
  const items: Flagged[] = [];
  let count = 0;
  let files = 0;
  for (const posting of postings) {
    const found: Flagged[] = [];
    if (!schema.validate(posting.data)) {
      for (const error of schema.validate.errors ?? []) {
        if (error.keyword === "if" || error.keyword === "anyOf" || error.keyword === "oneOf") continue;
        found.push({ file: posting.file, ...describeError(error, posting.data, schema, aliasOf) });
      }
    }
    if (fileName !== false) {
      const problem = fileNameProblem(posting.name, fileName);
      if (problem) found.push({ file: posting.file, problem: `file name: ${problem}` });
    }
    for (const [key, target] of Object.entries(references)) {
      const value = posting.data[key];
      const folder = folders.find((f) => target === `${f.path}/{value}${f.extension}`);
      if (typeof value === "string" && folder && !folder.names.has(value)) found.push({ file: posting.file, key, problem: `\`${key}\`: no ${target.replace("{value}", value)}` });
    }
    if (found.length > 0) files++;
    count += found.length;
    for (const f of found) if (items.length < MAX_FLAGGED_SHOWN) items.push(f);
  }
  return { items, count, files };
}

/** Rules the error budget may relax (`required:key`, `enum:key`, `format:key`, `pattern:key`) → the files each flags. */
export function filesByRule(postings: readonly InferPosting[], schema: PostingSchema): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const posting of postings) {
    if (schema.validate(posting.data)) continue;
    for (const error of schema.validate.errors ?? []) {
      const key = error.keyword === "required" ? String((error.params as { missingProperty: string }).missingProperty) : error.instancePath.split("/")[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
      if (key === undefined || !["required", "enum", "format", "pattern"].includes(error.keyword)) continue;
      // The key's own value or a list item's: the rules infer.ts writes at those two places.
      if (error.keyword !== "required" && !/^\/[^/]+(?:\/\d+)?$/.test(error.instancePath)) continue;
      const id = `${error.keyword}:${key}`;
      const files = out.get(id) ?? new Set<string>();
      files.add(posting.file);
      out.set(id, files);
    }
  }
  return out;
}

function describeError(error: ErrorObject, data: Record<string, unknown>, schema: PostingSchema, aliasOf: ReadonlyMap<string, string>): { key?: string; problem: string } {
  const path = error.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const key = path.join(".");
  const top = path[0];
  const value = shown(valueAt(data, path));
  switch (error.keyword) {
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { key: missing, problem: `\`${missing}\` is missing (required)` };
    }
    case "additionalProperties": {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const full = key === "" ? extra : `${key}.${extra}`;
      const canonical = key === "" ? aliasOf.get(extra) : undefined;
      if (canonical) return { key: full, problem: `\`${full}\`: an old spelling of \`${canonical}\` (normalize renames it)` };
      const suggestion = key === "" ? suggestKey(extra, schema) : undefined;
      return { key: full, problem: `\`${full}\`: unknown key${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}` };
    }
    case "enum": {
      const raw = valueAt(data, path);
      const field = top === undefined ? undefined : schema.fieldsByKey.get(top);
      const suggestion = typeof raw === "string" ? field?.synonyms.get(foldForMatch(raw)) : undefined;
      return { key, problem: `\`${key}\`: ${value} is not one of the values${suggestion ? ` (normalize writes ${JSON.stringify(suggestion)})` : ""}` };
    }
    case "type":
      return { key, problem: `\`${key}\`: ${value} is not ${String((error.params as { type: string | string[] }).type).split(",").join(" or ")}` };
    case "format":
      return { key, problem: `\`${key}\`: ${value} is not a valid ${String((error.params as { format: string }).format)}` };
    case "pattern": {
      const field = top === undefined ? undefined : schema.fieldsByKey.get(top);
      return { key, problem: `\`${key}\`: ${value} is not ${field?.patternDescription ?? "of the pattern"}` };
    }
    default:
      return { key, problem: `\`${key}\`: ${error.message ?? error.keyword}` };
  }
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const p of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, p)) return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return capText(JSON.stringify(value), MAX_SHOWN_VALUE);
}

/** The report as text (unescaped: the command escapes what it prints). */
export function reportText(report: InferReport): string {
  const lines: string[] = [];
  lines.push(`Inferred from ${report.postings} postings (labels and prompts in ${report.lang === "fr" ? "French" : "English"}: ${report.langWhy}).`);
  lines.push("");
  lines.push("Rules and why:");
  const byKey = new Map<string, string[]>();
  for (const r of report.rules) byKey.set(r.key, [...(byKey.get(r.key) ?? []), `    - ${r.rule}: ${r.why}`]);
  for (const [key, rules] of byKey) lines.push(`  ${key}`, ...rules);
  for (const limit of report.limits) lines.push(`  note: ${limit}`);
  lines.push("");
  if (report.flaggedCount === 0) lines.push("With this schema, lint will flag nothing in these postings.");
  else {
    lines.push(`With this schema, lint will flag ${report.flaggedCount} thing${report.flaggedCount > 1 ? "s" : ""} in ${report.flaggedFiles} of ${report.postings} files (values that break a rule the others follow):`);
    for (const f of report.flagged) lines.push(`  ${f.file}: ${f.problem}`);
    if (report.flaggedCount > report.flagged.length) lines.push(`  … and ${report.flaggedCount - report.flagged.length} more`);
  }
  return `${lines.join("\n")}\n`;
}

// What canonical.ts would print for front matter the simple reader read (simple-yaml.ts), for the
// plain cases only, without building a YAML document: `normalize --check` then answers
// "unchanged" for a canonical file at the cost of reading it. Anything this file is not sure of
// (quoted values of unknown keys, characters yaml escapes, `~`, empty lists) gives
// undefined, and the caller asks canonical.ts. test/normalize-check.test.ts holds the two to the
// same verdicts on every fixture and thousands of generated postings.
import { CANONICAL_BOOLEAN as BOOLEAN_SOURCE, CANONICAL_NUMBER as NUMBER_SOURCE, coreReadsAsNonText } from "../read/scalars.js";
import type { SimpleEntry, SimpleScalar, SimpleYaml } from "../read/simple-yaml.js";
import type { FieldSpec, PostingSchema } from "../schema/schema.js";
import { jekyllReadsPlainAsNonText } from "./value-rules.js";
import { hasUnsafeText } from "../sanitize.js";

// Text yaml prints between double quotes as it is: no quote, backslash, control character, line
// separator or character outside the Basic Multilingual Plane.
const PRINTED_AS_IS = /^[\x20-\x21\x23-\x5b\x5d-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufeff\uff00-\ufffd]*$/;

/** The canonical YAML of `simple` (what stringifyFrontMatter prints), or undefined when unsure. */
export function renderSimpleCanonical(simple: SimpleYaml, source: string, schema: PostingSchema): string | undefined {
  // yaml prints comments where they stand (after a value too): left to canonical.ts.
  if (simple.comments) return undefined;
  const lines: string[] = [];
  for (const entry of simple.entries) {
    const field = schema.fieldsByKey.get(entry.key);
    const value = entry.value;
    if ("items" in value) {
      if (value.items.length === 0) return undefined;
      lines.push(`${entry.key}:`);
      for (const item of value.items) {
        const text = scalarText(item, field, source);
        if (text === undefined) return undefined;
        lines.push(`  - ${text}`);
      }
      continue;
    }
    if (value.value === null) {
      // Written `key:`, as yaml prints an empty value; `~` or `null` keep their spelling there.
      if (sourceAfterKey(entry, source) !== "") return undefined;
      lines.push(`${entry.key}:`);
      continue;
    }
    const text = scalarText(value, field, source);
    if (text === undefined) return undefined;
    lines.push(`${entry.key}: ${text}`);
  }
  return `${lines.join("\n")}\n`;
}

/** How yaml prints one scalar in the canonical style (canonical.ts styleValue), or undefined. */
function scalarText(scalar: SimpleScalar, field: FieldSpec | undefined, source: string): string | undefined {
  const { value } = scalar;
  // Booleans and numbers keep their spelling: only the plain, usual ones are taken here.
  if (typeof value === "boolean" || typeof value === "number") {
    if (!scalar.plain) return undefined;
    const lineEnd = source.indexOf("\n", scalar.offset);
    const written = /^[^\s,\]]+/.exec(source.slice(scalar.offset, lineEnd === -1 ? source.length : lineEnd))?.[0] ?? "";
    if (typeof value === "boolean" ? !BOOLEAN_SOURCE.test(written) : !NUMBER_SOURCE.test(written) || Number(written) !== value) return undefined;
    return written;
  }
  if (typeof value !== "string") return undefined;
  // Control, bidi and invisible characters are printed as escapes: left to canonical.ts.
  if (hasUnsafeText(value)) return undefined;
  // yaml quotes a text its own schema would read as something else (`"09"`, `"0o17"`) whatever
  // style it is given: left to it.
  if (coreReadsAsNonText(value)) return undefined;
  // Values of keys the schema does not know keep their style; only plain ones are sure here.
  const needsQuotes = field ? value === "" || jekyllReadsPlainAsNonText(value, field) || value !== value.trim() : !scalar.plain;
  if (!needsQuotes) return scalar.plain ? value : PRINTED_AS_IS.test(value) && plainIsSafe(value) ? value : undefined;
  if (!field || !PRINTED_AS_IS.test(value)) return undefined;
  return `"${value}"`;
}

/** A text the simple reader would read back the same when written plain (yaml then prints it plain). */
function plainIsSafe(value: string): boolean {
  return /^[A-Za-z0-9\u00c0-\u024f]/.test(value) && !/[:#\[\]{},]|\s$/.test(value);
}

function sourceAfterKey(entry: SimpleEntry, source: string): string {
  const start = entry.offset + entry.key.length + 1;
  const end = source.indexOf("\n", start);
  return source.slice(start, end === -1 ? source.length : end).trim();
}

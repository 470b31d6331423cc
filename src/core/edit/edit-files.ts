// `posting set` and `posting close` over files, folders and globs: each file read once, selected by
// the filters of `posting list` (its reading: postingFrom, its query: matchesQuery), edited by the
// line editor (edit-text.ts) and, only when asked, rewritten by the one atomic writer. Returns data.
import { dirname } from "node:path";
import { discoverTargets } from "../files/targets.js";
import type { Discovery } from "../files/discovery.js";
import { readTarget } from "../files/read-target.js";
import { mapTargets } from "../files/run-files.js";
import { removeStaleTempFiles } from "../files/write.js";
import { rewriteRead } from "../files/rewrite.js";
import { phrasedError } from "../errors.js";
import type { Lang } from "../messages/lang.js";
import { NO_DATA_CODES } from "../findings.js";
import { buildQuery, matchesQuery } from "../list/list-query.js";
import type { ListQuery, ListQueryInput } from "../list/list-query.js";
import { postingFrom } from "../list/list.js";
import { readPosting } from "../read/read-posting.js";
import type { ParseOptions } from "../read/posting.js";
import { todayIso } from "../read/dates.js";
import { parseText, resolveKey } from "../scaffold/answers.js";
import { closeSpecOf } from "../schema/close.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";
import { suggestKey } from "../schema/validate.js";
import { editPosting } from "./edit-text.js";
import type { EditRequest, EditResult } from "./edit-text.js";

export type { EditRequest, EditResult, KeyChange } from "./edit-text.js";

export interface EditFilesOptions extends ParseOptions {
  cwd: string;
  schema?: PostingSchema;
  /** The filters of `posting list` (sort and limit are not filters: refused). */
  filters?: Omit<ListQueryInput, "sort" | "limit">;
  /** Rewrite the files that change (atomically). Default: false, nothing is written. */
  write?: boolean;
  /** What folder walks take: the config's extensions, ignore globs and .gitignore files (files/discovery.ts). */
  discovery?: Discovery;
}

/** What `set` was asked, as typed: `KEY=VALUE` texts, or values already typed; keys to remove. */
export interface SetInput {
  values?: readonly string[] | Record<string, unknown>;
  unset?: readonly string[];
  /** The language values are typed in (a date `05/06/2026` is day first in French, refused in English); English by default. */
  lang?: Lang;
}

/** `KEY=VALUE` texts (or a key → value object) typed by the schema; a UserError for an unknown key or a bad value. */
export function parseSetRequest(input: SetInput, schema: PostingSchema = loadSchema()): EditRequest {
  const values: [string, unknown][] = [];
  const pairs: [string, unknown][] = Array.isArray(input.values)
    ? (input.values as readonly string[]).map((text) => {
        const eq = text.indexOf("=");
        if (eq <= 0) throw phrasedError((p) => p.set.notKeyValue(text));
        return [text.slice(0, eq).trim(), text.slice(eq + 1)];
      })
    : Object.entries(input.values ?? {});
  for (const [key, raw] of pairs) {
    const field = resolveKey(key, schema);
    if (!field) {
      const suggestion = suggestKey(key, schema);
      throw phrasedError((p) => p.schemaHasNoKey(schema.source, key, suggestion));
    }
    if (values.some(([k]) => k === field.key)) throw phrasedError((p) => p.set.setTwice(field.key));
    const typedIn = input.lang ?? "en";
    const parsed = typeof raw === "string" ? parseText(field, raw, schema, typedIn) : { ok: true as const, value: raw };
    if (!parsed.ok) {
      // The reason in each language (the API's message is English, the CLI prints the run's): parsed again, on this error path only.
      const first = parsed.reason;
      const reasonIn = (lang: Lang): string => {
        if (lang === typedIn) return first;
        const again = parseText(field, String(raw), schema, lang);
        return again.ok ? first : again.reason;
      };
      throw phrasedError((p) => p.set.badValue(key, String(raw), reasonIn(p.lang)));
    }
    if (parsed.value === undefined) throw phrasedError((p) => p.set.emptyValue(key));
    values.push([field.key, parsed.value]);
  }
  // A key the schema does not know can be removed (what UNKNOWN_KEY asks for); it cannot be set.
  const unset = (input.unset ?? []).map((typed) => {
    const key = resolveKey(typed, schema)?.key ?? typed.trim();
    if (key === "") throw phrasedError((p) => p.set.unsetNoKey);
    if (values.some(([k]) => k === key)) throw phrasedError((p) => p.set.setAndUnset(key));
    return key;
  });
  if (values.length === 0 && unset.length === 0) throw phrasedError((p) => p.nothingToSet);
  return { values, unset };
}


/** `posting set`: the request applied to every selected file. */
export async function setPaths(inputs: readonly string[], request: EditRequest, options: EditFilesOptions): Promise<EditResult[]> {
  const schema = options.schema ?? loadSchema();
  return editPaths(inputs, () => request, buildQuery(options.filters ?? {}, schema), { ...options, schema });
}

/**
 * `posting close`: the schema's closing values (x-close, schema/close.ts) on every selected posting
 * that is not closed already (all its closing values in place); the closing date, when the schema
 * names one, is set to `now`'s day on the postings it closes.
 */
export async function closePaths(inputs: readonly string[], options: EditFilesOptions & { now?: Date }): Promise<EditResult[]> {
  const schema = options.schema ?? loadSchema();
  const spec = closeSpecOf(schema);
  const request: EditRequest = { values: [...spec.set, ...(spec.date !== undefined ? [[spec.date, todayIso(options.now ?? new Date())] as const] : [])], unset: [] };
  const closed: EditRequest = { values: [], unset: [] };
  return editPaths(inputs, (fields) => (spec.set.every(([k, v]) => fields[k] === v || JSON.stringify(fields[k]) === JSON.stringify(v)) ? closed : request), buildQuery(options.filters ?? {}, schema), { ...options, schema });
}

/** Whether any filter was given (close refuses to close everything by default). */
export function hasFilter(filters: Omit<ListQueryInput, "sort" | "limit">): boolean {
  return Boolean(filters.open || filters.closed || (filters.startup?.length ?? 0) > 0 || (filters.where?.length ?? 0) > 0 || filters.since !== undefined || filters.until !== undefined || filters.search !== undefined || filters.stale !== undefined);
}

async function editPaths(inputs: readonly string[], requestFor: (fields: Record<string, unknown>) => EditRequest, query: ListQuery, options: EditFilesOptions & { schema: PostingSchema }): Promise<EditResult[]> {
  const targets = await discoverTargets(inputs, options.cwd, { ...options.discovery });
  if (options.write) for (const folder of new Set(targets.map((t) => dirname(t.path)))) removeStaleTempFiles(folder);
  const parse = { ...(options.legacyEncoding !== undefined ? { legacyEncoding: options.legacyEncoding } : {}) };
  const results = await mapTargets(targets, async (target): Promise<EditResult | undefined> => {
    const read = await readTarget(target);
    if ("findings" in read) return { file: target.display, status: "refused", findings: read.findings };
    // The posting as `posting list` reads it, for the filters.
    const reading = readPosting(target.display, read.bytes, parse);
    const { parsed, frontMatter } = reading;
    const blocking = parsed.findings.filter((f) => NO_DATA_CODES.has(f.code));
    if (!frontMatter || blocking.length > 0) return { file: target.display, status: "refused", findings: blocking.length > 0 ? blocking : parsed.findings.filter((f) => f.severity === "error") };
    const posting = postingFrom(parsed, options.schema, frontMatter);
    if ("code" in posting) return { file: target.display, status: "refused", findings: posting.why ? [posting.why] : [] };
    if (!matchesQuery(posting, query)) return undefined;
    const request = requestFor(posting.fields);
    if (request.values.length === 0 && request.unset.length === 0) return { file: target.display, status: "unchanged", findings: [] };
    const result = editPosting(target.display, read.bytes, request, options.schema, reading);
    if (options.write && result.status === "changed") {
      const notWritten = await rewriteRead(target, read, result.output);
      if (notWritten) return { file: target.display, status: "refused", findings: [notWritten] };
    }
    return result;
  });
  return results.filter((r): r is EditResult => r !== undefined);
}

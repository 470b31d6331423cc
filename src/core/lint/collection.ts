// Cross-file checks, run after per-file linting over its results: file names, references to other
// files (a posting's startup must have a page) and duplicate postings. Only files inside the
// config's content folders and collections are concerned; a file linted from elsewhere is linted
// but not held to the collection's rules.
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { ResolvedConfig, ResolvedReference } from "../project/config.js";
import { collectionOf } from "../project/config.js";
import { dateInFileName, fileNameProblem, suggestFileName } from "./file-name.js";
import type { Finding } from "../findings.js";
import { compareFindings } from "../findings.js";
import type { FileResult } from "./lint.js";
import { finding } from "../messages.js";
import { parsePosting, positionOfPath } from "../read/posting.js";
import type { FrontMatter, ParseOptions } from "../read/posting.js";

export interface CollectionCheckOptions extends ParseOptions {
  cwd: string;
  config: Pick<ResolvedConfig, "collections" | "references" | "duplicates">;
  /** Bytes already in hand, by displayed file name (standard input): not read from disk. */
  bytes?: ReadonlyMap<string, Uint8Array>;
}

/** Codes that mean a file was not read: nothing to check across files. */
const UNREAD = new Set<Finding["code"]>(["FILE_UNREADABLE", "FILE_NOT_REGULAR"]);

/** Add the cross-file findings to per-file results (same order; findings sorted again). */
export async function checkCollections(results: readonly FileResult[], options: CollectionCheckOptions): Promise<FileResult[]> {
  const { config } = options;
  const extra = results.map((): Finding[] => []);
  const needsData = config.references.length > 0 || config.duplicates;
  const exists = existenceCache();
  const firstOf = new Map<string, string>();

  // The front matter is parsed again here rather than carried in the results, so per-file linting
  // (and its caching and workers) stays independent of these checks.
  const data = await mapLimited(results, async (result) => {
    if (!needsData || result.findings.some((f) => UNREAD.has(f.code))) return undefined;
    const path = resolve(options.cwd, result.file);
    if (!collectionOf(config, path)) return undefined;
    const bytes = options.bytes?.get(result.file) ?? (await readFile(path).catch(() => undefined));
    return bytes ? parsePosting(result.file, bytes, options).frontMatter : undefined;
  });

  // In input order: a duplicate is reported on the later file, naming the first.
  for (const [i, result] of results.entries()) {
    if (result.findings.some((f) => UNREAD.has(f.code))) continue;
    const path = resolve(options.cwd, result.file);
    const collection = collectionOf(config, path);
    if (!collection) continue;
    const out = extra[i]!;
    const name = basename(result.file);
    if (collection.fileName !== false) {
      const reason = fileNameProblem(name, collection.fileName);
      if (reason) {
        const suggestion = suggestFileName(name, collection.fileName);
        out.push(finding("FILE_NAME_PATTERN", { file: result.file, line: 1, column: 1 }, { name, pattern: collection.fileName, reason, ...(suggestion ? { suggestion } : {}) }));
      }
    }
    const frontMatter = data[i];
    if (!frontMatter?.data) continue;
    for (const reference of config.references) out.push(...(await referenceFindings(result.file, frontMatter, reference, exists)));
    if (config.duplicates) {
      const key = duplicateKey(frontMatter.data, name, collection.fileName);
      if (!key) continue;
      const first = firstOf.get(key.id);
      if (first === undefined) firstOf.set(key.id, result.file);
      else out.push(finding("DUPLICATE_POSTING", { file: result.file, ...positionOfPath(frontMatter, ["roles"]), path: "roles" }, { other: first, ...key.shown }));
    }
  }
  return results.map((r, i) => (extra[i]!.length === 0 ? r : { ...r, findings: [...r.findings, ...extra[i]!].sort(compareFindings) }));
}

// A value becomes one path segment: nothing that could climb out of the folder or name another one.
const SAFE_SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/;

async function referenceFindings(file: string, frontMatter: FrontMatter, reference: ResolvedReference, exists: (path: string) => Promise<boolean>): Promise<Finding[]> {
  const value = frontMatter.data?.[reference.key];
  const items: [string, (string | number)[]][] =
    typeof value === "string"
      ? [[value, [reference.key]]]
      : Array.isArray(value)
        ? value.flatMap((v, i): [string, (string | number)[]][] => (typeof v === "string" ? [[v, [reference.key, i]]] : []))
        : [];
  const findings: Finding[] = [];
  for (const [text, path] of items) {
    if (text.trim() === "") continue; // an empty value is the schema's business
    const expected = reference.written.replaceAll("{value}", text);
    const at = { file, ...positionOfPath(frontMatter, path), path: path.join("/") };
    const key = path.join("/");
    if (!SAFE_SEGMENT.test(text)) {
      findings.push(finding("REFERENCE_MISSING", at, { key, value: text, expected: reference.written, reason: "it cannot name a file (it contains / or \\, or is . or ..)" }));
    } else if (!(await exists(reference.template.replaceAll("{value}", text)))) {
      findings.push(finding("REFERENCE_MISSING", at, { key, value: text, expected }));
    }
  }
  return findings;
}

function existenceCache(): (path: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (path) => {
    let result = known.get(path);
    if (!result) {
      result = stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
      known.set(path, result);
    }
    return result;
  };
}

/** Same startup, same roles (case, accents' composition and spacing aside), same date. */
function duplicateKey(data: Record<string, unknown>, name: string, pattern: string | false): { id: string; shown: { startup: string; roles: string; date: string } } | undefined {
  const { startup, roles } = data;
  if (typeof startup !== "string" || typeof roles !== "string" || startup.trim() === "" || roles.trim() === "") return undefined;
  const date = dateOf(data.date) ?? dateInFileName(name, pattern === false ? "YYYY-MM-DD-slug.md" : pattern) ?? /^\d{4}-\d{2}-\d{2}/.exec(name)?.[0];
  if (!date) return undefined;
  const fold = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return { id: [fold(startup), fold(roles), date].join("\0"), shown: { startup, roles, date } };
}

function dateOf(value: unknown): string | undefined {
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** Map with at most `limit` calls in flight (file reads: stay well under the open-file limit). */
async function mapLimited<T, U>(items: readonly T[], fn: (item: T) => Promise<U>, limit = 32): Promise<U[]> {
  const out = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

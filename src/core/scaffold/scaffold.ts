// `posting new` without the prompts: answers in, a posting out (front matter data, a file name that
// cannot leave its folder, a body from a template), plus a write that never overwrites by accident.
// Nothing here prints; the file system is touched only by the two functions that say so.
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { writeNewFileAtomic } from "../files/write.js";
import { dayOf, todayIso } from "../read/dates.js";
import { UserError } from "../errors.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";
import { packagePath } from "../paths.js";
import { MAX_TEMPLATE_BYTES, readBounded } from "../files/read-bounded.js";
import { FALLBACK_SLUG, slugify } from "../words/slug.js";

export { LANGS, type Lang } from "../messages/lang.js";
import type { Lang } from "../messages/lang.js";

export { SLUG_MAX_LENGTH, slugify } from "../words/slug.js";

/**
 * `YYYY-MM-DD-slug.md` from the posting's date (`x-role: "date"`, else today) and the first of its
 * words that gives a slug: the `x-search` keys (title, else roles), else the default list columns.
 */
export function postingFileName(data: Record<string, unknown>, today: string = todayIso(), schema: PostingSchema = loadSchema()): string {
  const { keys, search, columns } = schema.roles;
  const date = (keys.date !== undefined ? dayOf(data[keys.date]) : undefined) ?? today;
  const candidates = (search ?? columns.map((c) => c.key)).map((k) => data[k]).filter((v): v is string => typeof v === "string");
  const slug = candidates.map((c) => slugify(c)).find((s) => s !== "") ?? FALLBACK_SLUG;
  return `${date}-${slug}.md`;
}

const SAFE_FILE_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** Join a generated file name to its folder, refusing anything that could land elsewhere. */
export function safeJoin(folder: string, fileName: string): string {
  if (!SAFE_FILE_NAME.test(fileName) || fileName !== basename(fileName)) {
    throw new UserError(`refusing to write the unsafe file name ${JSON.stringify(fileName)}`);
  }
  const root = resolve(folder);
  const target = resolve(root, fileName);
  const rel = relative(root, target);
  if (rel !== fileName || isAbsolute(rel) || rel.startsWith("..") || rel.includes(sep) || dirname(target) !== root) {
    throw new UserError(`refusing to write ${JSON.stringify(fileName)} outside ${root}`);
  }
  return target;
}

// ---------------------------------------------------------------------------------------------
// Body template

export const BUNDLED_TEMPLATES_DIR = `${packagePath("templates")}/`;

export function bundledTemplatePath(lang: Lang): string {
  return join(BUNDLED_TEMPLATES_DIR, `posting.${lang}.md`);
}

/** Read a body template: UTF-8, BOM dropped, LF line endings (so the file lints clean). */
export async function readTemplate(path: string): Promise<string> {
  let text: string;
  try {
    text = readBounded(path, MAX_TEMPLATE_BYTES).toString("utf8");
  } catch (error) {
    throw new UserError(`cannot read the template ${path}: ${(error as Error).message}`);
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Fill `{{key}}` and `{{key|text if empty}}` placeholders with answers (lists joined with commas);
 * a key with no answer gives the fallback text, else nothing. The result is Markdown the recruiter
 * edits, never evaluated.
 */
export function renderBody(template: string, data: Record<string, unknown>): string {
  const body = template.replace(/\{\{\s*([A-Za-z_]\w*)\s*(?:\|([^}]*))?\}\}/g, (_, key: string, fallback: string | undefined) => {
    const text = placeholderText(data[key]);
    return text !== "" ? text : (fallback ?? "");
  });
  const trimmed = body.replace(/^\n+/, "").replace(/\s+$/, "");
  return `\n${trimmed}\n`;
}

function placeholderText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value).replace(/[\u0000-\u001F\u007F-\u009F]/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Assembling the posting

export interface ScaffoldResult {
  /** Front matter data, keys in schema order. */
  data: Record<string, unknown>;
  fileName: string;
  body: string;
}

/** Keys in schema order, empty answers dropped. */
export function orderedData(answers: Record<string, unknown>, schema: PostingSchema): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of schema.fields) {
    // Own keys only: a field named `constructor` must not pick up Object.prototype's.
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    data[field.key] = value;
  }
  return data;
}

export function scaffold(answers: Record<string, unknown>, schema: PostingSchema, template: string, today: string = todayIso()): ScaffoldResult {
  const data = orderedData(answers, schema);
  return { data, fileName: postingFileName(data, today, schema), body: renderBody(template, data) };
}

/** The whole file: `---`, the front matter YAML, `---`, the body. */
export function postingText(frontMatterYaml: string, body: string): string {
  const yaml = frontMatterYaml.endsWith("\n") ? frontMatterYaml : `${frontMatterYaml}\n`;
  return `---\n${yaml}---\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Writing

export { FileExistsError } from "../files/write.js";

/**
 * Write `text` to `path` with the one atomic writer (files/write.ts): never over an existing
 * file unless `overwrite`; creates the folder if needed.
 */
export async function writeNewFile(path: string, text: string, options: { overwrite?: boolean; mode?: number } = {}): Promise<void> {
  await writeNewFileAtomic(path, Buffer.from(text, "utf8"), options);
}

/** The folder postings are written to: `--dir`, else the first content folder (a glob's fixed part). */
export function outputFolder(cwd: string, dirFlag: string | undefined, content: readonly string[]): string | undefined {
  if (dirFlag !== undefined) return resolve(cwd, dirFlag);
  const first = content[0];
  if (first === undefined) return undefined;
  const parts = first.split(/[\\/]/);
  const magic = parts.findIndex((p) => /[*?[\]{}!]/.test(p));
  const fixed = magic === -1 ? first : parts.slice(0, magic).join("/") || "/";
  return resolve(cwd, fixed);
}

// A Decap (Netlify) CMS `admin/config.yml`: the collection's fields (names, labels, widgets, select
// options, required), the starting point of `posting init --infer`. The file is untrusted data:
// read bounded, parsed as YAML without custom tags and with few aliases, and every value checked.
import { join } from "node:path";
import { parse } from "yaml";
import { MAX_CONFIG_BYTES, readBounded, ReadRefusedError } from "../files/read-bounded.js";

/** Where Decap's config is found, from the site's folder. */
export const CMS_CONFIG_PATHS = ["admin/config.yml", "static/admin/config.yml", "public/admin/config.yml", "admin/config.yaml", "static/admin/config.yaml", "public/admin/config.yaml"];

const MAX_FIELDS = 200;
const MAX_OPTIONS = 100;
const MAX_TEXT = 200;

export interface CmsField {
  name: string;
  label?: string;
  widget: string;
  /** Decap's default is true. */
  required: boolean;
  /** Select options (their values). */
  options?: string[];
  /** A select of several values. */
  multiple?: boolean;
  /** Number widget: `value_type: int`. */
  integer?: boolean;
  default?: unknown;
}

export interface CmsCollection {
  /** The config file, relative to the site's folder. */
  file: string;
  name: string;
  label?: string;
  /** The collection's folder, relative to the site (no leading or trailing slash). */
  folder: string;
  /** Decap's file name template (`{{year}}-{{month}}-{{day}}-{{slug}}`). */
  slug?: string;
  fields: CmsField[];
}

export class CmsConfigError extends Error {}

/** The CMS config's collection for `content` (else its only folder collection), or undefined when there is none. */
export function readCmsCollection(cwd: string, content: string | undefined): CmsCollection | undefined {
  for (const file of CMS_CONFIG_PATHS) {
    let text: string;
    try {
      text = readBounded(join(cwd, file), MAX_CONFIG_BYTES, { noFollow: true }).toString("utf8");
    } catch (error) {
      if (error instanceof ReadRefusedError && error.reason === "missing") continue;
      throw new CmsConfigError(`${file}: ${(error as Error).message}`);
    }
    return cmsCollectionOf(text, file, content);
  }
  return undefined;
}

/** The collection of a config's text (see readCmsCollection). */
export function cmsCollectionOf(text: string, file: string, content: string | undefined): CmsCollection | undefined {
  let config: unknown;
  try {
    config = parse(text, { maxAliasCount: 50, customTags: [], uniqueKeys: false });
  } catch (error) {
    throw new CmsConfigError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const collections = isRecord(config) && Array.isArray(config.collections) ? config.collections.filter(isRecord) : [];
  const folders = collections.filter((c) => typeof c.folder === "string" && Array.isArray(c.fields));
  const wanted = content === undefined ? undefined : trimSlashes(content);
  const chosen = folders.find((c) => trimSlashes(String(c.folder)) === wanted) ?? (folders.length === 1 || wanted === undefined ? folders[0] : undefined);
  if (!chosen) return undefined;
  const collection: CmsCollection = {
    file,
    name: text200(chosen.name) ?? "posting",
    folder: trimSlashes(String(chosen.folder)),
    fields: (chosen.fields as unknown[]).filter(isRecord).slice(0, MAX_FIELDS).flatMap(fieldOf),
  };
  const label = text200(chosen.label);
  if (label) collection.label = label;
  const slug = text200(chosen.slug);
  if (slug) collection.slug = slug;
  return collection;
}

function fieldOf(raw: Record<string, unknown>): CmsField[] {
  const name = text200(raw.name);
  // The body is the Markdown after the front matter, not a key.
  if (!name || name === "body") return [];
  const field: CmsField = { name, widget: text200(raw.widget) ?? "string", required: raw.required !== false };
  const label = text200(raw.label);
  if (label) field.label = label;
  if (Array.isArray(raw.options)) {
    field.options = raw.options
      .slice(0, MAX_OPTIONS)
      .map((o) => (isRecord(o) ? o.value : o))
      .filter((o): o is string | number => typeof o === "string" || typeof o === "number")
      .map(String);
  }
  if (raw.multiple === true) field.multiple = true;
  if (raw.value_type === "int") field.integer = true;
  if ("default" in raw && (typeof raw.default !== "object" || raw.default === null)) field.default = raw.default;
  return [field];
}

/** The file name pattern of a Decap slug template, when it is one posting knows. */
export function fileNameOfSlug(slug: string | undefined): string | undefined {
  if (slug === undefined) return undefined;
  const compact = slug.replace(/\s+/g, "");
  if (compact === "{{year}}-{{month}}-{{day}}-{{slug}}") return "YYYY-MM-DD-slug.md";
  if (compact === "{{slug}}") return "slug.md";
  return undefined;
}

function trimSlashes(path: string): string {
  return path.replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

function text200(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.slice(0, MAX_TEXT) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

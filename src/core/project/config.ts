// One config resolver for every command: defaults < config file < flags. The file is found by
// walking up from the current folder and validated against schemas/config.schema.json, so a typo
// fails with the file, the key and the reason instead of being ignored.
import { existsSync, lstatSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { DEFAULT_LEGACY_ENCODING, isKnownEncoding } from "../read/encoding.js";
import { phrasedConfigError } from "../errors.js";
import type { ConfigValueProblem } from "../messages/phrases.js";
import { enPhrases } from "../messages/phrases-en.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { createAjv } from "../schema/ajv.js";
import { precompiledConfigValidator } from "../schema/precompiled.js";
import { BUNDLED_SCHEMA_PATH, isObject } from "../schema/schema.js";
import { packagePath } from "../paths.js";
import { MAX_CONFIG_BYTES, parseJsonText, readBounded, ReadRefusedError } from "../files/read-bounded.js";
import { checkRules } from "../findings/rules.js";
import type { RuleSettings } from "../findings/rules.js";
import type { Lang } from "../messages/lang.js";

export const CONFIG_FILE_NAME = "posting.config.json";
const CONFIG_SCHEMA_PATH = packagePath("schemas", "config.schema.json");

export interface ConfigFlags {
  /** Explicit config file (`--config`). */
  config?: string;
  /** `--schema` */
  schema?: string;
  /** `--from-encoding` / legacy encoding override. */
  encoding?: string;
  template?: string;
}

export interface ResolvedConfig {
  /** Config file used, if any. */
  file: string | undefined;
  /** Folder relative paths are resolved against (the config file's folder, else cwd). */
  root: string;
  /** Content folders or globs from the config (absolute paths or globs relative to root). */
  content: string[];
  schemaPath: string;
  template: string | undefined;
  encoding: string;
  /** Folders checked as collections: their own schema, file names, references, duplicates. */
  collections: ResolvedCollection[];
  /** Keys whose values name a file that must exist. */
  references: ResolvedReference[];
  /** Report postings with the same startup, roles and date. */
  duplicates: boolean;
  /** Extensions folder walks read as postings (`.md` by default). */
  extensions: string[];
  /** Severities set by the config (`"off"`: not reported), by finding code. */
  rules: RuleSettings;
  /** Globs (relative to `root`) that folder walks and glob expansion never read. */
  ignore: string[];
  /** What `posting normalize` changes by default (`--canonical` asks for "canonical"). */
  normalizeStyle: "minimal" | "canonical";
  /** The config's "lang", when set (core/messages/lang.ts resolveLang weighs it against --lang and the locale). */
  lang: Lang | undefined;
}

export interface ResolvedCollection {
  /** Absolute folder. */
  path: string;
  schemaPath: string;
  /** File name pattern (YYYY, MM, DD, slug), or false for no check. */
  fileName: string | false;
}

export interface ResolvedReference {
  key: string;
  /** Absolute path with `{value}` standing for the key's value. */
  template: string;
  /** The template as written in the config, for messages. */
  written: string;
}

export const DEFAULT_FILE_NAME_PATTERN = "YYYY-MM-DD-slug.md";
export const DEFAULT_EXTENSIONS: readonly string[] = [".md"];

interface RawCollection {
  path: string;
  schema?: string;
  fileName?: string | false;
}

interface RawConfig {
  content?: string | string[];
  schema?: string;
  template?: string;
  encoding?: string;
  fileName?: string | false;
  collections?: RawCollection[];
  references?: Record<string, string>;
  duplicates?: boolean;
  extensions?: string[];
  rules?: Record<string, string>;
  ignore?: string[];
  normalize?: { style?: "minimal" | "canonical" };
  lang?: Lang;
}

/**
 * A content entry as an absolute path (it may already be one). A glob keeps its pattern, with the
 * config's own folder escaped so that `[1]` or `(copy)` in that folder's name stays literal.
 */
function contentPath(root: string, entry: string): string {
  if (isAbsolute(entry)) return entry;
  if (!/[*?[\]{}]/.test(entry)) return resolve(root, entry);
  return `${root.replace(/[()[\]{}*?!+@\\]/g, "\\$&")}/${entry}`;
}

export function unknownEncodingMessage(name: string): string {
  return enPhrases.config.unknownEncoding(name);
}

export async function loadConfig(cwd: string, flags: ConfigFlags = {}): Promise<ResolvedConfig> {
  const found = flags.config ? await readConfigFile(resolve(cwd, flags.config), true) : await findConfig(cwd);
  const raw: RawConfig = found?.raw ?? {};
  const root = found ? dirname(found.file) : cwd;
  const collectionPaths = (raw.collections ?? []).map((c) => c.path);
  const content = raw.content === undefined ? collectionPaths : Array.isArray(raw.content) ? raw.content : [raw.content];
  const encoding = flags.encoding ?? raw.encoding ?? DEFAULT_LEGACY_ENCODING;
  if (!isKnownEncoding(encoding)) {
    const flag = flags.encoding;
    if (flag) throw phrasedConfigError((p) => p.config.unknownEncoding(flag));
    throw phrasedConfigError((p) => p.config.unknownEncodingIn(String(found?.file), encoding), found?.file, "encoding");
  }
  const schemaPath = flags.schema ? resolve(cwd, flags.schema) : raw.schema ? resolve(root, raw.schema) : BUNDLED_SCHEMA_PATH;
  return {
    file: found?.file,
    root,
    content: content.map((c) => contentPath(root, c)),
    schemaPath,
    template: flags.template ? resolve(cwd, flags.template) : raw.template ? resolve(root, raw.template) : undefined,
    encoding,
    collections: found ? await resolveCollections(raw, content, root, schemaPath, flags, found.file) : [],
    references: Object.entries(raw.references ?? {}).map(([key, written]) => ({ key, template: resolve(root, written), written })),
    duplicates: raw.duplicates ?? true,
    extensions: raw.extensions ?? [...DEFAULT_EXTENSIONS],
    rules: found ? checkRules(raw.rules ?? {}, found.file) : {},
    ignore: raw.ignore ?? [],
    normalizeStyle: raw.normalize?.style ?? "minimal",
    lang: raw.lang,
  };
}

// Explicit collections first (most specific path wins when they nest), then each content folder
// not already one: it is checked with the top-level schema and file name pattern.
async function resolveCollections(raw: RawConfig, content: readonly string[], root: string, schemaPath: string, flags: ConfigFlags, file: string): Promise<ResolvedCollection[]> {
  const fileName = raw.fileName ?? DEFAULT_FILE_NAME_PATTERN;
  const collections: ResolvedCollection[] = [];
  for (const [i, c] of (raw.collections ?? []).entries()) {
    let own = schemaPath;
    if (c.schema && !flags.schema) {
      own = resolve(root, c.schema);
      if (!(await isFile(own))) throw phrasedConfigError((p) => p.config.noSchemaFile(file, `collections/${i}/schema`, own), file, `collections/${i}/schema`);
    }
    collections.push({ path: resolve(root, c.path), schemaPath: own, fileName: c.fileName ?? fileName });
  }
  for (const entry of content) {
    const folder = resolve(root, staticPrefix(entry));
    if (!collections.some((c) => c.path === folder)) collections.push({ path: folder, schemaPath, fileName });
  }
  return collections.sort((a, b) => b.path.length - a.path.length);
}

/** The folder part of a content entry before any glob character ("content/_jobs/**\/*.md" → "content/_jobs"). */
function staticPrefix(entry: string): string {
  const parts = entry.split(/[\\/]/);
  const firstGlob = parts.findIndex((part) => /[*?[\]{}]/.test(part));
  return firstGlob === -1 ? entry : parts.slice(0, firstGlob).join("/") || ".";
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The collection a file belongs to (the most specific one), if any. */
export function collectionOf(config: Pick<ResolvedConfig, "collections">, absolutePath: string): ResolvedCollection | undefined {
  return config.collections.find((c) => absolutePath.startsWith(c.path.endsWith(sep) ? c.path : c.path + sep));
}

async function findConfig(cwd: string): Promise<{ file: string; raw: RawConfig } | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    const own = await readConfigFile(join(dir, CONFIG_FILE_NAME), false);
    if (own) return own;
    const fromPackage = await readPackageKey(join(dir, "package.json"));
    if (fromPackage) return fromPackage;
    // Never above the repository: a parent's config is not this project's (nor trusted by it).
    if (isRepositoryRoot(dir)) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The config's "lang", read before the command line is parsed (for the help and commander's
 * errors, which come before any command loads the config): the file `-c` names, else the one
 * found from `cwd` up, as loadConfig finds it. Never throws: a config it cannot read says nothing.
 */
export function peekConfigLang(cwd: string, configFlag: string | undefined): string | undefined {
  /** The config object of `file` (its "posting" key in a package.json), if it has one. */
  const configIn = (file: string, inPackage: boolean): Record<string, unknown> | undefined => {
    try {
      const parsed = parseJsonText(readBounded(file, MAX_CONFIG_BYTES).toString("utf8"));
      const raw = parsed.ok && inPackage && isObject(parsed.value) ? parsed.value.posting : parsed.ok ? parsed.value : undefined;
      return isObject(raw) ? raw : undefined;
    } catch {
      return undefined;
    }
  };
  const langIn = (raw: Record<string, unknown> | undefined) => (typeof raw?.lang === "string" ? raw.lang : undefined);
  if (configFlag) return langIn(configIn(resolve(cwd, configFlag), false));
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, CONFIG_FILE_NAME);
    if (existsSync(own)) return langIn(configIn(own, false));
    const fromPackage = existsSync(join(dir, "package.json")) ? configIn(join(dir, "package.json"), true) : undefined;
    if (fromPackage) return langIn(fromPackage);
    if (isRepositoryRoot(dir)) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A folder holding `.git` (a folder, or a file in a worktree or submodule). */
function isRepositoryRoot(dir: string): boolean {
  try {
    lstatSync(join(dir, ".git"));
    return true;
  } catch {
    return false;
  }
}

async function readConfigFile(file: string, mustExist: boolean): Promise<{ file: string; raw: RawConfig } | undefined> {
  let text: string;
  try {
    text = readBounded(file, MAX_CONFIG_BYTES).toString("utf8");
  } catch (error) {
    if (!mustExist && error instanceof ReadRefusedError && error.reason === "missing") return undefined;
    const detail = (error as Error).message;
    throw phrasedConfigError((p) => p.config.unreadable(file, detail), file);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const at = parsed.where;
    throw phrasedConfigError((p) => p.config.notJson(file, at), file);
  }
  return { file, raw: await checkConfig(parsed.value, file) };
}

async function readPackageKey(file: string): Promise<{ file: string; raw: RawConfig } | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(readBounded(file, MAX_CONFIG_BYTES).toString("utf8"));
  } catch {
    return undefined; // a broken package.json is npm's business, not ours
  }
  if (!isObject(json) || !("posting" in json)) return undefined;
  return { file, raw: await checkConfig(json.posting, `${file} ("posting" key)`) };
}

// ajv words a failed pattern as the regular expression itself; these say what is expected instead.
const PATTERN_REASONS: [RegExp, ConfigValueProblem["kind"]][] = [
  [/^(?:collections\/\d+\/)?fileName$/, "file-name"],
  [/^references\//, "reference"],
  [/^extensions\/\d+$/, "extension"],
  [/^rules\//, "rule"],
];

let validateConfig: ValidateFunction | undefined;
/** The top-level settings, from the config schema itself (so a new one is never missing from the message). */
let knownSettings = "";

async function checkConfig(json: unknown, where: string): Promise<RawConfig> {
  if (!validateConfig) {
    const text = await readFile(CONFIG_SCHEMA_PATH, "utf8");
    validateConfig = precompiledConfigValidator(text) ?? createAjv().compile(JSON.parse(text) as object);
    const properties = (JSON.parse(text) as { properties?: Record<string, unknown> }).properties ?? {};
    knownSettings = Object.keys(properties).filter((key) => key !== "$schema").join(", ");
  }
  if (validateConfig(json)) return json as RawConfig;
  const error = (validateConfig.errors ?? [])[0];
  const params = (error?.params ?? {}) as { additionalProperty?: string };
  const at = error?.instancePath.replace(/^\//, "") ?? "";
  const key = params.additionalProperty !== undefined ? [at, params.additionalProperty].filter(Boolean).join("/") : at || "(top level)";
  const known = at === "" ? knownSettings : /^collections\/\d+$/.test(at) ? "path, schema, fileName" : "";
  if (params.additionalProperty !== undefined) throw phrasedConfigError((p) => p.config.unknownSetting(where, key, known), where, key);
  const shape = PATTERN_REASONS.find(([pattern]) => pattern.test(at))?.[1];
  const type = (error?.params as { type?: unknown } | undefined)?.type;
  const what: ConfigValueProblem =
    shape && shape !== "schema" ? { kind: shape } : { kind: "schema", keyword: error?.keyword ?? "", ...(typeof type === "string" ? { type } : {}), ...(error?.message ? { message: error.message } : {}) };
  throw phrasedConfigError((p) => p.config.badValue(where, key, what), where, key);
}

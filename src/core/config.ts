// One config resolver for every command: defaults < config file < flags. The file is found by
// walking up from the current folder and validated against schemas/config.schema.json, so a typo
// fails with the file, the key and the reason instead of being ignored.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_LEGACY_ENCODING, isKnownEncoding } from "./encoding.js";
import { ConfigError } from "./errors.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { createAjv } from "./ajv.js";
import { precompiledConfigValidator } from "./precompiled.js";
import { BUNDLED_SCHEMA_PATH, isObject } from "./schema.js";

export const CONFIG_FILE_NAME = "posting.config.json";
const CONFIG_SCHEMA_PATH = fileURLToPath(new URL("../../schemas/config.schema.json", import.meta.url));

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
}

interface RawConfig {
  content?: string | string[];
  schema?: string;
  template?: string;
  encoding?: string;
}

export async function loadConfig(cwd: string, flags: ConfigFlags = {}): Promise<ResolvedConfig> {
  const found = flags.config ? await readConfigFile(resolve(cwd, flags.config), true) : await findConfig(cwd);
  const raw: RawConfig = found?.raw ?? {};
  const root = found ? dirname(found.file) : cwd;
  const content = raw.content === undefined ? [] : Array.isArray(raw.content) ? raw.content : [raw.content];
  const encoding = flags.encoding ?? raw.encoding ?? DEFAULT_LEGACY_ENCODING;
  if (!isKnownEncoding(encoding)) {
    if (flags.encoding) throw new ConfigError(`unknown encoding "${flags.encoding}" (try windows-1252, latin1, utf-16le)`);
    throw new ConfigError(`${found?.file}: "encoding": unknown encoding "${encoding}"`, found?.file, "encoding");
  }
  return {
    file: found?.file,
    root,
    content: content.map((c) => join(root, c)),
    schemaPath: flags.schema ? resolve(cwd, flags.schema) : raw.schema ? resolve(root, raw.schema) : BUNDLED_SCHEMA_PATH,
    template: flags.template ? resolve(cwd, flags.template) : raw.template ? resolve(root, raw.template) : undefined,
    encoding,
  };
}

async function findConfig(cwd: string): Promise<{ file: string; raw: RawConfig } | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    const own = await readConfigFile(join(dir, CONFIG_FILE_NAME), false);
    if (own) return own;
    const fromPackage = await readPackageKey(join(dir, "package.json"));
    if (fromPackage) return fromPackage;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function readConfigFile(file: string, mustExist: boolean): Promise<{ file: string; raw: RawConfig } | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!mustExist && (code === "ENOENT" || code === "ENOTDIR")) return undefined;
    throw new ConfigError(`cannot read the config file ${file}: ${(error as Error).message}`, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  return { file, raw: await checkConfig(json, file) };
}

async function readPackageKey(file: string): Promise<{ file: string; raw: RawConfig } | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined; // a broken package.json is npm's business, not ours
  }
  if (!isObject(json) || !("posting" in json)) return undefined;
  return { file, raw: await checkConfig(json.posting, `${file} ("posting" key)`) };
}

let validateConfig: ValidateFunction | undefined;

async function checkConfig(json: unknown, where: string): Promise<RawConfig> {
  if (!validateConfig) {
    const text = await readFile(CONFIG_SCHEMA_PATH, "utf8");
    validateConfig = precompiledConfigValidator(text) ?? createAjv().compile(JSON.parse(text) as object);
  }
  if (validateConfig(json)) return json as RawConfig;
  const error = (validateConfig.errors ?? [])[0];
  const params = (error?.params ?? {}) as { additionalProperty?: string };
  const key = params.additionalProperty ?? (error?.instancePath.replace(/^\//, "") || "(top level)");
  const reason = params.additionalProperty ? "is not a known setting (known: content, schema, template, encoding)" : (error?.message ?? "is invalid");
  throw new ConfigError(`${where}: "${key}" ${reason}`, where, key);
}

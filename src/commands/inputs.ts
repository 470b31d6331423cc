// What the command line asks to read: the paths given (else the config's content folders), and
// the `--cache` file the run uses.
import { lstatSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../core/errors.js";
import type { FileCache } from "../core/files/cache.js";
import type { ResolvedConfig } from "../core/project/config.js";
import type { CliIO } from "../io.js";
import { postingsDiscoveryOf } from "../core/files/discovery.js";
import type { Discovery } from "../core/files/discovery.js";
import { escapeInline } from "../core/sanitize.js";
import { catalogFor, resolveLang } from "../core/messages/lang.js";
import type { Catalog } from "../core/messages/types.js";
import type { IgnoredVerb, Phrases } from "../core/messages/phrases.js";
import { enPhrases } from "../core/messages/phrases-en.js";

/** The inputs to use: the arguments, else the config's content folders. */
export function resolveInputs(args: readonly string[], config: ResolvedConfig): string[] | undefined {
  if (args.length > 0) return [...args];
  if (config.content.length > 0) return config.content;
  return undefined;
}

/**
 * The cache at `--cache-location` (a folder gets .posting-cache inside it). The run key: what
 * changes every file's results besides its bytes, its schema and the task's options (checked per
 * file); the same for every command, so lint and normalize --check share one file.
 */
export async function openCache(cacheLocation: string | undefined, config: ResolvedConfig, { cwd, env }: CliIO, version: string): Promise<FileCache> {
  const { DEFAULT_CACHE_FILE, FileCache } = await import("../core/files/cache.js");
  let location = resolve(cwd, cacheLocation ?? DEFAULT_CACHE_FILE);
  if (cacheLocation && (/[\\/]$/.test(cacheLocation) || isFolder(location))) {
    // A folder that is not there yet (`--cache-location .cache/`) is made, as the cache's own place.
    if (!isFolder(location)) {
      try {
        mkdirSync(location, { recursive: true });
      } catch (error) {
        throw new UserError(`--cache-location: cannot make the folder ${cacheLocation}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    }
    location = join(location, DEFAULT_CACHE_FILE);
  }
  const key = JSON.stringify({ version, node: process.versions.node, config: { ...config, content: undefined, template: undefined } });
  return FileCache.open(location, key, env);
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory(); // a link to a folder is not followed: the cache refuses it
  } catch {
    return false; // not there yet, or not reachable: the cache then fails quietly on write
  }
}

/**
 * What normalize, list, set and close walk: the files lint reads (the config's extensions, ignore
 * globs, .gitignore files); a file named explicitly but ignored is skipped with a warning, as lint does.
 */
export function discoveryFor(config: ResolvedConfig, io: CliIO, verb: IgnoredVerb, phrases: Phrases = enPhrases): Discovery {
  return {
    ...postingsDiscoveryOf(config, io.cwd),
    onIgnored: (file: string) => io.stderr.write(`posting: ${phrases.warning} ${phrases.ignored(escapeInline(file), verb, false)}\n`),
  };
}

/** The catalog a command speaks: `--lang`, else the config's "lang", else the locale, else English. */
export function commandCatalog(flag: string | undefined, config: Pick<ResolvedConfig, "lang">, io: Pick<CliIO, "env">): Catalog {
  return catalogFor(resolveLang({ flag, config: config.lang, env: io.env, fallback: "en" }));
}

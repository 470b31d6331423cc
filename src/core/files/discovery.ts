// What a folder walk takes for a config, the same for every command: the extensions it reads,
// the .gitignore files, the config's ignore globs (and --ignore-pattern), and, for lint, the files
// of other extensions with front matter in the collections (FILE_EXTENSION).
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { ResolvedConfig } from "../project/config.js";
import { collectionOf } from "../project/config.js";
import type { DiscoverOptions } from "./targets.js";

export type Discovery = Pick<DiscoverOptions, "extensions" | "sniffIn" | "ignore" | "gitignore" | "onIgnored">;

/**
 * What a folder walk takes for this config: its extensions, the .gitignore files, the files with front matter but another
 * extension in the collections (FILE_EXTENSION), its ignore globs and `extra` ones (relative to cwd).
 */
export function discoveryOf(config: ResolvedConfig, cwd: string, extra: readonly string[] = []): Discovery {
  const patterns = [...config.ignore, ...extra.map((p) => relativePattern(config.root, cwd, p))];
  return {
    extensions: config.extensions,
    gitignore: { root: config.root },
    ...(config.collections.length > 0 ? { sniffIn: (folder: string) => collectionOf(config, resolve(folder, "x")) !== undefined } : {}),
    ...(patterns.length > 0 ? { ignore: { root: config.root, patterns } } : {}),
  };
}

/** A glob relative to `cwd`, made relative to `root` (the config's folder) when cwd is below it. */
function relativePattern(root: string, cwd: string, pattern: string): string {
  const prefix = relative(root, cwd).split(sep).join("/");
  if (prefix === "" || prefix.startsWith("..") || isAbsolute(prefix) || pattern.startsWith("/")) return pattern.replace(/^\/+/, "");
  return `${prefix.replace(/[()[\]{}*?!+@\\]/g, "\\$&")}/${pattern}`;
}

/**
 * discoveryOf for the commands that rewrite or show postings (normalize, list, set, close): the
 * same files lint reads, without lint's look at files of other extensions (they are reported by
 * lint, never rewritten or listed).
 */
export function postingsDiscoveryOf(config: ResolvedConfig, cwd: string, extra: readonly string[] = []): Discovery {
  const { sniffIn: _lintOnly, ...rest } = discoveryOf(config, cwd, extra);
  return rest;
}

// What the command line asks to read: the paths given, else the config's content folders.
import type { ResolvedConfig } from "../core/project/config.js";

/** The inputs to use: the arguments, else the config's content folders. */
export function resolveInputs(args: readonly string[], config: ResolvedConfig): string[] | undefined {
  if (args.length > 0) return [...args];
  if (config.content.length > 0) return config.content;
  return undefined;
}

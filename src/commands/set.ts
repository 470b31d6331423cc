// `posting set KEY=VALUE… [paths] [filters]`: set (or --unset) front matter keys in the postings the
// filters of `posting list` select, one line per key, everything else byte for byte.
import { loadConfig } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { parseSetRequest, setPaths } from "../core/edit/edit-files.js";
import { loadSchema } from "../core/schema/schema.js";
import type { CliIO } from "../io.js";
import { commandCatalog, discoveryFor, resolveInputs } from "./inputs.js";
import { checkModes, filtersOf, reportEdits } from "./edit-report.js";
import type { EditCommandOptions } from "./edit-report.js";

export interface SetCommandOptions extends EditCommandOptions {
  unset?: string[];
}

export async function setCommand(args: string[], options: SetCommandOptions, io: CliIO, now: Date = new Date()): Promise<number> {
  // KEY=VALUE arguments come first; the rest are paths.
  const values = args.filter((a, i) => a.includes("=") && args.slice(0, i).every((b) => b.includes("=")));
  const paths = args.slice(values.length);
  checkModes(options, paths);
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const catalog = commandCatalog(options.lang, config, io);
  const request = parseSetRequest({ values, unset: options.unset ?? [], lang: catalog.phrases.lang }, schema);
  const inputs = resolveInputs(paths, config);
  if (!inputs) throw phrasedError((p) => p.noInput("set"));
  const results = await setPaths(inputs, request, { cwd: io.cwd, discovery: discoveryFor(config, io, "edited", catalog.phrases), schema, legacyEncoding: config.encoding, filters: filtersOf(options, now), write: options.write === true });
  return reportEdits(results, options, "set", io, catalog);
}

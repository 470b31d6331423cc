// `posting close [paths] [filters]`: close the selected postings the way the schema says (x-close).
// Without a path or a filter it would close every posting: that takes --all.
import { loadConfig } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { closePaths, hasFilter } from "../core/edit/edit-files.js";
import { loadSchema } from "../core/schema/schema.js";
import type { CliIO } from "../io.js";
import { commandCatalog, discoveryFor, resolveInputs } from "./inputs.js";
import { checkModes, filtersOf, reportEdits } from "./edit-report.js";
import type { EditCommandOptions } from "./edit-report.js";

export interface CloseCommandOptions extends EditCommandOptions {
  all?: boolean;
}

export async function closeCommand(paths: string[], options: CloseCommandOptions, io: CliIO, now: Date = new Date()): Promise<number> {
  checkModes(options, paths);
  const filters = filtersOf(options, now);
  if (paths.length === 0 && !hasFilter(filters) && !options.all) {
    throw phrasedError((p) => p.closeNeedsSelection);
  }
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, encoding: options.encoding });
  const schema = loadSchema(config.schemaPath);
  const catalog = commandCatalog(options.lang, config, io);
  const inputs = resolveInputs(paths, config);
  if (!inputs) throw phrasedError((p) => p.noInput("close"));
  const results = await closePaths(inputs, { cwd: io.cwd, discovery: discoveryFor(config, io, "closed", catalog.phrases), schema, legacyEncoding: config.encoding, filters, write: options.write === true, now });
  return reportEdits(results, options, "closed", io, catalog);
}

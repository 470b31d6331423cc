// The registry of output formats; commands look reporters up here and never format by themselves.
import { UserError } from "../core/errors.js";
import { github, githubParts } from "./github.js";
import { json, jsonParts } from "./json.js";
import { junit, junitParts } from "./junit.js";
import { sarif, sarifParts } from "./sarif.js";
import { stylish, stylishParts } from "./stylish.js";
import type { Reporter, ReporterParts } from "./types.js";

export const REPORTERS = { stylish, json, github, sarif, junit } satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;
/** The same formats in parts, for writing a file's block as soon as it is final. */
export const REPORTER_PARTS = { stylish: stylishParts, json: jsonParts, github: githubParts, sarif: sarifParts, junit: junitParts } satisfies Record<ReporterName, ReporterParts>;

export function getReporter(name: string): Reporter {
  if (Object.hasOwn(REPORTERS, name)) return REPORTERS[name as ReporterName];
  throw new UserError(`unknown format "${name}" (choose one of: ${Object.keys(REPORTERS).join(", ")})`);
}

export function getReporterParts(name: string): ReporterParts {
  getReporter(name); // the same error for an unknown name
  return REPORTER_PARTS[name as ReporterName];
}
export type { Reporter, ReporterOptions, ReporterParts, ReportTotals } from "./types.js";

// The registry of output formats; commands look reporters up here and never format by themselves.
import { UserError } from "../core/errors.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Reporter } from "./types.js";

export const REPORTERS = { stylish, json, github, sarif, junit } satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export function getReporter(name: string): Reporter {
  if (Object.hasOwn(REPORTERS, name)) return REPORTERS[name as ReporterName];
  throw new UserError(`unknown format "${name}" (choose one of: ${Object.keys(REPORTERS).join(", ")})`);
}

export type { Reporter, ReporterOptions } from "./types.js";

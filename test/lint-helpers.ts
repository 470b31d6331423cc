// Shared by the lint tests: the scenarios under fixtures/lint and how to lint one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintPaths } from "../src/core/lint/lint.js";
import type { LintReport } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";

export const LINT_FIXTURES = fileURLToPath(new URL("../fixtures/lint/", import.meta.url));

export interface ExpectedFinding {
  code: string;
  line: number;
  column: number;
  severity: string;
}

/** `options.json` of a scenario: other inputs than the folder itself, or its own schema. */
export interface CaseOptions {
  inputs?: string[];
  schema?: string;
}

export const lintCases: string[] = readdirSync(LINT_FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export function readExpected(name: string): ExpectedFinding[] | undefined {
  const path = join(LINT_FIXTURES, name, "expected.json");
  return existsSync(path) ? readJson<ExpectedFinding[]>(path) : undefined;
}

export function readCaseOptions(name: string): CaseOptions {
  const path = join(LINT_FIXTURES, name, "options.json");
  return existsSync(path) ? readJson<CaseOptions>(path) : {};
}

/** The schema file a scenario is checked against (undefined: the bundled one). */
export function caseSchemaPath(name: string): string | undefined {
  const { schema } = readCaseOptions(name);
  return schema ? join(LINT_FIXTURES, name, schema) : undefined;
}

export async function lintCase(name: string): Promise<LintReport> {
  const dir = join(LINT_FIXTURES, name);
  const options = readCaseOptions(name);
  return lintPaths(options.inputs ?? ["."], { cwd: dir, schema: loadSchema(caseSchemaPath(name)) });
}

// Modules few runs need (iconv-lite, the full ajv, re2js, node:crypto, node:v8), loaded where
// first used: a static import would load each on every run, and so would making the require
// function itself when a module starts (node:module brings Node's ES module loader).
import { createRequire } from "node:module";

let requireHere: NodeJS.Require | undefined;

/** require() from this package: resolves `id` as a module of the package would. */
export function requireLazily(id: string): unknown {
  requireHere ??= createRequire(import.meta.filename);
  return requireHere(id);
}

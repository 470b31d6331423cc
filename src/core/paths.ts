// The package's own files (schemas/, templates/, package.json), found by walking up from this
// module: the same code runs from src/ (tests), dist/ (the library) and dist/bundle/ (the CLI),
// each at a different depth.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

function findPackageRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "schemas", "posting.schema.json")) && existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`posting: cannot find its package folder above ${from}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

// The shape of src/: no import cycle (type-only imports and lazy import() included), and no verb
// reading through core/lint/: only lint itself, its command, the entry points (the library API,
// the worker thread) and `posting new` (it lints the posting it writes) import from it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Every module under `folder` (relative to src/, `/`-separated) with the modules of src/ it imports. */
export function importGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) graph.set(relative(folder, path).split("\\").join("/"), importsOf(folder, path));
    }
  };
  walk(folder);
  return graph;
}

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(folder: string, file: string): string[] {
  const found: string[] = [];
  for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
    const specifier = m[1] ?? m[2]!;
    if (!specifier.startsWith(".")) continue;
    found.push(relative(folder, resolve(dirname(file), specifier.replace(/\.js$/, ".ts"))).split("\\").join("/"));
  }
  return found;
}

/** One cycle of the graph as a path `a → b → … → a`, or undefined when there is none. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

// Entry points and the lint command; `posting new` checks the posting it writes with lint's rules.
// The language server is lint on an editor's buffers (and its identity index of the workspace).
const MAY_IMPORT_LINT = new Set(["index.ts", "worker.ts", "commands/lint.ts", "commands/new.ts", "lsp/diagnostics.ts", "lsp/project.ts"]);

describe("architecture of src/", () => {
  const graph = importGraph(SRC);

  it("reads the imports of every module (the parser sees them)", () => {
    expect(graph.get("core/lint/lint.ts")).toContain("core/files/run-files.ts");
    expect(graph.get("cli.ts")).toContain("core/files/write.ts"); // a lazy import()
    expect(graph.get("core/lint/lint-cache.ts")).toContain("core/files/cache.ts"); // import type too
  });

  it("has no import cycle", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it("finds a cycle when there is one", () => {
    expect(findCycle(new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]]]))).toEqual(["a.ts", "b.ts", "c.ts", "a.ts"]);
  });

  it("has no verb reaching into core/lint/", () => {
    const outside = [...graph].filter(([file, imports]) => !file.startsWith("core/lint/") && !MAY_IMPORT_LINT.has(file) && imports.some((i) => i.startsWith("core/lint/")));
    expect(outside.map(([file]) => file)).toEqual([]);
  });
});

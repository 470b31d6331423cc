// The few facts about one posting that the cross-file checks (collection.ts) need, taken from the
// front matter per-file linting has already parsed: the cross-file pass then never reads a file
// again, and the cache keeps them next to the findings.
import type { Position } from "../findings.js";
import { dayOf } from "../read/dates.js";
import type { LocatedFrontMatter } from "../read/posting.js";
import type { KeyPath } from "../read/yaml.js";

/** What the config asks of the cross-file pass; facts are only gathered for these. */
export interface FactsWanted {
  /** Keys whose values name other files (config `references`). */
  references: string[];
  /** Whether duplicate postings are looked for (startup, roles, date). */
  duplicates: boolean;
}

/** A string a reference key holds (the key itself or one item of its list), where it is written. */
export interface ReferenceFact extends Position {
  /** `startup` or `startup/1`. */
  path: string;
  value: string;
}

export interface CrossFileFacts {
  /** Present when startup and roles are both non-blank strings. */
  duplicate?: { startup: string; roles: string; date?: string } & Position;
  references?: ReferenceFact[];
}

/** Whether `value` (read back from a cache file) has the shape of CrossFileFacts. */
export function isCrossFileFacts(value: unknown): value is CrossFileFacts {
  if (typeof value !== "object" || value === null) return false;
  const { duplicate, references } = value as Record<string, unknown>;
  const positioned = (v: unknown, ...keys: string[]): boolean =>
    typeof v === "object" && v !== null && ["line", "column"].every((k) => typeof (v as Record<string, unknown>)[k] === "number") && keys.every((k) => typeof (v as Record<string, unknown>)[k] === "string");
  if (duplicate !== undefined && !positioned(duplicate, "startup", "roles")) return false;
  return references === undefined || (Array.isArray(references) && references.every((r) => positioned(r, "path", "value")));
}

export function wantsFacts(wanted: FactsWanted | undefined): wanted is FactsWanted {
  return wanted !== undefined && (wanted.references.length > 0 || wanted.duplicates);
}

/** The facts of front matter `data`; `positionOf` gives a value's file position. */
function factsOf(data: Record<string, unknown>, wanted: FactsWanted, positionOf: (path: KeyPath) => Position): CrossFileFacts {
  const facts: CrossFileFacts = {};
  if (wanted.duplicates) {
    const { startup, roles } = data;
    if (typeof startup === "string" && typeof roles === "string" && startup.trim() !== "" && roles.trim() !== "") {
      const at = positionOf(["roles"]);
      const date = dayOf(data.date);
      facts.duplicate = { startup, roles, ...(date ? { date } : {}), line: at.line, column: at.column };
    }
  }
  for (const key of wanted.references) {
    const value = data[key];
    const items: [string, KeyPath][] =
      typeof value === "string"
        ? [[value, [key]]]
        : Array.isArray(value)
          ? value.flatMap((v, i): [string, KeyPath][] => (typeof v === "string" ? [[v, [key, i]]] : []))
          : [];
    for (const [text, path] of items) {
      if (text.trim() === "") continue; // an empty value is the schema's business
      const at = positionOf(path);
      (facts.references ??= []).push({ path: path.join("/"), value: text, line: at.line, column: at.column });
    }
  }
  return facts;
}

/** Facts from front matter read by either YAML reader, with the positions it gives. */
export function factsOfFrontMatter(frontMatter: LocatedFrontMatter, wanted: FactsWanted): CrossFileFacts | undefined {
  if (!frontMatter.data) return undefined;
  return factsOf(frontMatter.data, wanted, (path) => frontMatter.locate(path));
}


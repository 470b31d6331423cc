// Completion inside the front matter, from the schema and the project: the keys not written yet
// (required ones first, with their label and description), and for a key's value (or a list
// item) its allowed values, true/false, today's date, or the ids a reference key may name. Pure
// but for the project's folders.
import type { CompletionItem, Position } from "vscode-languageserver";
import { todayIso } from "../core/read/dates.js";
import type { FieldSpec, PostingSchema } from "../core/schema/schema.js";
import type { ProjectView } from "./project.js";
import { frontMatterLines, keyAt, linesOf, writtenKeys } from "./text.js";
import { editorWords, fieldWords } from "./words.js";

const KIND = { property: 10, value: 12, enumMember: 20, constant: 21 } as const;

/** Completion items at `position` of the buffer of `path`. */
export function completions(path: string, text: string, position: Position, project: ProjectView, now = new Date()): CompletionItem[] {
  const lines = linesOf(text);
  const region = frontMatterLines(lines);
  if (!region || position.line < region.start || position.line >= region.end) return [];
  const schema = project.schemaFor(path);
  const before = (lines[position.line] ?? "").slice(0, position.character);
  // A key being typed at the start of a line.
  if (/^[^\s#:"'\-[{]*$/.test(before)) return keyItems(schema, writtenKeys(lines, region), project);
  // A value after `key:`.
  const value = /^([^\s#:"'\-[{][^:#]*?)\s*:\s+([^\s#]*)$/.exec(before);
  if (value) {
    const field = fieldOf(schema, value[1]!);
    return field ? valueItems(field, schema, project, now, false) : [];
  }
  // A list item under `key:`.
  if (/^\s+-\s+[^\s#]*$/.test(before) || /^\s+-$/.test(before)) {
    for (let i = position.line - 1; i >= region.start; i--) {
      const line = lines[i]!;
      if (/^\s/.test(line) || line.trim() === "" || line.startsWith("#")) continue;
      const key = keyAt(line);
      const field = key ? fieldOf(schema, key.key) : undefined;
      return field && /^[^:]*:\s*(#.*)?$/.test(line) ? valueItems(field, schema, project, now, true) : [];
    }
  }
  return [];
}

/** The field a written key names, directly or by an old spelling. */
export function fieldOf(schema: PostingSchema, key: string): FieldSpec | undefined {
  return schema.fieldsByKey.get(key) ?? schema.fieldsByKey.get(schema.aliasToKey.get(key) ?? "");
}

function keyItems(schema: PostingSchema, written: ReadonlySet<string>, project: ProjectView): CompletionItem[] {
  const words = editorWords(project.lang);
  const present = new Set([...written].map((k) => fieldOf(schema, k)?.key ?? k));
  return schema.fields
    .filter((f) => !present.has(f.key))
    .map((field) => {
      const index = schema.fields.indexOf(field);
      const text = fieldWords(field, schema, project.lang);
      return {
        label: field.key,
        kind: KIND.property,
        detail: field.required ? `${text.title} (${words.required})` : text.title,
        ...(text.description ? { documentation: { kind: "markdown" as const, value: text.description } } : {}),
        // Required keys first, then the schema's order.
        sortText: `${field.required ? 0 : 1}${String(index).padStart(4, "0")}`,
        insertText: `${field.key}: `,
      };
    });
}

function valueItems(field: FieldSpec, schema: PostingSchema, project: ProjectView, now: Date, item: boolean): CompletionItem[] {
  const words = editorWords(project.lang);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: (typeof KIND)[keyof typeof KIND], detail?: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    items.push({ label, kind, sortText: String(items.length).padStart(5, "0"), ...(detail ? { detail } : {}) });
  };
  for (const value of field.enum ?? []) add(String(value), KIND.enumMember);
  const types = item ? field.itemTypes : field.types;
  if (types.includes("boolean")) for (const b of ["true", "false"]) add(b, KIND.constant);
  if (!item && (field.format === "date" || schema.roles.keys.date === field.key)) add(todayIso(now), KIND.value, words.today);
  for (const value of project.referenceValues(field.key)) add(value, KIND.value);
  return items;
}

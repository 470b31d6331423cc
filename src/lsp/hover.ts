// Hover on a front matter key: what the schema says of the field (its title, description and
// examples), in the configured language. Pure.
import type { Hover, Position } from "vscode-languageserver";
import type { ProjectView } from "./project.js";
import { fieldOf } from "./completion.js";
import { frontMatterLines, keyAt, linesOf } from "./text.js";
import { editorWords, fieldWords } from "./words.js";

export function hover(path: string, text: string, position: Position, project: ProjectView): Hover | null {
  const lines = linesOf(text);
  const region = frontMatterLines(lines);
  if (!region || position.line < region.start || position.line >= region.end) return null;
  const key = keyAt(lines[position.line] ?? "");
  if (!key || position.character > key.length) return null;
  const schema = project.schemaFor(path);
  const field = fieldOf(schema, key.key);
  if (!field) return null;
  const words = fieldWords(field, schema, project.lang);
  const parts = [`**${markdownText(words.title)}** (\`${field.key}\`)`];
  if (words.description) parts.push(markdownText(words.description));
  if (words.examples.length > 0) parts.push(`${editorWords(project.lang).examples} ${words.examples.map((e) => `\`${String(typeof e === "string" ? e : JSON.stringify(e)).replace(/`/g, "'")}\``).join(", ")}`);
  return { contents: { kind: "markdown", value: parts.join("\n\n") }, range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: key.length } } };
}

/** Schema text in Markdown: HTML is not rendered as such. */
function markdownText(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]!);
}

// What the editor features need of a buffer's text, found line by line without parsing it: the
// front matter's lines, the key or value under a position, and a finding's whole token. Pure.
import type { Range } from "vscode-languageserver";

/** The buffer's lines, without their line breaks (LF or CRLF). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** 0-based lines of the front matter's YAML: from the line after the opening `---` to the closing one (excluded); undefined when there is none. */
export function frontMatterLines(lines: readonly string[]): { start: number; end: number } | undefined {
  if (!/^---\s*$/.test(lines[0] ?? "")) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return { start: 1, end: i };
  return { start: 1, end: lines.length };
}

/** A top-level key written at the start of `line` (`key:`), with its length; quoted keys are left aside. */
export function keyAt(line: string): { key: string; length: number } | undefined {
  const match = /^([^\s#:"'\-[{][^:#]*?)\s*:(?:\s|$)/.exec(line) ?? /^(-[^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line);
  return match ? { key: match[1]!, length: match[1]!.length } : undefined;
}

/** Keys written at the top level of the front matter. */
export function writtenKeys(lines: readonly string[], region: { start: number; end: number }): Set<string> {
  const keys = new Set<string>();
  for (let i = region.start; i < region.end; i++) {
    const key = keyAt(lines[i]!);
    if (key) keys.add(key.key);
  }
  return keys;
}

/**
 * The whole token a finding at (`line`, `character`) points at: the key when it starts there, a
 * quoted value to its closing quote, a flow list to its bracket, a plain value to the end of the
 * line (a comment aside), trailing white space itself; at least one character where the line has one.
 */
export function tokenRange(lines: readonly string[], line: number, character: number): Range {
  const text = lines[line] ?? "";
  const at = Math.min(Math.max(character, 0), text.length);
  const range = (end: number): Range => ({ start: { line, character: at }, end: { line, character: Math.max(end, at) } });
  const rest = text.slice(at);
  if (rest.length === 0) return at > 0 ? { start: { line, character: at - 1 }, end: { line, character: at } } : range(0);
  if (/^\s+$/.test(rest)) return range(text.length);
  // A key: what comes before it on the line is its indentation or a list dash.
  if (/^[\s-]*$/.test(text.slice(0, at))) {
    const key = /^("[^"]*"|'[^']*'|[^\s#:][^:#]*?)\s*:(?:\s|$)/.exec(rest);
    if (key) return range(at + key[1]!.length);
  }
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    for (let i = 1; i < rest.length; i++) {
      if (quote === '"' && rest[i] === "\\") i++;
      else if (rest[i] === quote && !(quote === "'" && rest[i + 1] === "'")) return range(at + i + 1);
      else if (quote === "'" && rest[i] === "'") i++;
    }
    return range(text.length);
  }
  if (quote === "[" || quote === "{") {
    const close = quote === "[" ? "]" : "}";
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === quote) depth++;
      else if (rest[i] === close && --depth === 0) return range(at + i + 1);
    }
    return range(text.length);
  }
  const comment = rest.search(/\s#/);
  const value = (comment === -1 ? rest : rest.slice(0, comment)).replace(/\s+$/, "");
  return range(at + Math.max(value.length, 1));
}

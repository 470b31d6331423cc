// Code actions and formatting. Every repair normalize makes comes from normalize itself: its
// output for the buffer, cut into line hunks, each a TextEdit; a finding's quick fix is the hunk
// on its line. Beside them, the few edits lint's findings name with certainty but normalize does
// not make (a near-miss key renamed to the suggestion, a YAML 1.1 value quoted, the file renamed
// to the name the pattern wants). Pure but for the project.
import { Buffer } from "node:buffer";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { diffLines } from "diff";
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import type { Finding, FindingCode } from "../core/findings.js";
import { displayPath } from "../core/files/targets.js";
import { normalizeBytes } from "../core/normalize/normalize.js";
import type { NormalizeStyle } from "../core/normalize/normalize.js";
import { wordFinding } from "../core/messages/word.js";
import { escapeInline } from "../core/sanitize.js";
import { diagnosticsOf, lintBuffer } from "./diagnostics.js";
import type { ProjectView } from "./project.js";
import { linesOf, tokenRange } from "./text.js";
import { editorWords } from "./words.js";

/** `source.normalize`: the whole file as `posting normalize --write` writes it (the config's style). */
export const NORMALIZE_KIND = "source.normalize";
export const QUICK_FIX_KIND = "quickfix";
export const FIX_ALL_KIND = "source.fixAll";

/** normalize's change as one replacement of whole lines: old lines [start, end) become `text`. */
interface Hunk {
  start: number;
  end: number;
  text: string;
}

/** How long the line diff of normalize's output may take before the whole text is one edit (a hostile buffer). */
const DIFF_TIMEOUT_MS = 200;

/** normalize's output for the buffer in `style`, as line hunks of it; [] when nothing changes or normalize refuses the file. */
export function normalizeHunks(path: string, text: string, project: ProjectView, style: NormalizeStyle): Hunk[] {
  const result = normalizeBytes(displayPath(path, project.root), Buffer.from(text, "utf8"), { schema: project.schemaFor(path), legacyEncoding: project.config.encoding, style });
  if (result.status !== "changed" || result.after === text) return [];
  const lineCount = linesWithBreaks(text).length;
  const parts = diffLines(text, result.after, { timeout: DIFF_TIMEOUT_MS });
  if (!parts) return [{ start: 0, end: lineCount, text: result.after }];
  const hunks: Hunk[] = [];
  let line = 0;
  let open: Hunk | undefined;
  for (const part of parts) {
    const count = part.count ?? linesWithBreaks(part.value).length;
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      line += count;
      continue;
    }
    open ??= { start: line, end: line, text: "" };
    if (part.removed) {
      line += count;
      open.end = line;
    } else open.text += part.value;
  }
  if (open) hunks.push(open);
  return hunks;
}

/** The buffer's lines with their line breaks (the last one may have none). */
function linesWithBreaks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A hunk as a TextEdit on `text`. */
function hunkEdit(text: string, hunk: Hunk): TextEdit {
  const lines = linesWithBreaks(text);
  const offsetOf = (line: number) => lines.slice(0, line).reduce((n, l) => n + l.length, 0);
  return { range: { start: positionAt(text, offsetOf(hunk.start)), end: positionAt(text, offsetOf(hunk.end)) }, newText: hunk.text };
}

/** The LSP position of a UTF-16 offset: lines end at \r\n, \n or a lone \r, as every client counts them. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m !== null && m.index < offset; m = breaks.exec(text)) {
    line++;
    start = m.index + m[0].length;
  }
  return { line, character: offset - start };
}

/** Document formatting: normalize's default style. */
export function formatEdits(path: string, text: string, project: ProjectView): TextEdit[] {
  return normalizeHunks(path, text, project, "minimal").map((h) => hunkEdit(text, h));
}

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function overlaps(a: Range, b: Range): boolean {
  const le = (x: Range["start"], y: Range["start"]) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

/** The hunks that fix a finding: those covering its line, else (a fix elsewhere, such as CRLF) all of them. */
function hunksFor(f: Finding, hunks: readonly Hunk[]): { hunks: Hunk[]; wholeFile: boolean } {
  const line = f.line - 1;
  const own = hunks.filter((h) => h.start <= line && line < Math.max(h.end, h.start + 1));
  return own.length > 0 ? { hunks: own, wholeFile: false } : { hunks: [...hunks], wholeFile: true };
}

/**
 * The code actions for `range` of the buffer: a quick fix per finding there that has one, then
 * "fix all" and "normalize this file" when they change something. `only` filters by kind, as
 * the client asks.
 */
export function codeActions(uri: string, path: string, text: string, range: Range, project: ProjectView, only?: readonly string[]): CodeAction[] {
  if (!project.concerns(path, text)) return [];
  const words = editorWords(project.lang);
  const { findings } = lintBuffer(path, text, project);
  const diagnostics = diagnosticsOf(text, findings, project.catalog);
  const lines = linesOf(text);
  const wanted = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const fixable = findings.some((f) => f.fixable);
  const minimal = fixable && (wanted(QUICK_FIX_KIND) || wanted(FIX_ALL_KIND)) ? normalizeHunks(path, text, project, "minimal") : [];
  if (wanted(QUICK_FIX_KIND)) {
    findings.forEach((f, i) => {
      const diagnostic = diagnostics[i];
      if (!diagnostic || !overlaps(diagnostic.range, range)) return;
      const action = quickFix(uri, path, text, lines, f, diagnostic, minimal, project);
      if (action) actions.push(action);
    });
  }
  if (wanted(FIX_ALL_KIND) && fixable) {
    const chosen = new Set<Hunk>();
    for (const f of findings) if (f.fixable) for (const h of hunksFor(f, minimal).hunks) chosen.add(h);
    const hunks = minimal.filter((h) => chosen.has(h));
    if (hunks.length > 0) actions.push({ title: words.fixAll, kind: FIX_ALL_KIND, diagnostics: diagnostics.filter((d) => d.data), edit: edit(uri, hunks.map((h) => hunkEdit(text, h))) });
  }
  if (wanted(NORMALIZE_KIND)) {
    const style = project.config.normalizeStyle;
    const hunks = style === "minimal" && fixable && (wanted(QUICK_FIX_KIND) || wanted(FIX_ALL_KIND)) ? minimal : normalizeHunks(path, text, project, style);
    if (hunks.length > 0) actions.push({ title: words.normalize, kind: NORMALIZE_KIND, edit: edit(uri, hunks.map((h) => hunkEdit(text, h))) });
  }
  return actions;
}

/** Whether `f` is a finding of `code` (its args then typed). */
function isCode<C extends FindingCode>(f: Finding, code: C): f is Finding<C> {
  return f.code === code;
}

function quickFix(uri: string, path: string, text: string, lines: string[], f: Finding, diagnostic: Diagnostic, minimal: readonly Hunk[], project: ProjectView): CodeAction | undefined {
  const words = editorWords(project.lang);
  const action = (title: string, change: WorkspaceEdit, preferred = true): CodeAction => ({ title: escapeInline(title, "lsp"), kind: QUICK_FIX_KIND, diagnostics: [diagnostic], isPreferred: preferred, edit: change });
  if (f.fixable) {
    const { hunks, wholeFile } = hunksFor(f, minimal);
    if (hunks.length === 0) return undefined;
    const title = isCode(f, "UNKNOWN_KEY") && f.args.suggestion ? words.rename(f.args.key, f.args.suggestion) : wholeFile ? words.fixWithNormalize : words.fix(wordFinding(f, project.catalog).message);
    return action(title, edit(uri, hunks.map((h) => hunkEdit(text, h))));
  }
  // A near-miss key: the suggestion is a guess, so the fix is offered, not preferred.
  if (isCode(f, "UNKNOWN_KEY") && f.args.suggestion) {
    return action(words.rename(f.args.key, f.args.suggestion), edit(uri, [{ range: tokenRange(lines, f.line - 1, f.column - 1), newText: f.args.suggestion }]), false);
  }
  // A plain value (or key) Jekyll reads otherwise: quoted, it is the text written for every reader.
  if (isCode(f, "YAML11_READING")) {
    const quoted = JSON.stringify(f.args.text);
    return action(words.quote(quoted), edit(uri, [{ range: diagnostic.range, newText: quoted }]));
  }
  if (isCode(f, "FILE_NAME_PATTERN") && f.args.suggestion && /^[^/\\]+$/.test(f.args.suggestion)) {
    const newUri = pathToFileURL(join(dirname(path), f.args.suggestion)).href;
    return action(words.renameFile(f.args.suggestion), { documentChanges: [{ kind: "rename", oldUri: uri, newUri, options: { overwrite: false, ignoreIfExists: true } }] });
  }
  return undefined;
}


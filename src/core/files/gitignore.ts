// A small, bounded reader of .gitignore files, for folder walks: the walk's root .gitignore (the
// config's folder) and the .gitignore of each folder it enters. Supported: blank lines and `#`
// comments, `\#` and `\!`, trailing spaces trimmed, `!` negation (the last matching line wins),
// a leading or middle `/` anchoring to the file's folder, a trailing `/` for folders only, `*`,
// `?`, `[…]` and `**`. Not read: .git/info/exclude, the global excludes file, nor what git
// itself would say of tracked files. Patterns are turned into regular expressions of our own
// making (never evaluated as code), with bounded sizes.
import { join, sep } from "node:path";
import { readBounded } from "./read-bounded.js";

export const MAX_GITIGNORE_BYTES = 64 * 1024;
export const MAX_GITIGNORE_RULES = 1000;
export const MAX_GITIGNORE_PATTERN = 256;
/** Wildcards in one pattern: more are refused (the pattern is skipped), so matching stays cheap. */
export const MAX_GITIGNORE_WILDCARDS = 16;

export interface IgnoreRule {
  /** Absolute folder of the .gitignore the rule comes from. */
  base: string;
  regex: RegExp;
  negate: boolean;
  folderOnly: boolean;
}

/** The rules of `folder/.gitignore`; none when there is none, or it cannot be read within the bounds. */
export function readGitignore(folder: string): IgnoreRule[] {
  let text: string;
  try {
    text = readBounded(join(folder, ".gitignore"), MAX_GITIGNORE_BYTES, { noFollow: true }).toString("utf8");
  } catch {
    return [];
  }
  return parseGitignore(text, folder);
}

export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (rules.length >= MAX_GITIGNORE_RULES) break;
    const rule = parseLine(raw, base);
    if (rule) rules.push(rule);
  }
  return rules;
}

function parseLine(raw: string, base: string): IgnoreRule | undefined {
  let line = raw.replace(/(?<!\\)[ \t]+$/, "");
  if (line === "" || line.startsWith("#") || line.length > MAX_GITIGNORE_PATTERN) return undefined;
  let negate = false;
  if (line.startsWith("!")) [negate, line] = [true, line.slice(1)];
  else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.slice(1);
  let folderOnly = false;
  if (line.endsWith("/")) [folderOnly, line] = [true, line.replace(/\/+$/, "")];
  if (line === "") return undefined;
  const anchored = line.includes("/");
  line = line.replace(/^\/+/, "");
  if ((line.match(/[*?[]/g) ?? []).length > MAX_GITIGNORE_WILDCARDS) return undefined;
  const body = globToRegex(line);
  if (body === undefined) return undefined;
  return { base, regex: new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}(?:/.*)?$`), negate, folderOnly };
}

/** A gitignore glob as a regular expression's source; undefined for one that cannot be read. */
function globToRegex(glob: string): string | undefined {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      if (glob[i + 1] === "*" && (i === 0 || glob[i - 1] === "/") && (i + 2 === glob.length || glob[i + 2] === "/")) {
        // `**/` any folders (none included), `/**` everything inside
        if (i + 2 === glob.length) out += ".*";
        else out += "(?:[^/]*/)*";
        i += 2;
      } else {
        while (glob[i + 1] === "*") i++;
        out += "[^/]*";
      }
    } else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end === -1) return undefined;
      let cls = glob.slice(i + 1, end).replace(/\\/g, "\\\\").replace(/\^/g, "\\^");
      if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
      out += `[${cls}]`;
      i = end;
    } else if (ch === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]!);
    } else out += escapeRegex(ch);
  }
  return out;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** Whether the rules (outermost .gitignore first) ignore `path`; the last matching rule wins. */
export function isGitIgnored(rules: readonly IgnoreRule[], path: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.folderOnly && !isFolder) continue;
    if (!path.startsWith(rule.base + sep)) continue;
    const rel = path.slice(rule.base.length + 1);
    if (rule.regex.test(sep === "/" ? rel : rel.split(sep).join("/"))) ignored = !rule.negate;
  }
  return ignored;
}

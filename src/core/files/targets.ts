// Turns the user's arguments (files, folders, quoted globs) into the list of files to read.
// Folders are walked for *.md (DiscoverOptions.extensions) without following symbolic links, so a
// link in a pull request cannot make the tool read (and print) a file outside the tree it was given.
import { lstatSync, readdirSync, statSync } from "node:fs";
import type { Dirent, Stats } from "node:fs";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readHead } from "./read-bounded.js";
import { collectSooner, LARGE_RUN } from "./heap.js";
import { escapeInline } from "../sanitize.js";
import { isGitIgnored, readGitignore } from "./gitignore.js";
import type { IgnoreRule } from "./gitignore.js";
import type { FsProblem, NotRegularKind, UnreadableReason } from "../findings.js";
import { en } from "../messages/en.js";
import { phrasedError } from "../errors.js";
import type { UserError } from "../errors.js";

export interface Target {
  /** Path as shown to the user (relative to cwd when inside it). */
  display: string;
  /** Absolute path. */
  path: string;
  /** Size and modification time seen during discovery (regular files; DiscoverOptions.stats), for the lint cache. */
  size?: number;
  mtimeMs?: number;
  /**
   * Found by walking a folder or expanding a glob: read without following a symbolic link, so a
   * file swapped for a link after discovery is still never followed out of the tree.
   */
  noFollow?: boolean;
  /** Set when the target cannot be read as a file; the reason is reported as a finding. */
  problem?: { code: "FILE_UNREADABLE"; reason: UnreadableReason } | { code: "FILE_NOT_REGULAR"; kind: NotRegularKind };
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const GLOB_CHARS = /[*?[\]{}]/;

export interface DiscoverOptions {
  /**
   * Give each regular file its size and modification time (the lint cache's key). Without it, a
   * file a folder walk lists as regular is not stat'ed at all: the reader checks what it opens.
   */
  stats?: boolean;
  /** Extensions a folder walk reads (default `.md`); a file named explicitly is read whatever its name. */
  extensions?: readonly string[];
  /**
   * Whether a folder walk also takes, in this folder, the files of other extensions that begin with
   * front matter (`---`): a content folder's, which Jekyll publishes as pages without Markdown.
   * Only their first bytes are read; hidden files are skipped.
   */
  sniffIn?: (folder: string) => boolean;
  /** Globs relative to `root` that walks and glob expansion skip, and files named explicitly too (`onIgnored`). */
  ignore?: { root: string; patterns: readonly string[] };
  /**
   * Folder walks skip what .gitignore files ignore: `root`'s (the config's folder) and those of the
   * folders walked (core/files/gitignore.ts says what is supported).
   */
  gitignore?: { root: string };
  /** A file named explicitly that an ignore pattern matches: not read; its displayed path. */
  onIgnored?: (display: string) => void;
}

export const DEFAULT_READ_EXTENSIONS: readonly string[] = [".md"];

export async function discoverTargets(inputs: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const ignored = await ignoreMatcher(options.ignore);
  const walk: WalkOptions = {
    extensions: options.extensions ?? DEFAULT_READ_EXTENSIONS,
    ...(options.sniffIn ? { sniffIn: options.sniffIn } : {}),
    ...(ignored ? { ignored } : {}),
    ...(options.gitignore ? { gitignoreRoot: options.gitignore.root } : {}),
  };
  const add = (target: Target) => {
    if (seen.has(target.path)) return;
    if (ignored?.(target.path)) return;
    seen.add(target.path);
    targets.push(target);
  };

  for (const input of inputs) {
    const path = resolve(cwd, input);
    // A link named explicitly is refused as a walk refuses it: it may point anywhere (a secret
    // outside the project, then echoed in messages), whether to a file, a folder or nothing.
    if (isLink(path)) {
      add({ display: displayPath(path, cwd), path, problem: { code: "FILE_NOT_REGULAR", kind: EXPLICIT_LINK } });
      continue;
    }
    const info = statOrError(path, false);
    if (info instanceof Error) {
      if (info.code === "ENOENT" && GLOB_CHARS.test(input)) {
        const matches = await expandGlob(input, cwd);
        if (matches.length === 0) add({ display: input, path, problem: { code: "FILE_UNREADABLE", reason: { kind: "no-match" } } });
        // A glob expands into a tree as a walk does: links it matches are reported, not followed.
        for (const match of matches) add(fileTarget(match, cwd, true));
        continue;
      }
      add({ display: displayPath(path, cwd), path, problem: { code: "FILE_UNREADABLE", reason: fsProblemOf(info) } });
      continue;
    }
    if (info.isDirectory() && input.replace(/[\\/]+$/, "").endsWith(".md")) {
      // `posting lint x.md` names a posting; walking a folder of that name would check something
      // else (or nothing, and pass) without a word.
      add({ display: displayPath(path, cwd), path, problem: { code: "FILE_NOT_REGULAR", kind: "md-folder" } });
    } else if (info.isDirectory()) {
      const walked = walkMarkdown(path, walk);
      for (const file of walked.files) add(file.regular && !options.stats ? { display: displayPath(file.path, cwd), path: file.path, noFollow: true } : fileTarget(file.path, cwd, true));
      for (const dir of walked.unreadable) add({ display: displayPath(dir, cwd), path: dir, problem: { code: "FILE_UNREADABLE", reason: { kind: "unlistable" } } });
    } else {
      // A file named explicitly is read whatever its extension (lint-staged passes what it has),
      // unless ignored: a hook that passes every staged file must not lint the ignored ones.
      if (ignored?.(path)) options.onIgnored?.(displayPath(path, cwd));
      else add(fileTarget(path, cwd, false));
    }
  }
  return targets;
}

const EXPLICIT_LINK: NotRegularKind = "link";

function isLink(path: string): boolean {
  const info = statOrError(path, true);
  return !(info instanceof Error) && info.isSymbolicLink();
}

// Blocking file system calls: for thousands of files they are several times faster than
// fs.promises, and discovery has nothing else to do meanwhile.
function statOrError(path: string, link: boolean): Stats | NodeJS.ErrnoException {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function fileTarget(path: string, cwd: string, fromWalk: boolean): Target {
  const display = displayPath(path, cwd);
  const info = statOrError(path, fromWalk);
  if (info instanceof Error) {
    const reason: UnreadableReason = info.code === "ELOOP" ? { kind: "link-loop" } : fsProblemOf(info);
    return { display, path, problem: { code: "FILE_UNREADABLE", reason } };
  }
  // Opened without following links either way: a link swapped in after discovery is refused.
  if (info.isFile()) return { display, path, size: info.size, mtimeMs: info.mtimeMs, noFollow: true };
  const kind: NotRegularKind = info.isSymbolicLink() ? "link-in-folder" : notRegularKind(info);
  return { display, path, problem: { code: "FILE_NOT_REGULAR", kind } };
}

interface WalkOptions {
  extensions: readonly string[];
  sniffIn?: (folder: string) => boolean;
  ignored?: (path: string) => boolean;
  gitignoreRoot?: string;
}

/** The first bytes read of a file of another extension, to see front matter: `---`, after a UTF-8 BOM or not. */
const SNIFF_BYTES = 8;

function startsWithFrontMatter(path: string): boolean {
  const head = readHead(path, SNIFF_BYTES);
  if (!head) return false;
  const text = head.toString("latin1").replace(/^\xef\xbb\xbf/, "");
  return /^---[ \t]*(?:\r?\n|$)/.test(text);
}

/**
 * Ignore patterns as one test of an absolute path, relative to their root (picomatch, loaded only
 * when there are patterns). A folder is matched as `folder` and `folder/`, so `drafts/**` skips the walk.
 */
async function ignoreMatcher(ignore: DiscoverOptions["ignore"]): Promise<((path: string) => boolean) | undefined> {
  if (!ignore || ignore.patterns.length === 0) return undefined;
  const { default: picomatch } = await import("picomatch");
  const test = picomatch(ignore.patterns, { dot: true });
  return (path) => {
    const rel = relative(ignore.root, path).split(sep).join("/");
    if (rel === "" || rel.startsWith("../") || rel === ".." || isAbsolute(rel)) return false;
    return test(rel);
  };
}

/** Whether a walk reads this file name as a posting. */
function hasReadExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.length === 1 ? name.endsWith(extensions[0]!) : extensions.includes(extname(name));
}

/** Recursively list *.md files (and *.md symlinks or specials, so they get reported), sorted. */
function walkMarkdown(root: string, options: WalkOptions): { files: { path: string; regular: boolean }[]; unreadable: string[] } {
  const out: { path: string; regular: boolean }[] = [];
  const unreadable: string[] = [];
  const gitRoot = options.gitignoreRoot;
  // The root's .gitignore applies to a walk below it; each folder walked adds its own.
  const outer = gitRoot !== undefined && root !== gitRoot && root.startsWith(gitRoot + sep) ? readGitignore(gitRoot) : [];
  const pending: [string, IgnoreRule[]][] = [[root, outer]];
  while (pending.length > 0) {
    const [dir, inherited] = pending.pop()!;
    // Before the walk's own garbage sets how far the heap may grow (heap.ts).
    if (out.length >= LARGE_RUN) collectSooner();
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable.push(dir);
      continue;
    }
    const sniff = options.sniffIn?.(dir) === true;
    const rules = gitRoot !== undefined && entries.some((e) => e.name === ".gitignore" && e.isFile()) ? [...inherited, ...readGitignore(dir)] : inherited;
    const gitIgnored = (path: string, folder: boolean) => rules.length > 0 && isGitIgnored(rules, path, folder);
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name) && !options.ignored?.(full) && !gitIgnored(full, true)) pending.push([full, rules]);
      } else if (hasReadExtension(entry.name, options.extensions)) {
        if (!gitIgnored(full, false)) out.push({ path: full, regular: entry.isFile() });
      } else if (sniff && entry.isFile() && !entry.name.startsWith(".") && !options.ignored?.(full) && !gitIgnored(full, false) && startsWithFrontMatter(full)) {
        out.push({ path: full, regular: true });
      }
    }
  }
  // Code unit order, as sort() gave for the paths alone: the same in every locale.
  return { files: out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), unreadable };
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import("tinyglobby");
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  return matches.sort();
}

export function displayPath(path: string, cwd: string): string {
  // Walked paths are cwd-rooted joins more often than not: cut the prefix rather than have
  // relative() resolve both paths again for each of thousands of files.
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (isAbsolute(cwd) && path.startsWith(prefix) && !path.includes(`${sep}.`) && !path.includes(sep + sep)) {
    const rel = path.slice(prefix.length);
    return sep === "/" ? rel : rel.split(sep).join("/");
  }
  const rel = relative(cwd, path);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) return path;
  return rel.split(sep).join("/");
}

/** A file system error as data (the catalogs word it: messages/*.ts fsProblem). */
export function fsProblemOf(error: NodeJS.ErrnoException): FsProblem {
  return { kind: "fs", errno: error.code ?? "", detail: error.message };
}

/** A file system error in English words (errors worded where no catalog is at hand). */
export function describeFsError(error: NodeJS.ErrnoException): string {
  return en.words.fsProblem(fsProblemOf(error));
}

/** What a path that is neither a regular file nor a link is. */
export function notRegularKind(info: Stats): NotRegularKind {
  return info.isDirectory() ? "folder" : info.isFIFO() ? "pipe" : info.isSocket() ? "socket" : "device";
}

/** Exit 2 for paths that hold no posting: a mistyped path in CI must not pass. */
export function noPostingsMessage(inputs: readonly string[]): string {
  return noPostingsError(inputs).message;
}

/** The same, as an error worded in the run's language. */
export function noPostingsError(inputs: readonly string[]): UserError {
  const shown = inputs.map((i) => `"${escapeInline(i)}"`).join(", ");
  return phrasedError((p) => p.noPostings(shown, inputs.length));
}

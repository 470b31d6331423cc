// The postings `posting init --infer` learns from: the content folder's Markdown files, read
// through the one pipeline (discovery without following links, bounded reads, readPosting, the
// site's view of the front matter), and the folders next to it whose file names a key may name.
import { readdirSync } from "node:fs";
import type { Dirent } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { readTargetSync } from "../files/read-target.js";
import { DEFAULT_READ_EXTENSIONS, discoverTargets } from "../files/targets.js";
import { readPosting } from "../read/read-posting.js";
import { siteView } from "../read/site-view.js";
import type { InferPosting, ReferenceFolder } from "./types.js";

/** Files read at most (a collection past this is inferred from its first files, in path order). */
export const MAX_INFER_FILES = 20_000;
/** Characters of each body kept, for the language. */
const BODY_SAMPLE = 2000;
/** Folders looked at for references, and names read in each. */
const MAX_REFERENCE_FOLDERS = 30;
const MAX_REFERENCE_NAMES = 20_000;

export interface ReadCollection {
  postings: InferPosting[];
  /** Files without readable front matter (not learnt from). */
  skipped: number;
  /** Files past MAX_INFER_FILES. */
  notRead: number;
}

/** The postings under `content` (relative to `cwd`); `.gitignore`d files are skipped as every walk skips them. */
export async function readCollection(cwd: string, content: string): Promise<ReadCollection> {
  const targets = (await discoverTargets([content], cwd, { extensions: DEFAULT_READ_EXTENSIONS, gitignore: { root: cwd } })).sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  const postings: InferPosting[] = [];
  let skipped = 0;
  for (const target of targets.slice(0, MAX_INFER_FILES)) {
    const read = readTargetSync(target);
    if (!("bytes" in read)) {
      skipped++;
      continue;
    }
    const reading = readPosting(target.display, read.bytes);
    const data = reading.frontMatter?.data;
    if (!reading.frontMatter || !data) {
      skipped++;
      continue;
    }
    postings.push({ file: target.display, name: basename(target.path), data: siteView(reading.frontMatter), body: reading.parsed.body.slice(0, BODY_SAMPLE) });
  }
  return { postings, skipped, notRead: Math.max(0, targets.length - MAX_INFER_FILES) };
}

/** Whether `content` holds at least one Markdown file with front matter (what makes `posting init` offer inference). */
export async function holdsPostings(cwd: string, content: string): Promise<number> {
  const targets = await discoverTargets([content], cwd, { extensions: DEFAULT_READ_EXTENSIONS }).catch(() => []);
  let count = 0;
  for (const target of targets.slice(0, MAX_INFER_FILES)) {
    const read = readTargetSync(target);
    if ("bytes" in read && readPosting(target.display, read.bytes).frontMatter?.data) count++;
  }
  return count;
}

/**
 * The folders a key may reference: the content folder's siblings and the site's `_name` folders
 * (Jekyll collections), each with its files' base names (the most used extension).
 */
export function referenceFolders(cwd: string, content: string): ReferenceFolder[] {
  const contentPath = resolve(cwd, content);
  const candidates = new Set<string>();
  for (const parent of [dirname(contentPath), cwd]) {
    for (const entry of listFolder(parent)) {
      if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "node_modules") continue;
      if (parent === cwd && !entry.name.startsWith("_")) continue;
      const path = join(parent, entry.name);
      if (path !== contentPath && !contentPath.startsWith(path + sep)) candidates.add(path);
    }
  }
  const folders: ReferenceFolder[] = [];
  for (const path of [...candidates].sort().slice(0, MAX_REFERENCE_FOLDERS)) {
    const byExtension = new Map<string, Set<string>>();
    for (const entry of listFolder(path).slice(0, MAX_REFERENCE_NAMES)) {
      if (!entry.isFile() || entry.name.startsWith(".")) continue;
      const extension = extname(entry.name);
      if (extension === "") continue;
      const names = byExtension.get(extension) ?? new Set<string>();
      names.add(entry.name.slice(0, -extension.length));
      byExtension.set(extension, names);
    }
    const best = [...byExtension].sort((a, b) => b[1].size - a[1].size)[0];
    if (best) folders.push({ path: relative(cwd, path).split(sep).join("/"), names: best[1], extension: best[0] });
  }
  return folders;
}

// Jekyll's own folders, never a collection of postings.
const NOT_CONTENT = new Set(["_site", "_layouts", "_includes", "_data", "_sass", "_plugins", "_drafts", "_config", "node_modules"]);
const JOB_WORDS = /job|offre|poste|recrut|emploi|career|carri|position|vacanc|hiring|annonce/i;

/**
 * Where the postings probably are, when the usual folders are not there: the site's `_name`
 * folders and those under content/, collections/ and src/, the one with the most Markdown files,
 * a folder named for jobs first. Only folder listings are read.
 */
export function guessContentFolder(cwd: string): string | undefined {
  const candidates: { path: string; count: number; jobs: boolean }[] = [];
  const consider = (relativePath: string) => {
    const name = basename(relativePath);
    if (NOT_CONTENT.has(name)) return;
    const count = listFolder(join(cwd, relativePath)).slice(0, MAX_REFERENCE_NAMES).filter((e) => e.isFile() && e.name.endsWith(".md")).length;
    if (count > 0) candidates.push({ path: relativePath, count, jobs: JOB_WORDS.test(name) });
  };
  for (const entry of listFolder(cwd).slice(0, MAX_REFERENCE_FOLDERS * 10)) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    if (entry.name.startsWith("_")) consider(entry.name);
    else if (["content", "collections", "src"].includes(entry.name)) {
      for (const sub of listFolder(join(cwd, entry.name)).slice(0, MAX_REFERENCE_FOLDERS * 10)) if (sub.isDirectory() && !sub.name.startsWith(".")) consider(`${entry.name}/${sub.name}`);
    }
  }
  return candidates.sort((a, b) => Number(b.jobs) - Number(a.jobs) || b.count - a.count || (a.path < b.path ? -1 : 1))[0]?.path;
}

function listFolder(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}

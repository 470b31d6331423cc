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

function listFolder(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}

// Cross-file checks, run after per-file linting over its results: file names, references to other
// files (a posting's startup must have a page) and duplicate postings. Only files inside the
// config's content folders and collections are concerned; a file linted from elsewhere is linted
// but not held to the collection's rules.
import { basename, extname, resolve } from "node:path";
import type { ResolvedConfig, ResolvedReference } from "../project/config.js";
import { collectionOf, DEFAULT_EXTENSIONS, DEFAULT_FILE_NAME_PATTERN } from "../project/config.js";
import { DISK } from "../files/access.js";
import type { FileAccess } from "../files/access.js";
import { dateInFileName, fileNameReason, SAFE_SEGMENT, suggestFileName } from "../files/file-name.js";
import { dateFromFileName } from "../read/dates.js";
import type { Finding } from "../findings.js";
import { compareFindings } from "../findings.js";
import type { FileResult } from "./lint.js";
import { mapTargets } from "../files/run-files.js";
import { finding } from "../messages.js";
import { parsePosting } from "../read/posting.js";
import type { ParseOptions } from "../read/posting.js";
import { factsOfFrontMatter, wantsFacts } from "./facts.js";
import type { CrossFileFacts, FactsWanted, ReferenceFact } from "./facts.js";
import { loadSchema } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";

export interface CollectionCheckOptions extends ParseOptions {
  cwd: string;
  config: Pick<ResolvedConfig, "collections" | "references" | "duplicates"> & Partial<Pick<ResolvedConfig, "extensions">>;
  /** Bytes already in hand, by displayed file name (standard input): not read from disk. */
  bytes?: ReadonlyMap<string, Uint8Array>;
  /** The schema of a file (absolute path), for its duplicate identity (`x-identity`); default the bundled one. */
  schemaFor?: (path: string) => PostingSchema;
  /** Where referenced files are looked for and postings read again; default the disk. */
  files?: FileAccess;
}

/** Codes that mean a file was not read: nothing to check across files. */
const UNREAD = new Set<Finding["code"]>(["FILE_UNREADABLE", "FILE_NOT_REGULAR"]);

/** Extensions Jekyll converts as Markdown by default (its `markdown_ext`). */
const JEKYLL_MARKDOWN = new Set([".markdown", ".mkdown", ".mkdn", ".mkd", ".md"]);

/** Codes that mean a file holds no front matter: whatever its extension, Jekyll copies it as it is. */
const NOT_A_POSTING = new Set<Finding["code"]>(["FILE_EMPTY", "FILE_BINARY", "FRONT_MATTER_MISSING", "FRONT_MATTER_NOT_AT_TOP"]);

/** The facts the config's cross-file checks need; undefined when they need none. */
export function factsWanted(config: Pick<ResolvedConfig, "references" | "duplicates">): FactsWanted | undefined {
  const wanted = { references: config.references.map((r) => r.key), duplicates: config.duplicates };
  return wantsFacts(wanted) ? wanted : undefined;
}

/**
 * The cross-file checks, fed one file at a time in input order: a duplicate is reported on the
 * later file, naming the first, so a file's findings are final as soon as it is checked. Works
 * from each result's `facts` (gathered while linting it) and never reads a posting.
 */
export class CrossFileChecker {
  private readonly firstOf = new Map<string, string>();
  private readonly known = new Map<string, boolean>();
  constructor(private readonly options: Pick<CollectionCheckOptions, "cwd" | "config" | "files">) {}

  /** Whether `file` (as displayed) is held to a collection's rules at all. */
  concerns(file: string): boolean {
    return collectionOf(this.options.config, resolve(this.options.cwd, file)) !== undefined;
  }

  /** The cross-file findings of the next file. */
  check(result: FileResult): Finding[] {
    const { config, cwd } = this.options;
    // No collection configured (most runs): no path to resolve, nothing to check.
    if (config.collections.length === 0 || result.findings.some((f) => UNREAD.has(f.code))) return [];
    const collection = collectionOf(config, resolve(cwd, result.file));
    if (!collection) return [];
    const out: Finding[] = [];
    const name = basename(result.file);
    const extensions = config.extensions ?? DEFAULT_EXTENSIONS;
    const extension = extname(name);
    if (!extensions.includes(extension) && !result.findings.some((f) => NOT_A_POSTING.has(f.code))) {
      const expected = extensions[0] ?? ".md";
      out.push(finding("FILE_EXTENSION", { file: result.file, line: 1, column: 1 }, { extension, expected, markdown: JEKYLL_MARKDOWN.has(extension.toLowerCase()) }));
    }
    const named = this.namedAs(name, collection);
    if (collection.fileName !== false) {
      const reason = fileNameReason(named, collection.fileName);
      if (reason) {
        const suggestion = suggestFileName(named, collection.fileName);
        out.push(finding("FILE_NAME_PATTERN", { file: result.file, line: 1, column: 1 }, { name, pattern: collection.fileName, reason, ...(suggestion ? { suggestion } : {}) }));
      }
    }
    const facts = result.facts;
    if (!facts) return out;
    for (const reference of config.references) {
      for (const fact of facts.references ?? []) {
        if (fact.path !== reference.key && !fact.path.startsWith(`${reference.key}/`)) continue;
        const found = this.referenceFinding(result.file, fact, reference);
        if (found) out.push(found);
      }
    }
    if (config.duplicates && facts.duplicate) {
      const key = duplicateKey(facts.duplicate, named, collection.fileName);
      if (key) {
        const first = this.firstOf.get(key.id);
        if (first === undefined) this.firstOf.set(key.id, result.file);
        else out.push(finding("DUPLICATE_POSTING", { file: result.file, line: facts.duplicate.line, column: facts.duplicate.column, path: facts.duplicate.path }, { other: first, ...key.shown }));
      }
    }
    return out;
  }

  /**
   * The identity DUPLICATE_POSTING compares for `result` (same id, same posting), or undefined
   * when it has none: an editor keeps an index of them to find a buffer's duplicate at once.
   */
  duplicateId(result: FileResult): string | undefined {
    const collection = collectionOf(this.options.config, resolve(this.options.cwd, result.file));
    const duplicate = result.facts?.duplicate;
    if (!collection || !duplicate || !this.options.config.duplicates) return undefined;
    return duplicateKey(duplicate, this.namedAs(basename(result.file), collection), collection.fileName)?.id;
  }

  // The pattern's extension stands for any read one (and the name is checked as once renamed, when not read).
  private namedAs(name: string, collection: { fileName: string | false }): string {
    const extensions = this.options.config.extensions ?? DEFAULT_EXTENSIONS;
    const extension = extname(name);
    const pattern = collection.fileName === false ? DEFAULT_FILE_NAME_PATTERN : collection.fileName;
    const patternExtension = extensions.find((e) => pattern.endsWith(e)) ?? (pattern.endsWith(".md") ? ".md" : undefined);
    return patternExtension && extension !== patternExtension ? name.slice(0, name.length - extension.length) + patternExtension : name;
  }

  private referenceFinding(file: string, fact: ReferenceFact, reference: ResolvedReference): Finding | undefined {
    const at = { file, line: fact.line, column: fact.column, path: fact.path };
    if (!SAFE_SEGMENT.test(fact.value)) {
      return finding("REFERENCE_MISSING", at, { key: fact.path, value: fact.value, expected: reference.written, unsafeName: true });
    }
    if (!this.exists(reference.template.replaceAll("{value}", fact.value))) {
      return finding("REFERENCE_MISSING", at, { key: fact.path, value: fact.value, expected: reference.written.replaceAll("{value}", fact.value) });
    }
    return undefined;
  }

  // Synchronous and remembered: a collection names few distinct files, many times each.
  private exists(path: string): boolean {
    let found = this.known.get(path);
    if (found === undefined) {
      found = (this.options.files ?? DISK).isFile(path);
      this.known.set(path, found);
    }
    return found;
  }
}

/** A result with its cross-file findings added (findings sorted again) and without its facts. */
export function withCrossFileFindings(result: FileResult, extra: readonly Finding[]): FileResult {
  return { file: result.file, findings: extra.length === 0 ? result.findings : [...result.findings, ...extra].sort(compareFindings) };
}

/**
 * Add the cross-file findings to per-file results (same order; findings sorted again). Results
 * that carry no facts (from a caller that linted without asking for them) have their file read
 * and parsed again for them.
 */
export async function checkCollections(results: readonly FileResult[], options: CollectionCheckOptions): Promise<FileResult[]> {
  const checker = new CrossFileChecker(options);
  const wanted = factsWanted(options.config);
  const facts = await mapTargets(results, async (result) => {
    if (result.facts || !wanted || result.findings.some((f) => UNREAD.has(f.code)) || !checker.concerns(result.file)) return result.facts;
    const bytes = options.bytes?.get(result.file) ?? (await (options.files ?? DISK).read(resolve(options.cwd, result.file)));
    const frontMatter = bytes ? parsePosting(result.file, bytes, options).frontMatter : undefined;
    return frontMatter ? factsOfFrontMatter(frontMatter, wanted, options.schemaFor?.(resolve(options.cwd, result.file)) ?? loadSchema()) : undefined;
  });
  return results.map((r, i) => {
    const withFacts = facts[i] ? { ...r, facts: facts[i] } : r;
    return withCrossFileFindings(r, checker.check(withFacts));
  });
}

/**
 * The same values for every identity key (`x-identity`; case, accents' composition and spacing
 * aside), the date from the file name when the front matter has none.
 */
function duplicateKey(facts: NonNullable<CrossFileFacts["duplicate"]>, name: string, pattern: string | false): { id: string; shown: { keys: string[]; values: string[]; bare: boolean[] } } | undefined {
  const values = [...facts.values];
  if (facts.dateAt !== undefined && values[facts.dateAt] === "") {
    const date = dateInFileName(name, pattern === false ? "YYYY-MM-DD-slug.md" : pattern) ?? dateFromFileName(name);
    if (!date) return undefined;
    values[facts.dateAt] = date;
  }
  const fold = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return { id: [...facts.keys, ...values.map(fold)].join("\0"), shown: { keys: facts.keys, values, bare: facts.bare } };
}

// What the language server knows of the workspace: its configuration (reloaded when the config or
// a schema changes), the language it speaks, the file access the core asks (the disk under the
// open buffers), and an index of the postings' identities so a buffer's duplicate is found at
// once. No LSP here: the server feeds it buffers and file events.
import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { FileAccess } from "../core/files/access.js";
import { DISK } from "../core/files/access.js";
import { discoverTargets, displayPath } from "../core/files/targets.js";
import { discoveryOf } from "../core/files/discovery.js";
import { CrossFileChecker, factsWanted } from "../core/lint/collection.js";
import type { CrossFileFacts } from "../core/lint/facts.js";
import { lintPosting, lintTargetsInOrder } from "../core/lint/lint.js";
import type { FileResult } from "../core/lint/lint.js";
import { catalogFor, resolveLang } from "../core/messages/lang.js";
import type { Lang } from "../core/messages/lang.js";
import type { Catalog } from "../core/messages/types.js";
import { collectionOf, DEFAULT_EXTENSIONS, loadConfig } from "../core/project/config.js";
import type { ResolvedConfig } from "../core/project/config.js";
import { DEFAULT_LEGACY_ENCODING } from "../core/read/encoding.js";
import { BUNDLED_SCHEMA_PATH, forgetSchema, loadSchema } from "../core/schema/schema.js";
import type { PostingSchema } from "../core/schema/schema.js";

/** What the editor features read of the project (diagnostics.ts, actions.ts, completion.ts, hover.ts). */
export interface ProjectView {
  /** Paths in findings are shown relative to it (the workspace folder), as `posting lint` run there shows them. */
  root: string;
  config: ResolvedConfig;
  lang: Lang;
  catalog: Catalog;
  schemaFor(path: string): PostingSchema;
  /** The disk, with the open buffers over it. */
  files: FileAccess;
  /** The first posting of the collection's order with this identity, when it comes before `path`. */
  firstWithIdentity(id: string, path: string): { display: string; facts: CrossFileFacts } | undefined;
  /** The values a reference key may take: the ids of the files its config template names (`startup` → the startups' pages). */
  referenceValues(key: string): string[];
  /** Whether the server reports on the file at all. */
  concerns(path: string, text: string): boolean;
}

/** Names read in one folder for reference values: the completion of a folder of 50,000 pages stays bounded. */
const MAX_REFERENCE_NAMES = 10_000;

interface Indexed {
  display: string;
  facts: CrossFileFacts;
  id: string;
}

/** A configuration with no file: the bundled schema and the defaults, nothing held across files. */
export function defaultConfig(root: string): ResolvedConfig {
  return {
    file: undefined, root, content: [], schemaPath: BUNDLED_SCHEMA_PATH, template: undefined, encoding: DEFAULT_LEGACY_ENCODING,
    collections: [], references: [], duplicates: true, extensions: [...DEFAULT_EXTENSIONS], rules: {}, ignore: [], normalizeStyle: "minimal", lang: undefined,
  };
}

export class Workspace implements ProjectView {
  config: ResolvedConfig;
  lang: Lang = "en";
  catalog: Catalog = catalogFor("en");
  /** Why the config could not be used (the defaults are then), for the server to show. */
  configError: string | undefined;
  private stamps = "";
  private readonly order = new Map<string, number>();
  private readonly indexed = new Map<string, Indexed>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly buffers = new Map<string, string>();
  private readonly referenceCache = new Map<string, string[]>();
  private generation = 0;

  constructor(readonly root: string, private readonly env: Record<string, string | undefined> = process.env) {
    this.config = defaultConfig(root);
  }

  readonly files: FileAccess = {
    isFile: (path) => this.buffers.has(path) || DISK.isFile(path),
    read: async (path) => {
      const text = this.buffers.get(path);
      return text !== undefined ? Buffer.from(text, "utf8") : DISK.read(path);
    },
  };

  /** (Re)read the config and forget the compiled schemas; the identity index is rebuilt by `scan`. */
  async load(): Promise<void> {
    for (const path of this.schemaPaths()) forgetSchema(path);
    try {
      this.config = await loadConfig(this.root);
      this.configError = undefined;
    } catch (error) {
      this.config = defaultConfig(this.root);
      this.configError = (error as Error).message;
    }
    for (const path of this.schemaPaths()) forgetSchema(path);
    this.lang = resolveLang({ config: this.config.lang, env: this.env, fallback: "en" });
    this.catalog = catalogFor(this.lang);
    this.stamps = this.currentStamps();
    this.referenceCache.clear();
  }

  /** Whether the config file or a schema changed on disk since `load` (for clients that do not watch files). */
  isStale(): boolean {
    return this.currentStamps() !== this.stamps;
  }

  private schemaPaths(): string[] {
    return [...new Set([this.config.schemaPath, ...this.config.collections.map((c) => c.schemaPath)])].filter((p) => p !== BUNDLED_SCHEMA_PATH);
  }

  /** The config file and the schemas it names: what a change of them reloads. */
  watchedPaths(): string[] {
    return [...(this.config.file ? [this.config.file] : []), ...this.schemaPaths()];
  }

  private currentStamps(): string {
    return [this.config.file ?? "", ...this.schemaPaths()]
      .map((path) => {
        try {
          const s = statSync(path);
          return `${path}:${s.mtimeMs}:${s.size}`;
        } catch {
          return `${path}:-`;
        }
      })
      .join("\n");
  }

  schemaFor(path: string): PostingSchema {
    return loadSchema(collectionOf(this.config, path)?.schemaPath ?? this.config.schemaPath);
  }

  concerns(path: string, text: string): boolean {
    if (this.config.collections.length > 0) return collectionOf(this.config, path) !== undefined;
    return /\.(md|markdown)$/i.test(path) && /^(\uFEFF)?---/.test(text);
  }

  /**
   * Index the identities of every posting of the content folders, from the disk (open buffers
   * are indexed as they are linted). A later scan or load makes an earlier one's results stale.
   */
  async scan(): Promise<void> {
    const generation = ++this.generation;
    this.order.clear();
    this.indexed.clear();
    this.byId.clear();
    const wanted = factsWanted(this.config);
    if (this.config.content.length === 0 || !wanted?.duplicates) return;
    const targets = await discoverTargets(this.config.content, this.root, discoveryOf(this.config, this.root));
    if (generation !== this.generation) return;
    targets.forEach((t, i) => this.order.set(t.path, i));
    const checker = this.checker();
    const paths = new Map(targets.map((t) => [t.display, t.path]));
    await lintTargetsInOrder(targets, { schema: loadSchema(this.config.schemaPath), schemaFor: (p) => this.schemaFor(p), cwd: this.root, legacyEncoding: this.config.encoding, facts: wanted }, (result) => {
      const path = paths.get(result.file);
      if (generation !== this.generation || !path || this.buffers.has(path)) return;
      this.index(path, result, checker);
    });
  }

  private checker(): CrossFileChecker {
    return new CrossFileChecker({ cwd: this.root, config: this.config, files: this.files });
  }

  /** Record what a file (its buffer or its disk content) says of its identity. */
  index(path: string, result: FileResult, checker = this.checker()): void {
    this.unindex(path);
    const id = result.facts ? checker.duplicateId(result) : undefined;
    if (!id || !result.facts) return;
    this.indexed.set(path, { display: result.file, facts: result.facts, id });
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(path);
  }

  private unindex(path: string): void {
    const old = this.indexed.get(path);
    if (!old) return;
    this.indexed.delete(path);
    const set = this.byId.get(old.id);
    set?.delete(path);
    if (set?.size === 0) this.byId.delete(old.id);
  }

  firstWithIdentity(id: string, path: string): { display: string; facts: CrossFileFacts } | undefined {
    const own = this.rank(path);
    let best: { path: string; rank: [number, string] } | undefined;
    for (const other of this.byId.get(id) ?? []) {
      if (other === path) continue;
      const rank = this.rank(other);
      if (!best || before(rank, best.rank)) best = { path: other, rank };
    }
    if (!best || !before(best.rank, own)) return undefined;
    const found = this.indexed.get(best.path)!;
    return { display: found.display, facts: found.facts };
  }

  // Files in the order `posting lint` reads them; a file the scan did not list comes after, by path.
  private rank(path: string): [number, string] {
    return [this.order.get(path) ?? Number.MAX_SAFE_INTEGER, path];
  }

  /** A buffer opened or changed: the core reads it instead of the disk. */
  setBuffer(path: string, text: string): void {
    if (!this.buffers.has(path)) this.referenceCache.clear();
    this.buffers.set(path, text);
  }

  /** A buffer closed: the disk's content is indexed again. */
  async closeBuffer(path: string): Promise<void> {
    this.buffers.delete(path);
    this.referenceCache.clear();
    await this.reindexFromDisk(path);
  }

  /** A posting changed, appeared or went away on disk (not an open buffer). */
  async reindexFromDisk(path: string): Promise<void> {
    this.referenceCache.clear();
    if (this.buffers.has(path)) return;
    const wanted = factsWanted(this.config);
    const bytes = collectionOf(this.config, path) && wanted ? await readFile(path).catch(() => undefined) : undefined;
    if (this.buffers.has(path)) return;
    if (!bytes || !wanted) return this.unindex(path);
    const display = displayPath(path, this.root);
    try {
      const linted = lintPosting(display, bytes, this.schemaFor(path), { legacyEncoding: this.config.encoding, facts: wanted });
      this.index(path, { file: display, findings: linted.findings, ...(linted.facts ? { facts: linted.facts } : {}) });
    } catch {
      this.unindex(path);
    }
  }

  /** Forget what is remembered of the folders (reference values), after file events. */
  forgetFolders(): void {
    this.referenceCache.clear();
  }

  referenceValues(key: string): string[] {
    const cached = this.referenceCache.get(key);
    if (cached) return cached;
    const values = new Set<string>();
    for (const reference of this.config.references) {
      if (reference.key !== key) continue;
      const folder = dirname(reference.template);
      const [prefix, suffix, ...more] = basename(reference.template).split("{value}");
      if (folder.includes("{value}") || prefix === undefined || suffix === undefined || more.length > 0) continue;
      const take = (name: string) => {
        if (name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix)) {
          const value = name.slice(prefix.length, name.length - suffix.length);
          if (/^[^\p{Cc}\p{Cf}/\\]+$/u.test(value) && value.trim() === value) values.add(value);
        }
      };
      try {
        readdirSync(folder).slice(0, MAX_REFERENCE_NAMES).forEach(take);
      } catch {}
      for (const path of this.buffers.keys()) if (dirname(path) === folder) take(basename(path));
    }
    const sorted = [...values].sort();
    this.referenceCache.set(key, sorted);
    return sorted;
  }
}

function before(a: [number, string], b: [number, string]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}


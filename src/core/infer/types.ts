// The shapes `posting init --infer` works with (infer.ts decides, report.ts words the verdict).
import type { Lang } from "../scaffold/scaffold.js";
import type { CmsCollection } from "./cms.js";

export interface InferPosting {
  /** The path shown in the report. */
  file: string;
  /** The file's base name (for the file name pattern). */
  name: string;
  /** The front matter as the site reads it (read/site-view.ts). */
  data: Record<string, unknown>;
  /** The start of the body, for the language. */
  body?: string;
}

/** A folder whose file names a key's values may be (`content/_startups` for `startup`). */
export interface ReferenceFolder {
  /** Relative to the config, with `/`. */
  path: string;
  /** Base names without the extension. */
  names: ReadonlySet<string>;
  extension: string;
}

export interface InferOptions {
  cms?: CmsCollection;
  folders?: readonly ReferenceFolder[];
  /** Forces the language (else guessed). */
  lang?: Lang;
  /** The schema's title ("jobs"). */
  name?: string;
}

/** One rule and why. */
export interface InferredRule {
  key: string;
  rule: string;
  why: string;
}

export interface InferReport {
  postings: number;
  lang: Lang;
  langWhy: string;
  rules: InferredRule[];
  /** What lint will flag with the inferred schema (capped; `flaggedCount` is the total). */
  flagged: Flagged[];
  flaggedCount: number;
  flaggedFiles: number;
  /** Bounds that were reached (keys not tracked, values not remembered). */
  limits: string[];
}

/** What lint will flag in one file. */
export interface Flagged {
  file: string;
  key?: string;
  problem: string;
}

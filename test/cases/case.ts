// The shape of a command-line case (test/cases/<command>.cases.ts), run by test/cli-cases.test.ts.

/** What a stream must hold. Every given check applies. */
export interface TextExpect {
  equals?: string;
  includes?: string[];
  excludes?: string[];
  matches?: RegExp[];
  notMatches?: RegExp[];
  /** Number of lines (the text ends with a line feed). */
  lines?: number;
  /** Parses the text as JSON and checks it (with vitest's expect). */
  json?: (value: unknown) => void;
}

export interface CliCase {
  name: string;
  args: string[];
  /**
   * Folder to run in, relative to the repository root (default the root); "<empty>" is an empty
   * temporary folder with no posting.config.json above it.
   */
  cwd?: string;
  /** Run in a temporary copy of `cwd` (for commands that write). */
  copy?: boolean;
  /** Files (or, ending in "/", folders) created in a temporary folder before the run. */
  layout?: Record<string, string>;
  stdin?: string;
  /** The environment in-process (default `{ NO_COLOR: "1" }`); added to the parent's when spawned. */
  env?: Record<string, string>;
  exitCode: number;
  stdout?: TextExpect;
  stderr?: TextExpect;
  /** Every file under the temporary folder after the run, relative and sorted. */
  tree?: string[];
  /** Files under the folder after the run: what they hold, or null: must not exist. */
  files?: Record<string, TextExpect | null>;
  /** Also run by spawning the built bin/posting.js. */
  spawn?: boolean;
}

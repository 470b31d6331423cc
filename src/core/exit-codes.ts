// The exit codes, one table for the CLI and every command (the README's "Exit codes" section).
export const EXIT = {
  /** Nothing to report. */
  clean: 0,
  /**
   * Findings: errors (or warnings past --max-warnings), files `normalize --check` would change or
   * normalize left for a human, `list --strict` with unreadable files, a file `new` would not
   * overwrite, an `init` not done.
   */
  findings: 1,
  /** Usage, configuration or internal failure. */
  failure: 2,
  /** Interrupted (Ctrl-C): 128 + SIGINT. */
  interrupted: 130,
  /** Terminated: 128 + SIGTERM. */
  terminated: 143,
} as const;

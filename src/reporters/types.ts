import type { LintReport } from "../core/lint/lint.js";

export interface ReporterOptions {
  /** Emit ANSI colours (only when the stream is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** Tool version, for formats that record it (SARIF, JSON). */
  version?: string;
}

/** A reporter is pure: the same report and options always give the same text. */
export type Reporter = (report: LintReport, options: ReporterOptions) => string;

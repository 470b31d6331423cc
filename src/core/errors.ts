// Expected failures (bad flags, a bad config, a missing schema) print one clear line and exit 2.
// Anything else that escapes is a bug: the CLI prints its stack and asks for a report.
import type { Phrases } from "./messages/phrases.js";
import { enPhrases } from "./messages/phrases-en.js";

export class UserError extends Error {
  override name = "UserError";
  /** The message in any language's phrases (the CLI prints it in the run's language); `message` is the English. */
  worded?: (phrases: Phrases) => string;
}

export class ConfigError extends UserError {
  override name = "ConfigError";
  constructor(
    message: string,
    readonly file?: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** A UserError worded by the phrase catalogs: English as its message, the run's language when printed. */
export function phrasedError(worded: (phrases: Phrases) => string): UserError {
  const error = new UserError(worded(enPhrases));
  error.worded = worded;
  return error;
}

/** A ConfigError worded by the phrase catalogs (file and key as data, for the API). */
export function phrasedConfigError(worded: (phrases: Phrases) => string, file?: string, key?: string): ConfigError {
  const error = new ConfigError(worded(enPhrases), file, key);
  error.worded = worded;
  return error;
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

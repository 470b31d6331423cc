// Expected failures (bad flags, a bad config, a missing schema) print one clear line and exit 2.
// Anything else that escapes is a bug: the CLI prints its stack and asks for a report.

export class UserError extends Error {
  override name = "UserError";
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

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

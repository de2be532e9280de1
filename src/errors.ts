/**
 * Named errors. A UserError carries a message that is safe to show to the person who caused it
 * (a Discord member, a CLI user); anything else is a bug or an outage and is only logged.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    /** A stable identifier for tests and logs, e.g. `empty-file`. */
    readonly code: string,
    /** The short, safe message the user sees. */
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The input (a file, a question, an option) cannot be used. */
export class InvalidInputError extends UserError {
  override readonly name: string = 'InvalidInputError';
}

/** The thing asked for does not exist (in this guild). */
export class NotFoundError extends UserError {
  override readonly name: string = 'NotFoundError';
}

/** The user may not do this. */
export class PermissionDeniedError extends UserError {
  override readonly name: string = 'PermissionDeniedError';
}

/** The member or the server used a command too often; the message says when to try again. */
export class RateLimitedError extends UserError {
  override readonly name: string = 'RateLimitedError';
}

/**
 * A site newsdesk fetched from did not answer or failed (a timeout, a network error, HTTP 5xx or
 * 429): nothing was wrong with what the user gave, and trying again later may work.
 */
export class FetchFailedError extends UserError {
  override readonly name: string = 'FetchFailedError';
}

/** newsdesk is shutting down and takes no new work. */
export class ShuttingDownError extends UserError {
  override readonly name: string = 'ShuttingDownError';
  constructor() {
    super('shutting-down', 'newsdesk is restarting and nothing was changed. Try again in a minute.');
  }
}

/** A configuration value is missing or malformed; start-up stops with this message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The embedding model could not be loaded or failed to embed. */
export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';
}

/** Narrow an unknown thrown value to a UserError. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

import pino from 'pino';

/** Where log lines go: stderr until the configuration says otherwise (LOG_FILE). */
class LogDestination {
  target: { write(line: string): unknown } = pino.destination({ dest: 2, sync: true });
  write(line: string): void {
    this.target.write(line);
  }
}

const destination = new LogDestination();

/**
 * The one logger. It writes JSON lines to stderr (or appends them to LOG_FILE) so that stdout stays
 * clean for command output (`--json`) and the console. Secrets are redacted by key wherever they
 * appear in a log object. Its level and file come from the configuration (`configureLogger`).
 */
export const logger = pino(
  {
    level: 'info',
    base: { app: 'newsdesk' },
    redact: {
      paths: [
        'token',
        '*.token',
        'apiKey',
        '*.apiKey',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'config.discordToken',
        'config.llmApiKey',
        'config.embeddingApiKey',
      ],
      censor: '[redacted]',
    },
  },
  destination,
);

/**
 * Apply the configuration's LOG_LEVEL (or `fallbackLevel` when it is unset: the terminal stays
 * quieter than the bot) and LOG_FILE. Component loggers follow, since they inherit from this one.
 */
export function configureLogger(
  settings: { level: string | undefined; file: string | undefined },
  fallbackLevel = 'info',
): void {
  logger.level = settings.level ?? fallbackLevel;
  destination.target = settings.file
    ? pino.destination({ dest: settings.file, append: true, sync: true, mkdir: true })
    : pino.destination({ dest: 2, sync: true });
}

/** A child logger for one component, e.g. `componentLogger('ingest')`. */
export function componentLogger(component: string): pino.Logger {
  return logger.child({ component });
}

export type Logger = pino.Logger;

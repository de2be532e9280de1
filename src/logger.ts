import pino from 'pino';

/**
 * The one logger. It writes JSON lines to stderr (or appends them to LOG_FILE) so that stdout stays
 * clean for command output (`--json`) and the console. Secrets are redacted by key wherever they
 * appear in a log object.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
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
  process.env.LOG_FILE
    ? pino.destination({ dest: process.env.LOG_FILE, append: true, sync: true })
    : pino.destination(2),
);

/** A child logger for one component, e.g. `componentLogger('ingest')`. */
export function componentLogger(component: string): pino.Logger {
  return logger.child({ component });
}

export type Logger = pino.Logger;

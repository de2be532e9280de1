import { availableParallelism } from 'node:os';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

const snowflake = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(
    z
      .string()
      .regex(/^\d{15,22}$/, 'must be a Discord id (digits)')
      .optional(),
  )
  .optional();

/** A whole number in a range, with a message in the user's words (not "received NaN"). */
function wholeNumber(min: number, max: number, fallback: number) {
  const error = `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  // An empty value (`EMBEDDING_WORKERS=` in .env) means the default, not 0.
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback),
  );
}

/** Every environment variable newsdesk reads, with its default. */
const environmentSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default('data/state'),
  SAMPLES_DIR: z.string().trim().min(1).default('data/samples'),
  // Unset: info for the bot, warn in the terminal.
  LOG_LEVEL: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .optional(),
    )
    .optional(),
  LOG_FILE: optionalText,

  EMBEDDING_PROVIDER: z.enum(['use-lite', 'openai', 'transformers']).default('use-lite'),
  EMBEDDING_BASE_URL: optionalUrl,
  EMBEDDING_API_KEY: optionalText,
  EMBEDDING_MODEL: optionalText,
  EMBEDDING_MODEL_PATH: optionalText,
  EMBEDDING_BATCH_SIZE: wholeNumber(1, 512, 8),
  // Worker threads that embed documents (each holds a copy of the model): one per core, at most 4; 0 embeds on the main thread.
  EMBEDDING_WORKERS: wholeNumber(0, 16, Math.min(4, availableParallelism())),

  FEED_POLL_MINUTES: wholeNumber(5, 1440, 30),

  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: wholeNumber(1000, 600_000, 30_000),
  LLM_STREAMING: z.stringbool({ error: 'must be true or false' }).default(true),

  ASK_PER_USER_PER_MINUTE: wholeNumber(1, 1000, 6),
  ASK_PER_GUILD_PER_MINUTE: wholeNumber(1, 10_000, 60),
  ADD_PER_USER_PER_MINUTE: wholeNumber(1, 1000, 10),
  ADD_PER_GUILD_PER_MINUTE: wholeNumber(1, 10_000, 30),

  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  // The privileged Message Content intent (enable it in the developer portal first): any message in
  // a newsdesk thread is then a follow-up, not only those that mention the bot.
  DISCORD_MESSAGE_CONTENT: z.stringbool({ error: 'must be true or false' }).default(false),
});

export type EmbeddingProviderName = z.infer<typeof environmentSchema>['EMBEDDING_PROVIDER'];

export interface Config {
  readonly dataDir: string;
  readonly samplesDir: string;
  /** LOG_LEVEL (undefined: each entry point's default) and LOG_FILE (undefined: stderr). */
  readonly log: { readonly level: string | undefined; readonly file: string | undefined };
  /** How often each followed feed is polled. */
  readonly feedPollMinutes: number;
  readonly embedding: {
    readonly provider: EmbeddingProviderName;
    readonly baseUrl: string | undefined;
    readonly apiKey: string | undefined;
    readonly model: string | undefined;
    readonly modelPath: string | undefined;
    readonly batchSize: number;
    /** Worker threads that embed documents, off the main thread (USE-lite only; 0: on the main thread). */
    readonly workers: number;
  };
  /** An OpenAI-compatible chat model that writes answers; undefined keeps answers extractive and offline. */
  readonly llm:
    | {
        readonly baseUrl: string;
        readonly apiKey: string | undefined;
        readonly model: string;
        readonly timeoutMs: number;
        readonly streaming: boolean;
      }
    | undefined;
  /** How often one member, and one server, may use /ask and /add per minute. */
  readonly rateLimits: {
    readonly ask: { readonly perUser: number; readonly perGuild: number };
    readonly add: { readonly perUser: number; readonly perGuild: number };
  };
  readonly discord: {
    readonly token: string | undefined;
    readonly clientId: string | undefined;
    readonly guildId: string | undefined;
    readonly apiUrl: string;
    /** Whether the bot asks for the Message Content intent and reads every message in its threads. */
    readonly messageContent: boolean;
  };
}

/** Parse a set of environment variables into the typed, frozen config; throws ConfigError naming the variable. */
export function parseConfig(environment: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      return `${variable}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
  }
  const env = result.data;
  if (env.EMBEDDING_PROVIDER === 'openai' && !env.EMBEDDING_BASE_URL) {
    throw new ConfigError('Invalid configuration. EMBEDDING_BASE_URL: required when EMBEDDING_PROVIDER=openai');
  }
  if (env.EMBEDDING_PROVIDER === 'transformers' && !env.EMBEDDING_MODEL_PATH) {
    throw new ConfigError('Invalid configuration. EMBEDDING_MODEL_PATH: required when EMBEDDING_PROVIDER=transformers');
  }
  if (env.LLM_BASE_URL && !env.LLM_MODEL) {
    throw new ConfigError('Invalid configuration. LLM_MODEL: required when LLM_BASE_URL is set');
  }
  if (env.DISCORD_TOKEN && !env.DISCORD_CLIENT_ID) {
    throw new ConfigError('Invalid configuration. DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set');
  }
  return Object.freeze({
    dataDir: path.resolve(env.DATA_DIR),
    samplesDir: path.resolve(env.SAMPLES_DIR),
    log: Object.freeze({ level: env.LOG_LEVEL, file: env.LOG_FILE }),
    feedPollMinutes: env.FEED_POLL_MINUTES,
    embedding: Object.freeze({
      provider: env.EMBEDDING_PROVIDER,
      baseUrl: env.EMBEDDING_BASE_URL,
      apiKey: env.EMBEDDING_API_KEY,
      model: env.EMBEDDING_MODEL,
      modelPath: env.EMBEDDING_MODEL_PATH,
      batchSize: env.EMBEDDING_BATCH_SIZE,
      workers: env.EMBEDDING_WORKERS,
    }),
    llm:
      env.LLM_BASE_URL && env.LLM_MODEL
        ? Object.freeze({
            baseUrl: env.LLM_BASE_URL,
            apiKey: env.LLM_API_KEY,
            model: env.LLM_MODEL,
            timeoutMs: env.LLM_TIMEOUT_MS,
            streaming: env.LLM_STREAMING,
          })
        : undefined,
    rateLimits: Object.freeze({
      ask: Object.freeze({ perUser: env.ASK_PER_USER_PER_MINUTE, perGuild: env.ASK_PER_GUILD_PER_MINUTE }),
      add: Object.freeze({ perUser: env.ADD_PER_USER_PER_MINUTE, perGuild: env.ADD_PER_GUILD_PER_MINUTE }),
    }),
    discord: Object.freeze({
      token: env.DISCORD_TOKEN,
      clientId: env.DISCORD_CLIENT_ID,
      guildId: env.DISCORD_GUILD_ID,
      apiUrl: env.DISCORD_API_URL,
      messageContent: env.DISCORD_MESSAGE_CONTENT,
    }),
  });
}

let loaded: Config | undefined;

/** Read `.env` once and return the process-wide config. */
export function loadConfig(): Config {
  if (!loaded) {
    loadDotenv({ quiet: true });
    loaded = parseConfig(process.env);
  }
  return loaded;
}

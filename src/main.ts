import { LOCAL_GUILD } from './cli.js';
import { loadConfig } from './config.js';
import { runConsole } from './console.js';
import { ConfigError } from './errors.js';
import { configureLogger, logger } from './logger.js';
import { Newsdesk, SHUTDOWN_TIMEOUT_MS } from './newsdesk.js';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set; otherwise the local console over the
 * sample articles, so a fresh checkout does something useful with no setup.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (config.discord.token) {
    configureLogger(config.log);
    const { startBot } = await import('./discord/bot.js');
    let bot: Awaited<ReturnType<typeof startBot>>;
    try {
      bot = await startBot(config);
    } catch (error) {
      const failure = startFailure(error, config.discord.apiUrl);
      logger.error({ err: error }, 'the bot could not start');
      console.error(failure.message);
      process.exit(failure.exitCode);
    }
    const stop = (signal: string): void => {
      logger.info({ signal }, 'shutting down');
      // If draining hangs, leave anyway: every article is stored in one transaction, so nothing is half written.
      setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS + 5000).unref();
      bot.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    // One bad interaction must never take the bot down; log what escaped and keep serving.
    process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
    return;
  }
  configureLogger(config.log, 'warn');
  const newsdesk = await Newsdesk.open(config);
  if (newsdesk.listSources(LOCAL_GUILD).total === 0) {
    const outcomes = await newsdesk.ingestFiles([config.samplesDir], LOCAL_GUILD);
    const stored = outcomes.filter((outcome) => outcome.status !== 'failed').length;
    console.log(`Loaded ${stored} sample article(s) from ${config.samplesDir}.`);
  }
  try {
    await runConsole(newsdesk, {
      input: process.stdin,
      output: process.stdout,
      guildId: LOCAL_GUILD,
      prompt: process.stdin.isTTY === true,
    });
  } finally {
    newsdesk.close();
  }
}

/** Network errors that mean Discord could not be reached, as Node and undici name them. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** What to tell the person who started the bot, in one line, and the exit code the README lists. */
function startFailure(error: unknown, apiUrl: string): { message: string; exitCode: number } {
  const failure = error as { code?: unknown; status?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = String(failure.cause?.code ?? failure.code ?? '');
  if (code === 'TokenInvalid' || failure.status === 401) {
    return {
      message: 'Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal.',
      exitCode: 2,
    };
  }
  if (UNREACHABLE.has(code)) return { message: `Could not reach Discord at ${apiUrl}: ${code}.`, exitCode: 1 };
  if (typeof failure.status === 'number' && failure.status >= 500) {
    return { message: `Discord answered ${failure.status} at start-up; try again in a few minutes.`, exitCode: 1 };
  }
  return { message: `newsdesk could not start: ${String(failure.message ?? error)}`, exitCode: 1 };
}

await main();

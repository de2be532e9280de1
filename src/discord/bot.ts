import { type Client, Events } from 'discord.js';
import { type BriefingPublisher, BriefingScheduler } from '../briefing/scheduler.js';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { FeedPoller } from '../ingest/feed-poller.js';
import { componentLogger } from '../logger.js';
import { Newsdesk, SHUTDOWN_TIMEOUT_MS } from '../newsdesk.js';
import { settledWithin } from '../settled-within.js';
import { downloadAttachment } from './attachments.js';
import { createBriefingPublisher } from './briefing-publisher.js';
import { createDiscordClient, type RestTuning } from './client.js';
import type { AttachedFile, BotServices, Command, MessageCommand } from './command.js';
import { logGatewayOutages } from './gateway-log.js';
import { createInteractionRouter } from './interaction-router.js';
import { loadCommands, loadMessageCommands } from './load-commands.js';
import { CommandRateLimits } from './rate-limits.js';
import { createThreadFollowUpHandler } from './thread-follow-ups.js';

const log = componentLogger('discord');

export interface BotOptions {
  /** The core services; by default the Newsdesk over the configured data folder. */
  services?: BotServices;
  commands?: ReadonlyMap<string, Command>;
  messageCommands?: ReadonlyMap<string, MessageCommand>;
  rest?: RestTuning;
  downloadAttachment?: (file: AttachedFile) => Promise<Uint8Array>;
  /**
   * Builds the daily-briefing scheduler around the bot's publisher. By default, the Newsdesk's
   * scheduler on the real clock; tests pass one with a fake clock (and `startScheduler: false`).
   */
  scheduler?: (publish: BriefingPublisher) => BriefingScheduler | undefined;
  startScheduler?: boolean;
}

export interface RunningBot {
  client: Client<true>;
  commands: ReadonlyMap<string, Command>;
  messageCommands: ReadonlyMap<string, MessageCommand>;
  scheduler: BriefingScheduler | undefined;
  /** Log out and close what the bot opened. */
  stop(): Promise<void>;
}

/** Log in to Discord and answer slash commands until stopped. */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const token = config.discord.token;
  if (!token) throw new ConfigError('DISCORD_TOKEN is required to run the bot.');
  const ownNewsdesk = options.services ? undefined : await Newsdesk.open(config);
  const services = options.services ?? (ownNewsdesk as Newsdesk);
  const commands = options.commands ?? (await loadCommands(log));
  const messageCommands = options.messageCommands ?? (await loadMessageCommands(log));
  const client = createDiscordClient(config.discord, options.rest);

  let stopping = false;
  const rateLimits = new CommandRateLimits(config.rateLimits);
  const route = createInteractionRouter({
    commands,
    messageCommands,
    services,
    log,
    downloadAttachment: options.downloadAttachment ?? downloadAttachment,
    rateLimits,
    isStopping: () => stopping,
  });
  const answerInThread = createThreadFollowUpHandler({
    services,
    log,
    readsEveryMessage: config.discord.messageContent,
    rateLimits,
    isStopping: () => stopping,
  });
  // Commands being handled, so that a stop lets them finish (download, ingest, reply) first.
  const handling = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = route(interaction);
    handling.add(handled);
    void handled.finally(() => handling.delete(handled));
  });
  // Messages in the bot's own threads that are addressed to it are follow-ups; all others are ignored.
  client.on(Events.MessageCreate, (message) => {
    const handled = answerInThread(message);
    handling.add(handled);
    void handled.finally(() => handling.delete(handled));
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  logGatewayOutages(client, log, () => stopping);

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    ownNewsdesk?.close();
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  // The model loads on first use; the bot loads it now, in the background, for the first /ask.
  ownNewsdesk?.warmModel();
  log.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, commands: commands.size }, 'bot ready');

  const publish = createBriefingPublisher(readyClient);
  const scheduler = options.scheduler
    ? options.scheduler(publish)
    : ownNewsdesk
      ? new BriefingScheduler({ settings: ownNewsdesk.settings, briefings: ownNewsdesk.briefings, publish })
      : undefined;
  if (scheduler && options.startScheduler !== false) scheduler.start();
  const feedPoller = ownNewsdesk ? new FeedPoller(ownNewsdesk.feeds) : undefined;
  feedPoller?.start();

  return {
    client: readyClient,
    commands,
    messageCommands,
    scheduler,
    async stop() {
      stopping = true;
      await scheduler?.stop();
      await feedPoller?.stop();
      // Commands in flight finish and send their replies before the core closes and the client logs
      // out; one deadline covers both waits, so the stop stays within main.ts's hard limit.
      const deadline = performance.now() + SHUTDOWN_TIMEOUT_MS;
      if (!(await settledWithin([...handling], SHUTDOWN_TIMEOUT_MS))) {
        log.warn({ commands: handling.size }, 'commands still running at shutdown were cut');
      }
      const drained = await ownNewsdesk?.shutdown(Math.max(0, deadline - performance.now()));
      if (drained && drained.unfinished > 0) log.warn(drained, 'work still running at shutdown was cut');
      // Commands that arrived during the stop were turned away; their replies go out before logging out.
      await settledWithin([...handling], Math.max(0, deadline - performance.now()));
      await client.destroy();
      log.info(ownNewsdesk ? 'logged out of Discord; indexes saved, database closed' : 'logged out of Discord');
    },
  };
}

import { Client, GatewayIntentBits, Options, REST, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';

/** REST settings every client and REST instance shares; tests shorten retries and timeouts. */
export type RestTuning = Partial<Pick<RESTOptions, 'retries' | 'timeout'>>;

/**
 * The bot's client. Guilds for commands, GuildMessages for the messages that mention it in its
 * threads (Discord includes a message's text when the bot is mentioned); Message Content, a
 * privileged intent, only when configured. Messages are not cached: the bot reads each once. No
 * message of the bot may ping anyone: article titles are outside text and could hold `@everyone`.
 */
export function createDiscordClient(discord: Config['discord'], tuning: RestTuning = {}): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      ...(discord.messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    rest: { api: discord.apiUrl, ...tuning },
    allowedMentions: { parse: [], repliedUser: false },
  });
}

/** A REST client for the deploy script, with the same API base as the bot. */
export function createDiscordRest(discord: Config['discord'], tuning: RestTuning = {}): REST {
  const rest = new REST({ api: discord.apiUrl, ...tuning });
  if (discord.token) rest.setToken(discord.token);
  return rest;
}

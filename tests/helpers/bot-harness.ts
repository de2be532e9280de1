import { afterAll, beforeAll } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { type BotOptions, type RunningBot, startBot } from '../../src/discord/bot.js';
import { FakeDiscord, type FakeGuildSpec } from './fake-discord.js';
import { FakeServices } from './fake-services.js';
import { TEST_SECRETS } from './secrets.js';
import { makeTempDir } from './temp-dir.js';

export const GUILD_A: FakeGuildSpec = {
  id: '1000000000000000001',
  name: 'Guild A',
  channelId: '1000000000000000101',
  roles: [{ id: '1000000000000000201', name: 'editors' }],
};
export const GUILD_B: FakeGuildSpec = { id: '1000000000000000002', name: 'Guild B', channelId: '1000000000000000102' };

/**
 * A fake Discord and the real bot logged in to it. Command rate limits are generous unless
 * `environment` sets them (the rate-limit tests do).
 */
export async function startBotAgainstFake(
  options: BotOptions & { dataDir: string; environment?: Record<string, string>; fake?: FakeDiscord },
): Promise<{ fake: FakeDiscord; bot: RunningBot; config: ReturnType<typeof parseConfig> }> {
  // A restart logs in again to the same fake Discord when one is given.
  const fake = options.fake ?? (await FakeDiscord.start([GUILD_A, GUILD_B]));
  const config = parseConfig({
    ASK_PER_USER_PER_MINUTE: '1000',
    ASK_PER_GUILD_PER_MINUTE: '1000',
    ADD_PER_USER_PER_MINUTE: '1000',
    ADD_PER_GUILD_PER_MINUTE: '1000',
    ...options.environment,
    DATA_DIR: options.dataDir,
    DISCORD_TOKEN: TEST_SECRETS.discordToken,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
  });
  const { fake: _given, ...botOptions } = options;
  const bot = await startBot(config, { rest: { retries: 0, timeout: 2000 }, ...botOptions });
  return { fake, bot, config };
}

/** A bot over fake core services, started before a describe block's tests and stopped after them. */
export interface FakeServicesBot {
  readonly services: FakeServices;
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
}

/** Register the hooks of a describe block that runs the real bot over FakeServices against a fake Discord. */
export function useFakeServicesBot(environment?: Record<string, string>): FakeServicesBot {
  const temp = makeTempDir();
  const services = new FakeServices();
  let started: { fake: FakeDiscord; bot: RunningBot } | undefined;
  beforeAll(async () => {
    started = await startBotAgainstFake({ dataDir: temp.dir, services, ...(environment ? { environment } : {}) });
  });
  afterAll(async () => {
    await started?.bot.stop();
    await started?.fake.close();
    temp.remove();
  });
  const running = () => {
    if (!started) throw new Error('the bot is started in beforeAll');
    return started;
  };
  return {
    services,
    get fake() {
      return running().fake;
    },
    get bot() {
      return running().bot;
    },
  };
}

import { parseConfig } from '../../src/config.js';
import { type BotOptions, type RunningBot, startBot } from '../../src/discord/bot.js';
import { FakeDiscord, type FakeGuildSpec } from './fake-discord.js';
import { TEST_SECRETS } from './secrets.js';

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
  options: BotOptions & { dataDir: string; environment?: Record<string, string> },
): Promise<{ fake: FakeDiscord; bot: RunningBot; config: ReturnType<typeof parseConfig> }> {
  const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
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
  const bot = await startBot(config, { rest: { retries: 0, timeout: 2000 }, ...options });
  return { fake, bot, config };
}

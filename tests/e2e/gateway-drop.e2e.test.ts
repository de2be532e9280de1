import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { TEST_LOG_FILE } from '../global-setup.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { FakeServices } from '../helpers/fake-services.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('a gateway connection that drops while the bot runs', () => {
  const temp = makeTempDir();
  const services = new FakeServices();
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services, startScheduler: false }));
    services.nextAnswer = { answer: 'The ferries run again. [1]', abstained: false, citations: [], support: 1 };
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    temp.remove();
  });

  it('is resumed by discord.js, and the bot answers again once Discord is back', async () => {
    const startedAt = Date.now();
    const before = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: 'Ferries?' } }),
    );
    expect(before.edits.length).toBeGreaterThan(0);
    // Down for a second: the first reconnection attempts are refused, as on a flaky network.
    fake.dropGateway(1000);
    await fake.waitFor(() => fake.connectedClients > 0 && fake.resumes + fake.identifies > 1, 30_000);
    expect(fake.resumes).toBeGreaterThanOrEqual(1);
    const after = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: 'Ferries again?' } }),
      30_000,
    );
    expect(after.edits.at(-1)?.message.embeds[0]?.description).toContain('The ferries run again.');
    // One warning for the outage, however many attempts it took, and one line when it ended.
    const lines = readFileSync(TEST_LOG_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"msg":"gateway ') && Number(/"time":(\d+)/.exec(line)?.[1]) >= startedAt);
    expect(lines.filter((line) => line.includes('gateway connection lost'))).toHaveLength(1);
    expect(lines.filter((line) => /gateway (resumed|reconnected)/.test(line))).toHaveLength(1);
  });
});

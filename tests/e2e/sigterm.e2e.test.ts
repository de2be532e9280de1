import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { GUILD_A, GUILD_B } from '../helpers/bot-harness.js';
import { FakeDiscord, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { TEST_SECRETS } from '../helpers/secrets.js';
import { expectStoredConsistently } from '../helpers/stored-state.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Under /add's 6,000-character limit for pasted text.
const SAMPLE = readFileSync('tests/fixtures/samples/ukraine-troops-2022-01-26.txt', 'utf8').slice(0, 5800);

describe('SIGTERM to `npm start` with a token', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('finishes the /add in flight, saves the index, closes the database, logs out and exits 0', async () => {
    const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
    try {
      const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: {
          ...process.env,
          DATA_DIR: temp.dir,
          DISCORD_TOKEN: TEST_SECRETS.discordToken,
          DISCORD_CLIENT_ID: fake.applicationId,
          DISCORD_API_URL: fake.apiUrl,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
      await fake.waitFor(() => fake.connectedClients > 0, 60_000);
      // The gateway is up; wait until the bot answers (it is ready), then give it work and stop it mid-way.
      await fake.settled(fake.sendCommand('sources', { guildId: GUILD_A.id }), 60_000);
      const record = fake.sendCommand('add', {
        guildId: GUILD_A.id,
        permissions: MANAGE_GUILD,
        options: { text: SAMPLE, title: 'Troops for Eastern Europe' },
      });
      await fake.waitFor(() => record.callbacks.length > 0);
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(record.edits.at(-1)?.message.embeds[0]?.description ?? '').toContain('Troops for Eastern Europe');
      expect(fake.connectedClients).toBe(0);
    } finally {
      await fake.close();
    }
    await expectStoredConsistently(temp.dir, GUILD_A.id, ['Troops for Eastern Europe']);
  }, 120_000);
});

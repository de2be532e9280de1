import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ShuttingDownError } from '../../src/errors.js';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import { MANAGE_GUILD } from '../helpers/fake-discord.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { expectStoredConsistently } from '../helpers/stored-state.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Under /add's 6,000-character limit for pasted text.
const SAMPLE = readFileSync('data/samples/ukraine-troops-2022-01-26.txt', 'utf8').slice(0, 5800);

describe('graceful shutdown', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('on stop, lets the /add in flight finish and reply, then saves, closes and logs out', async () => {
    // The bot opens its own Newsdesk on the data folder, as `npm start` does.
    const { fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, startScheduler: false });
    try {
      const record = fake.sendCommand('add', {
        guildId: GUILD_A.id,
        permissions: MANAGE_GUILD,
        options: { text: `Troops for Eastern Europe\n${SAMPLE}`, title: 'Troops for Eastern Europe' },
      });
      await fake.waitFor(() => record.callbacks.length > 0);
      expect(record.edits).toEqual([]);
      // Stop while the article is being embedded.
      await bot.stop();
      expect(record.edits.at(-1)?.message.embeds[0]?.description ?? '').toContain('Troops for Eastern Europe');
      expect(fake.connectedClients).toBe(0);
    } finally {
      await fake.close();
    }
    // Everything was saved: the article is there and the index matches the database, with no rebuild needed.
    // Every passage of the article, not just the first batch, was stored and indexed.
    const { passages } = prepareArticle({
      title: 'Troops for Eastern Europe',
      body: `Troops for Eastern Europe\n${SAMPLE}`,
    });
    expect(passages.length).toBeGreaterThan(1);
    await expectStoredConsistently(temp.dir, GUILD_A.id, ['Troops for Eastern Europe'], passages.length);
  });

  it('refuses new work once shutdown has begun, with a message the member can act on', async () => {
    const folder = makeTempDir();
    const newsdesk = await openRealNewsdesk(folder.dir);
    const inFlight = newsdesk.ingestArticles([{ title: 'Troops', body: SAMPLE }], 'g');
    const shutdown = newsdesk.shutdown();
    await expect(newsdesk.ingestArticles([{ title: 'Late', body: SAMPLE }], 'g')).rejects.toBeInstanceOf(
      ShuttingDownError,
    );
    await expect(newsdesk.ask('g', 'How many troops?')).rejects.toThrow('newsdesk is restarting');
    expect((await inFlight)[0]?.status).toBe('added');
    expect(await shutdown).toEqual({ unfinished: 0 });
    folder.remove();
  });
});

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
const SAMPLE = readFileSync('tests/fixtures/samples/ukraine-troops-2022-01-26.txt', 'utf8').slice(0, 5800);
// A long read as a file: the first line is its title, then the bodies of the benchmark's first articles.
const LONG_READ_TITLE = 'A long read on the week in technology';
const corpus = JSON.parse(readFileSync('../shared/bench/multihop/corpus.json', 'utf8')) as { body: string }[];
const LONG_READ = Buffer.from(
  [LONG_READ_TITLE, ...corpus.slice(0, 3).map((article) => article.body)].join('\n\n'),
  'utf8',
);

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
        options: { file: { file: { name: 'long-read.txt', data: LONG_READ, contentType: 'text/plain' } } },
      });
      // Stop as soon as the /add is acknowledged: its download, its ingest (a few seconds of
      // embedding) and its reply all still lie ahead, and the stop must wait for them.
      await fake.waitFor(() => record.callbacks.length > 0);
      expect(record.edits).toEqual([]);
      const stopAt = performance.now();
      const stopped = bot.stop().then(() => performance.now());
      // A command that arrives while the bot stops is turned away with a message, not dropped.
      const late = fake.sendCommand('ask', {
        guildId: GUILD_A.id,
        options: { question: 'What did the long read say?' },
      });
      await fake.waitFor(() => late.callbacks.length > 0);
      expect(late.callbacks[0]?.data?.content).toContain('newsdesk is restarting');
      const stoppedAt = await stopped;
      // The /add's reply came after the stop began and before it ended: the stop waited for it.
      // (Whether it came before or after the late command's refusal depends on when the ingest
      // yields the event loop, so the test does not rely on that order.)
      const reply = record.edits.at(-1);
      expect(reply?.message.embeds[0]?.description ?? '').toContain(LONG_READ_TITLE);
      expect(reply?.at).toBeGreaterThan(stopAt);
      expect(reply?.at).toBeLessThan(stoppedAt);
      expect(fake.connectedClients).toBe(0);
    } finally {
      await fake.close();
    }
    // Everything was saved: the article is there and the index matches the database, with no rebuild needed.
    const { passages } = prepareArticle({ title: LONG_READ_TITLE, body: LONG_READ.toString('utf8') });
    expect(passages.length).toBeGreaterThan(10);
    await expectStoredConsistently(temp.dir, GUILD_A.id, [LONG_READ_TITLE], passages.length);
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

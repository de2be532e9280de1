import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT } from '../../src/cli.js';
import type { RunningBot } from '../../src/discord/bot.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, GUILD_B, startBotAgainstFake } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { PageServer } from '../helpers/page-server.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { runCliCapturing } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * What only guild A's article, feed and settings hold, and no member of B types (B's own questions
 * and options, which replies may echo, name the lighthouse, the island and the article's link).
 */
// Whole words: the records' timings ("at":2468.418718) must not pass for the article's year.
const SECRET_WORDS =
  /Fresnel|\b1871\b|four-year renovation|Keeper's Log|Keeper&#39;s|\b08:15\b|Pacific\/Auckland|feed\.xml/i;

const ARTICLE_A = {
  title: 'Lighthouse museum opens on Skerry Island',
  source: "Keeper's Log",
  url: 'https://keepers.example/lighthouse-museum',
  body: [
    'The restored lighthouse on Skerry Island opened as a maritime museum on Saturday after a four-year renovation.',
    'The museum shows the original Fresnel lens, which was made in Paris in 1871 and weighs nearly three tonnes.',
  ].join('\n\n'),
};

const FEED_A = `<?xml version="1.0"?><rss version="2.0"><channel><title>Keeper's Log</title><link>https://keepers.example/</link>
<item><title>Lighthouse museum opens</title><link>https://keepers.example/lighthouse-museum</link><guid>lm-1</guid></item>
</channel></rss>`;

function everything(record: FakeInteraction): string {
  return JSON.stringify([record.original, record.edits, record.followUps, record.callbacks]);
}

describe('isolation: nothing of guild A is listed, cited, removed or briefed in guild B', () => {
  const temp = makeTempDir();
  let pages: PageServer;
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;
  let articleId = '';
  let feedId = '';
  const run = (name: string, spec: Parameters<FakeDiscord['sendCommand']>[1]) =>
    fake.settled(fake.sendCommand(name, { guildId: GUILD_B.id, permissions: MANAGE_GUILD, ...spec }));

  beforeAll(async () => {
    pages = await PageServer.start({
      '/feed.xml': { body: FEED_A, headers: { 'content-type': 'application/rss+xml' } },
    });
    newsdesk = await openRealNewsdesk(temp.dir, { localPages: true });
    const [outcome] = await newsdesk.ingestArticles(
      [{ ...ARTICLE_A, publishedAt: new Date(Date.now() - 3_600_000).toISOString() }],
      GUILD_A.id,
    );
    articleId = outcome && 'article' in outcome ? outcome.article.id : '';
    feedId = String((await newsdesk.feeds.add(GUILD_A.id, pages.url('/feed.xml'))).feed.id);
    newsdesk.settings.update(GUILD_A.id, {
      briefingChannelId: GUILD_A.channelId,
      briefingTime: '08:15',
      timeZone: 'Pacific/Auckland',
    });
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk, startScheduler: false }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await pages?.close();
    newsdesk?.close();
    temp.remove();
  });

  /** Every command B could use to reach A's data: none may show or change it. */
  const DISCORD_CASES: { name: string; command: string; spec: () => Parameters<FakeDiscord['sendCommand']>[1] }[] = [
    {
      name: '/ask about it',
      command: 'ask',
      spec: () => ({ options: { question: 'When did the lighthouse museum on Skerry Island open?' } }),
    },
    { name: '/sources', command: 'sources', spec: () => ({}) },
    { name: '/sources with its title', command: 'sources', spec: () => ({ options: { query: 'Lighthouse' } }) },
    { name: '/remove by its id', command: 'remove', spec: () => ({ options: { article: articleId } }) },
    { name: '/remove by its URL', command: 'remove', spec: () => ({ options: { article: ARTICLE_A.url } }) },
    {
      name: '/remove autocomplete',
      command: 'remove',
      spec: () => ({ options: { article: 'Light' }, focused: 'article' }),
    },
    { name: '/briefing of the week', command: 'briefing', spec: () => ({ options: { hours: 168 } }) },
    { name: '/feed list', command: 'feed', spec: () => ({ subcommand: 'list' }) },
    {
      name: '/feed remove by its number',
      command: 'feed',
      spec: () => ({ subcommand: 'remove', options: { feed: feedId } }),
    },
    { name: '/settings', command: 'settings', spec: () => ({}) },
  ];

  for (const entry of DISCORD_CASES) {
    it(`${entry.name} in B shows and changes nothing of A`, async () => {
      const record = await run(entry.command, entry.spec());
      expect(everything(record)).not.toMatch(SECRET_WORDS);
      expect(newsdesk.listSources(GUILD_A.id).total).toBe(1);
      expect(newsdesk.feeds.list(GUILD_A.id)).toHaveLength(1);
      expect(newsdesk.settings.get(GUILD_A.id).briefingTime).toBe('08:15');
    });
  }

  it("would see A's data if it leaked: the same checks match in A", async () => {
    const sources = await fake.settled(fake.sendCommand('sources', { guildId: GUILD_A.id }));
    expect(everything(sources)).toMatch(SECRET_WORDS);
    const settings = await fake.settled(
      fake.sendCommand('settings', { guildId: GUILD_A.id, permissions: MANAGE_GUILD }),
    );
    expect(everything(settings)).toMatch(SECRET_WORDS);
  });

  it("/add in B of the very same article stores B's own copy; removing it leaves A's", async () => {
    const before = newsdesk.library.getArticle(GUILD_A.id, articleId);
    await run('add', { options: { text: `${ARTICLE_A.title}\n${ARTICLE_A.body}`, source: "Keeper's Log" } });
    const copies = newsdesk.listSources(GUILD_B.id).articles;
    expect(copies).toHaveLength(1);
    expect(copies[0]?.id).not.toBe(articleId);
    expect(newsdesk.library.getArticle(GUILD_A.id, articleId)).toEqual(before);
    await run('remove', { options: { article: copies[0]?.id ?? '' } });
    expect(newsdesk.listSources(GUILD_B.id).total).toBe(0);
    expect(newsdesk.library.getArticle(GUILD_A.id, articleId)).toEqual(before);
    expect(newsdesk.library.audit(GUILD_A.id)).toMatchObject({ missing: [], orphans: [] });
  });

  it('every CLI verb with --guild B shows and changes nothing of A', async () => {
    await bot.stop();
    newsdesk.close();
    process.env.DATA_DIR = temp.dir;
    const cli = runCliCapturing;
    const verbs: [string[], number | undefined][] = [
      [['ask', 'When did the lighthouse museum on Skerry Island open?', '--guild', GUILD_B.id, '--json'], undefined],
      [['sources', '--guild', GUILD_B.id, '--json'], undefined],
      [['sources', 'Lighthouse', '--guild', GUILD_B.id], undefined],
      [['remove', articleId, '--guild', GUILD_B.id], EXIT_BAD_INPUT],
      [['remove', ARTICLE_A.url, '--guild', GUILD_B.id], EXIT_BAD_INPUT],
      [['briefing', '--since', '7d', '--guild', GUILD_B.id, '--json'], undefined],
      [['feeds', 'list', '--guild', GUILD_B.id], undefined],
      [['feeds', 'remove', feedId, '--guild', GUILD_B.id], EXIT_BAD_INPUT],
    ];
    for (const [args, expectedCode] of verbs) {
      const { code, text } = await cli(...args);
      expect(text, args.join(' ')).not.toMatch(SECRET_WORDS);
      if (expectedCode !== undefined) expect(code, args.join(' ')).toBe(expectedCode);
    }
    // `ingest` into B of A's very text makes B's own copy.
    const copy = path.join(temp.dir, 'copy.md');
    writeFileSync(copy, `---\ntitle: ${ARTICLE_A.title}\n---\n${ARTICLE_A.body}\n`);
    expect((await cli('ingest', copy, '--guild', GUILD_B.id)).code).toBe(0);
    expect((await cli('sources', '--guild', GUILD_B.id)).text).toContain(ARTICLE_A.title);
    // A's article and feed are still there, for A.
    const sources = await cli('sources', '--guild', GUILD_A.id);
    expect(sources.text).toContain(ARTICLE_A.title);
    expect(sources.text).toContain(articleId);
    const feeds = await cli('feeds', 'list', '--guild', GUILD_A.id);
    expect(feeds.text).toContain(pages.url('/feed.xml'));
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, GUILD_B, startBotAgainstFake } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { PageServer } from '../helpers/page-server.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const EPHEMERAL = 64;

/** The final message an interaction was answered with, and its flags. */
function answered(record: FakeInteraction): { flags: number; text: string } {
  const callback = record.callbacks[0];
  const data = (callback?.data ?? {}) as { flags?: number; content?: string; embeds?: { description?: string }[] };
  const message = record.edits.at(-1)?.message;
  const embeds = message?.embeds ?? data.embeds ?? [];
  return {
    flags: data.flags ?? 0,
    text: [message?.content ?? data.content ?? '', ...embeds.map((embed) => embed.description ?? '')].join('\n'),
  };
}

const PAGE = `<!doctype html><html><head><title>Ferry strike ends after nine days</title>
<meta property="og:site_name" content="Harbour Gazette"></head><body><article><h1>Ferry strike ends after nine days</h1>
<p>The ferry workers' union ended its nine-day strike on Tuesday after the operator agreed to a 6 percent pay rise.</p>
<p>Services to the islands resume on Wednesday morning, the operator said in a statement to passengers.</p>
<p>Union leader Maria Okafor said the agreement "shows what standing together can win" and thanked travellers for their patience.</p>
</article></body></html>`;

describe('message commands (a message\u2019s Apps menu)', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;
  let pages: PageServer;

  beforeAll(async () => {
    pages = await PageServer.start({ '/ferry-strike': { body: PAGE } });
    newsdesk = await openRealNewsdesk(temp.dir, { localPages: true });
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk }));
    await newsdesk.ingestFiles([SAMPLE], GUILD_A.id);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    newsdesk?.close();
    await pages?.close();
    temp.remove();
  });

  it('registers both with the slash commands, as message commands (type 3)', () => {
    expect([...bot.messageCommands.keys()].sort()).toEqual(['Add to newsdesk', 'Ask newsdesk']);
    for (const command of bot.messageCommands.values()) expect(command.data.toJSON().type).toBe(3);
  });

  it('"Ask newsdesk" answers the message\u2019s text as a question, only to whoever asked, with citations', async () => {
    const record = await fake.settled(
      fake.messageCommand(
        'Ask newsdesk',
        { content: 'How many additional troops would each country send?' },
        {
          guildId: GUILD_A.id,
        },
      ),
    );
    expect(record.callbacks[0]?.type).toBe(5);
    expect(record.callbacks[0]?.data).toMatchObject({ flags: EPHEMERAL });
    const { text } = answered(record);
    expect(text).toMatch(/\[1\]/);
    expect(text).toMatch(/troops/i);
  });

  it('"Ask newsdesk" in another server answers from that server\u2019s articles only', async () => {
    const record = await fake.settled(
      fake.messageCommand(
        'Ask newsdesk',
        { content: 'How many additional troops would each country send?' },
        {
          guildId: GUILD_B.id,
        },
      ),
    );
    expect(answered(record).text).not.toMatch(/\[1\]/);
  });

  it('"Ask newsdesk" on a message without text says so, privately', async () => {
    const record = await fake.settled(fake.messageCommand('Ask newsdesk', { content: '   ' }, { guildId: GUILD_A.id }));
    expect(record.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(answered(record).text).toContain(DISCORD_TEXTS.messageWithoutText);
  });

  it('"Add to newsdesk" is refused to a plain member, and nothing is stored', async () => {
    const before = newsdesk.listSources(GUILD_A.id).total;
    const record = await fake.settled(
      fake.messageCommand(
        'Add to newsdesk',
        { content: `Read this: ${pages.url('/ferry-strike')}` },
        {
          guildId: GUILD_A.id,
          permissions: '0',
        },
      ),
    );
    expect(record.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(answered(record).text).toContain(DISCORD_TEXTS.moderatorsOnlyMenu('Add to newsdesk'));
    expect(newsdesk.listSources(GUILD_A.id).total).toBe(before);
    expect(pages.hits).toHaveLength(0);
  });

  it('"Add to newsdesk" adds each link through the address guard, and reports the one it refused', async () => {
    const record = await fake.settled(
      fake.messageCommand(
        'Add to newsdesk',
        { content: `Strike's over <${pages.url('/ferry-strike')}>, and see http://10.0.0.7/internal.` },
        { guildId: GUILD_A.id, permissions: MANAGE_GUILD },
      ),
      60_000,
    );
    const { text } = answered(record);
    expect(text).toMatch(/✓ Added .*Ferry strike ends after nine days/);
    expect(text).toMatch(/✗ /);
    expect(pages.hits).toEqual(['/ferry-strike']);
    const stored = newsdesk.listSources(GUILD_A.id, { query: 'ferry strike' });
    expect(stored.articles.map((article) => article.title)).toContain('Ferry strike ends after nine days');
  });

  it('"Add to newsdesk" on a message without links adds its text, with its author and time', async () => {
    const record = await fake.settled(
      fake.messageCommand(
        'Add to newsdesk',
        {
          content:
            'Library opening hours extended\nThe town library will open until 9pm on weekdays from March, the council said.',
          authorName: 'Priya',
          timestamp: '2024-02-20T09:30:00.000Z',
        },
        { guildId: GUILD_A.id, permissions: MANAGE_GUILD },
      ),
      60_000,
    );
    expect(answered(record).text).toMatch(/✓ Added .*Library opening hours extended/);
    const [article] = newsdesk.listSources(GUILD_A.id, { query: 'library opening hours' }).articles;
    expect(article).toMatchObject({ title: 'Library opening hours extended', author: 'Priya', source: 'Discord' });
    expect(article?.publishedAt?.slice(0, 10)).toBe('2024-02-20');
  });
});

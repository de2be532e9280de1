import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, BriefingStory } from '../../src/briefing/briefing.js';
import { type BriefingPublisher, BriefingScheduler } from '../../src/briefing/scheduler.js';
import type { RunningBot } from '../../src/discord/bot.js';
import { createDiscordRest } from '../../src/discord/client.js';
import { registerCommands } from '../../src/discord/register-commands.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, GUILD_B, startBotAgainstFake } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { PageServer } from '../helpers/page-server.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const SAMPLE_TITLE =
  "Biden is 'planning to deploy 1,000 troops to Eastern Europe before Putin invades Ukraine' alongside some NATO allies in a 'coalition of the willing'";
const EPHEMERAL = 64;

const LIGHTHOUSE = [
  'Lighthouse museum opens on Skerry Island',
  'The restored lighthouse on Skerry Island opened as a maritime museum on Saturday after a four-year renovation.',
  'The museum shows the original Fresnel lens, which was made in Paris in 1871 and weighs nearly three tonnes.',
  'Visitors can reach the island by a ferry that leaves the harbour every ninety minutes during the summer season.',
].join('\n');

const GLACIER_MD = `---
title: Glacier retreat speeds up in the northern valley
source: Alpine Courier
url: https://alpine.example/glacier-retreat
date: 2024-05-02
---
Scientists measuring the Vadret glacier found it lost 42 metres of length last year, twice its average retreat.

The survey team blamed a dry winter followed by a record warm June for the faster melt of the glacier.

Local guides have moved the start of the summer hiking route two kilometres up the valley as a result.
`;

function description(record: FakeInteraction): string {
  return (
    (record.edits.at(-1)?.message ?? record.original)?.embeds.map((embed) => embed.description ?? '').join('\n') ?? ''
  );
}

describe('the bot end to end: real discord.js, real model, real index and database, fake Discord', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;
  let pages: PageServer;
  let config: Awaited<ReturnType<typeof startBotAgainstFake>>['config'];
  let clock = new Date();
  let publish: BriefingPublisher;
  const run = (name: string, spec: Parameters<FakeDiscord['sendCommand']>[1]) =>
    fake.settled(fake.sendCommand(name, spec));

  beforeAll(async () => {
    pages = await PageServer.start({
      '/news/port-strike-ends': { body: readFileSync('tests/fixtures/outlet-article.html') },
    });
    newsdesk = await openRealNewsdesk(temp.dir, { localPages: true });
    await newsdesk.ingestFiles([SAMPLE], GUILD_A.id);
    ({ fake, bot, config } = await startBotAgainstFake({
      dataDir: temp.dir,
      services: newsdesk,
      scheduler: (botPublisher) => {
        publish = botPublisher;
        return new BriefingScheduler({
          settings: newsdesk.settings,
          briefings: newsdesk.briefings,
          publish,
          now: () => clock,
        });
      },
      startScheduler: false,
    }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await pages?.close();
    newsdesk?.close();
    temp.remove();
  });

  it('registers the seven commands in the development guild, moderators-only ones with Manage Server by default', async () => {
    const rest = createDiscordRest(config.discord, { retries: 0, timeout: 2000 });
    const result = await registerCommands({ ...config.discord, guildId: GUILD_A.id }, bot.commands, rest);
    expect(result).toEqual({ scope: 'guild', count: 7 });
    const registered = fake.registeredCommands.get(GUILD_A.id) ?? [];
    expect(registered.map((command) => command.name).sort()).toEqual([
      'add',
      'ask',
      'briefing',
      'feed',
      'remove',
      'settings',
      'sources',
    ]);
    const permissions = Object.fromEntries(
      registered.map((command) => [command.name, command.default_member_permissions]),
    );
    expect(permissions).toMatchObject({
      add: MANAGE_GUILD,
      remove: MANAGE_GUILD,
      settings: MANAGE_GUILD,
      ask: undefined,
    });
  });

  it('defers /ask, then edits in an embed whose citation is the sample article', async () => {
    const question = 'How many additional troops would each country send?';
    const record = await run('ask', { guildId: GUILD_A.id, options: { question } });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);
    const embed = record.edits[0]?.message.embeds[0];
    expect(embed?.title).toBe(question);
    expect(embed?.description).toMatch(/1,000 additional troops.*\[1\]/);
    // The figure asked for opens the answer, in bold.
    expect(embed?.description?.startsWith('**1,000 additional troops.** Each country would reportedly send')).toBe(
      true,
    );
    expect(embed?.description).toContain(`**[1]** **${SAMPLE_TITLE}`);
    expect(record.edits[0]?.message.allowedMentions).toEqual({ parse: [], replied_user: false });
    if (process.env.E2E_REPORT) {
      const deferredMs = (record.callbacks[0]?.at ?? 0) - record.dispatchedAt;
      const editedMs = (record.edits[0]?.at ?? 0) - record.dispatchedAt;
      console.log(JSON.stringify({ deferredMs, editedMs, embeds: record.edits[0]?.message.embeds }, null, 2));
    }
  });

  it('says plainly when the articles cover the subject but do not state what was asked, with the closest source', async () => {
    const question = 'How much will the deployment cost the Pentagon?';
    const record = await run('ask', { guildId: GUILD_A.id, options: { question } });
    const text = record.edits[0]?.message.embeds[0]?.description ?? '';
    expect(text).toMatch(/^The articles here don't say how much\. The closest they come: “.+” \[1\]/);
    expect(text).toContain(`**Closest source**\n**[1]** **${SAMPLE_TITLE}`);
  });

  it('lets a moderator add pasted text, and /ask then finds it in that server only', async () => {
    const added = await run('add', { guildId: GUILD_B.id, permissions: MANAGE_GUILD, options: { text: LIGHTHOUSE } });
    expect(added.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(description(added)).toMatch(
      /✓ Added \*\*Lighthouse museum opens on Skerry Island\*\* · \d passages? · id `\w+`/,
    );

    const question = 'How much does the Fresnel lens of the lighthouse weigh?';
    const inB = await run('ask', { guildId: GUILD_B.id, options: { question } });
    expect(description(inB)).toContain('nearly three tonnes');
    expect(description(inB)).toContain('**[1]** **Lighthouse museum opens on Skerry Island**');

    const inA = await run('ask', { guildId: GUILD_A.id, options: { question } });
    expect(description(inA)).not.toContain('Lighthouse');
    expect(description(inA)).not.toContain('Fresnel');
  });

  it("answers a question of a period alone with that period's articles, or says none was published then", async () => {
    // The pasted lighthouse article was added just now; the sample is dated January 2022.
    const today = await run('ask', { guildId: GUILD_B.id, options: { question: 'What happened today?' } });
    expect(description(today)).toMatch(/^Reported today, newest first:\n- Lighthouse museum opens on Skerry Island/);
    expect(description(today)).toContain('**[1]** **Lighthouse museum opens on Skerry Island**');
    const quiet = await run('ask', { guildId: GUILD_A.id, options: { question: 'Any news today?' } });
    expect(description(quiet)).toContain('None of the articles here was published today.');
  });

  it('lets a moderator add a Markdown file attachment, whose front matter gives the link', async () => {
    const added = await run('add', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { file: { file: { name: 'glacier.md', data: GLACIER_MD, contentType: 'text/markdown' } } },
    });
    expect(description(added)).toContain(
      '✓ Added [Glacier retreat speeds up in the northern valley](https://alpine.example/glacier-retreat)',
    );
    const answer = await run('ask', {
      guildId: GUILD_B.id,
      options: { question: 'How many metres did the Vadret glacier lose last year?' },
    });
    expect(description(answer)).toContain('42 metres');
    expect(description(answer)).toContain(
      '[Glacier retreat speeds up in the northern valley](https://alpine.example/glacier-retreat) · Alpine Courier, 2 May 2024',
    );
  });

  it('lets a moderator add a link: the page is fetched, its article extracted, and a second add is recognised', async () => {
    const url = pages.url('/news/port-strike-ends?utm_source=newsletter');
    const added = await run('add', { guildId: GUILD_B.id, permissions: MANAGE_GUILD, options: { url } });
    expect(description(added)).toContain(
      '✓ Added [Port strike ends after deal on wages](https://harbour.example/news/port-strike-ends) · The Harbour Times, 4 Oct 2023',
    );
    const again = await run('add', { guildId: GUILD_B.id, permissions: MANAGE_GUILD, options: { url } });
    expect(description(again)).toContain('✓ Already here, unchanged: [Port strike ends after deal on wages]');
    const answer = await run('ask', {
      guildId: GUILD_B.id,
      options: { question: 'What pay offer ended the port strike?' },
    });
    expect(description(answer)).toContain('7 percent');
  });

  it('refuses a link to a private address with the reason, privately, storing nothing', async () => {
    const before = newsdesk.listSources(GUILD_B.id).total;
    const record = await run('add', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { url: 'http://169.254.169.254/latest/meta-data/' },
    });
    expect(record.edits.at(-1)?.message.content).toBe(
      'Refused to fetch 169.254.169.254: 169.254.169.254 is a link-local address (cloud metadata lives there).',
    );
    expect(record.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    expect(newsdesk.listSources(GUILD_B.id).total).toBe(before);
  });

  it('posts the daily briefing to the configured channel at its time, once', async () => {
    await run('add', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: {
        text: 'Skerry Island lighthouse museum draws crowds on its first weekend\nThe lighthouse museum on Skerry Island welcomed more than two thousand visitors on its first weekend, the island council said. Ferries to the island ran extra trips for the lighthouse museum crowds.',
        source: 'Island Gazette',
      },
    });
    const inTwoMinutes = new Date(Date.now() + 2 * 60_000);
    const time = `${String(inTwoMinutes.getUTCHours()).padStart(2, '0')}:${String(inTwoMinutes.getUTCMinutes()).padStart(2, '0')}`;
    await run('settings', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { briefing_channel: { channel: GUILD_B.channelId }, briefing_time: time, time_zone: 'UTC' },
    });
    clock = new Date(inTwoMinutes.getTime() - 60_000);
    expect(await bot.scheduler?.tick()).toEqual([]);
    clock = new Date(inTwoMinutes.getTime() + 60_000);
    expect(await bot.scheduler?.tick()).toHaveLength(1);
    expect(await bot.scheduler?.tick()).toEqual([]);

    const posted = fake.channelMessages.get(GUILD_B.channelId) ?? [];
    const embeds = posted.flatMap((message) => message.embeds);
    expect(embeds[0]?.title).toMatch(/^Briefing · /);
    const story = embeds.find((embed) => /lighthouse/i.test(embed.title ?? ''));
    expect(story?.description).toMatch(/^\*\*New · 1 outlet\*\*\n.*lighthouse.*\[\d\]/is);
    expect(story?.description).toMatch(/\n\[\d\] \S/);
    expect(posted.every((message) => message.allowedMentions !== undefined)).toBe(true);
  });

  it('finishes a briefing cut off half-way without posting any of its messages twice', async () => {
    // Ten stories and the summary: more embeds than one message holds, so the briefing goes out as two.
    const stories: BriefingStory[] = Array.from({ length: 10 }, (_, index) => ({
      headline: `Harbour story ${index + 1}`,
      tag: 'new',
      sentences: [{ text: `The harbour board reported development number ${index + 1}.`, n: index + 1 }],
      outlets: ['Island Gazette'],
      articleIds: [`harbour-${index}`],
      sourceNumbers: [index + 1],
      url: null,
    }));
    const briefing: Briefing = {
      since: '2026-05-01T08:00:00.000Z',
      until: '2026-05-02T08:00:00.000Z',
      timeZone: 'UTC',
      articleCount: 9,
      outletCount: 1,
      stories,
      quickHits: [],
      continuing: 0,
      sources: stories.map((story, index) => ({
        n: index + 1,
        articleId: `harbour-${index}`,
        title: story.headline,
        source: 'Island Gazette',
        url: null,
        publishedAt: null,
      })),
      late: false,
    };
    const before = (fake.channelMessages.get(GUILD_A.channelId) ?? []).length;
    const sent = () => (fake.channelMessages.get(GUILD_A.channelId) ?? []).slice(before);
    let counted = 0;
    const progress = (delivered: number) => ({
      key: `${GUILD_A.id}:2026-05-02`,
      delivered,
      markDelivered: (parts: number) => {
        counted = parts;
      },
    });

    fake.failNext('POST', /\/channels\/\d+\/messages$/, 403, 1, 1);
    await expect(publish(GUILD_A.id, GUILD_A.channelId, briefing, progress(0))).rejects.toThrow(/injected failure/);
    expect([counted, sent().length]).toEqual([1, 1]);
    await publish(GUILD_A.id, GUILD_A.channelId, briefing, progress(counted));
    expect([counted, sent().length]).toEqual([2, 2]);
    // A crash after the second message went out but before it was counted: Discord knows its nonce.
    await publish(GUILD_A.id, GUILD_A.channelId, briefing, progress(1));

    const messages = sent();
    expect(messages).toHaveLength(2);
    const titles = messages.flatMap((message) => message.embeds.map((embed) => embed.title ?? ''));
    expect(titles.filter((title) => title.startsWith('Briefing · '))).toHaveLength(1);
    expect(titles.filter((title) => title.startsWith('Harbour story'))).toEqual(stories.map((story) => story.headline));
    expect(titles.at(-1)).toBe('Harbour story 10');
    expect(new Set(messages.map((message) => message.nonce)).size).toBe(2);
  });

  it('refuses /add from a member who is not a moderator, ephemerally, with nothing stored', async () => {
    const before = newsdesk.listSources(GUILD_B.id).total;
    const record = await run('add', {
      guildId: GUILD_B.id,
      permissions: '0',
      options: { text: 'Sneaky\nNot allowed here.' },
    });
    expect(record.callbacks[0]).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: DISCORD_TEXTS.moderatorsOnly('add') },
    });
    expect(newsdesk.listSources(GUILD_B.id).total).toBe(before);
  });

  it('keeps each server to its own articles in /sources and /remove', async () => {
    const inB = await run('sources', { guildId: GUILD_B.id, options: {} });
    expect(description(inB)).not.toContain('Biden');
    const sample = newsdesk.listSources(GUILD_A.id).articles[0];
    const removeFromB = await run('remove', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { article: sample?.id ?? '' },
    });
    expect(removeFromB.original?.content).toContain('No article');
    expect(newsdesk.listSources(GUILD_A.id).total).toBe(1);
  });

  it('removes an article so that /ask no longer cites it', async () => {
    const lighthouse = newsdesk.listSources(GUILD_B.id, { query: 'museum opens' }).articles[0];
    const removed = await run('remove', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { article: lighthouse?.id ?? '' },
    });
    expect(removed.original?.content).toContain('Removed **Lighthouse museum opens on Skerry Island**');
    const answer = await run('ask', {
      guildId: GUILD_B.id,
      options: { question: 'How much does the Fresnel lens of the lighthouse weigh?' },
    });
    expect(description(answer)).not.toContain('Lighthouse museum opens');
  });
});

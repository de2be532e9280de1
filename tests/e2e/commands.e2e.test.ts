import { beforeEach, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/answer.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { GUILD_A, GUILD_B, useFakeServicesBot } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, type FakeMessage, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { fakeArticle } from '../helpers/fake-services.js';

const EPHEMERAL = 64;
const EDITOR_ROLE = GUILD_A.roles?.[0]?.id ?? '';

/** Every description and content the member saw, in order. */
function visibleText(record: FakeInteraction): string {
  const messages = [
    ...(record.callbacks[0]?.type === 4 && record.original ? [record.original] : []),
    ...record.edits.map((edit) => edit.message),
    ...record.followUps,
  ];
  return messages
    .flatMap((message) => [message.content, ...message.embeds.map((embed) => embed.description ?? '')])
    .join('\n');
}

/** Whether the member alone saw the reply (an ephemeral reply, deferral or follow-up). */
function isEphemeral(record: FakeInteraction): boolean {
  const first = record.callbacks[0];
  const flags = (first?.data?.flags as number | undefined) ?? 0;
  return (flags & EPHEMERAL) !== 0 || (record.followUps.at(-1)?.flags ?? 0) === EPHEMERAL;
}

describe('slash commands through discord.js, with fake core services', () => {
  const harness = useFakeServicesBot();
  const { services } = harness;

  beforeEach(() => {
    services.calls.length = 0;
  });

  const run = (name: string, spec: Parameters<FakeDiscord['sendCommand']>[1]) =>
    harness.fake.settled(harness.fake.sendCommand(name, spec));
  const callsOf = (method: string) => services.calls.filter((call) => call.method === method);

  it('loads one command per file in commands/', () => {
    expect([...harness.bot.commands.keys()].sort()).toEqual([
      'add',
      'ask',
      'briefing',
      'feed',
      'remove',
      'settings',
      'sources',
    ]);
  });

  it('defers /ask publicly, then edits in the answer with numbered, linked sources', async () => {
    services.nextAnswer = {
      answer: 'Ten thousand troops were sent [1].',
      abstained: false,
      support: 0.8,
      citations: [citation(1, 'Troops sent east', 'https://news.example/troops')],
    };
    const record = await run('ask', { guildId: GUILD_A.id, options: { question: 'How many troops?' } });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(isEphemeral(record)).toBe(false);
    const embed = record.edits[0]?.message.embeds[0];
    expect(embed?.title).toBe('How many troops?');
    expect(embed?.description).toContain('Ten thousand troops were sent [1].');
    expect(embed?.description).toContain('**[1]** [Troops sent east](https://news.example/troops) · Daily Example');
    expect(callsOf('ask')).toEqual([{ method: 'ask', guildId: GUILD_A.id, argument: 'How many troops?' }]);
  });

  it('says plainly when it abstains, and points to /sources', async () => {
    services.nextAnswer = { answer: 'I could not find that here.', abstained: true, citations: [], support: 0.1 };
    const record = await run('ask', { guildId: GUILD_A.id, options: { question: 'Who won the cup?' } });
    const embed = record.edits[0]?.message.embeds[0];
    expect(embed?.description).toBe('I could not find that here.');
    expect(embed?.footer?.text).toContain('/sources');
  });

  it('splits an answer too long for one message into several, losing nothing', async () => {
    const sentences = Array.from(
      { length: 120 },
      (_, index) =>
        `Sentence ${index + 1} reports at length what the officials said about the plan and its costs [${(index % 40) + 1}].`,
    );
    const citations = Array.from({ length: 40 }, (_, index) =>
      citation(
        index + 1,
        `A long headline number ${index + 1} ${'about the news of the day '.repeat(8)}`,
        `https://news.example/${index + 1}`,
      ),
    );
    services.nextAnswer = { answer: sentences.join(' '), abstained: false, citations, support: 0.9 };
    const record = await run('ask', { guildId: GUILD_A.id, options: { question: 'Tell me everything' } });
    // Wait for the last sentence and the last source rather than for a time: follow-ups are slower
    // on a loaded machine.
    const last = sentences.at(-1) ?? '';
    await harness.fake.waitFor(() => {
      const shown = visibleText(record);
      return shown.replace(/\s+/g, ' ').includes(last) && shown.includes(`**[${citations.length}]**`);
    });
    expect(record.rejected).toEqual([]);
    expect(record.followUps.length).toBeGreaterThanOrEqual(1);
    const text = visibleText(record);
    const flowing = text.replace(/\s+/g, ' ');
    for (const sentence of sentences) expect(flowing).toContain(sentence);
    for (const { n } of citations) expect(text).toContain(`**[${n}]**`);
  });

  it('refuses an empty question privately, without deferring', async () => {
    const record = await run('ask', { guildId: GUILD_A.id, options: { question: '   ' } });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([4]);
    expect(isEphemeral(record)).toBe(true);
    expect(callsOf('ask')).toEqual([]);
  });

  it('refuses /add from a member who is not a moderator, ephemerally, and stores nothing', async () => {
    const record = await run('add', { guildId: GUILD_A.id, permissions: '0', options: { text: 'Headline\nBody' } });
    expect(isEphemeral(record)).toBe(true);
    expect(record.original?.content).toBe(DISCORD_TEXTS.moderatorsOnly('add'));
    expect(callsOf('addArticles')).toEqual([]);
  });

  it('lets a member with Manage Server add pasted text, and replies privately with what was stored', async () => {
    const record = await run('add', {
      guildId: GUILD_A.id,
      permissions: MANAGE_GUILD,
      options: { text: 'Ports reopen after storm\nThe ports reopened on Monday.', source: 'Coast Times' },
    });
    expect(record.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(visibleText(record)).toMatch(
      /✓ Added \*\*Ports reopen after storm\*\* · Coast Times.* · 3 passages · id `a\w+`/,
    );
    expect(callsOf('addArticles')[0]?.argument).toMatchObject({ source: 'Coast Times' });
  });

  it('says how far a long /add is in its deferred reply, at most every few seconds, then what was stored', async () => {
    // Three steps in 3.4 s: the first is shown at once; the second falls inside the 3-second
    // interval and is shown when it has passed; the third comes after, just before the end, and
    // gives way to the final reply.
    services.nextAddProgress = [
      { done: 40, total: 400, afterMs: 100 },
      { done: 80, total: 400, afterMs: 300 },
      { done: 120, total: 400, afterMs: 3000 },
    ];
    const record = await harness.fake.settled(
      harness.fake.sendCommand('add', {
        guildId: GUILD_A.id,
        permissions: MANAGE_GUILD,
        options: { text: 'Ports reopen after storm\nThe ports reopened on Monday.' },
      }),
    );
    const final = (edit: (typeof record.edits)[number] | undefined) => edit?.message.embeds[0]?.description ?? '';
    await harness.fake.waitFor(() => record.edits.some((edit) => final(edit).startsWith('✓')));
    const contents = record.edits.map((edit) => edit.message.content);
    expect(contents.slice(0, -1)).toEqual([DISCORD_TEXTS.addProgress(40, 400), DISCORD_TEXTS.addProgress(80, 400)]);
    // The last edit replaces the progress line with what was stored.
    expect(contents.at(-1)).toBe('');
    expect(final(record.edits.at(-1))).toMatch(/^✓ Added \*\*Ports reopen after storm\*\*/);
    const [first, second] = record.edits;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2900);
  });

  it('downloads an attached file and hands its bytes to the core', async () => {
    const body = 'Bridge opens\nThe new bridge opened to traffic today.';
    await run('add', {
      guildId: GUILD_A.id,
      permissions: MANAGE_GUILD,
      options: { file: { file: { name: 'bridge.txt', data: body } } },
    });
    const submission = callsOf('addArticles')[0]?.argument as { file: { name: string; bytes: Uint8Array } };
    expect(submission.file.name).toBe('bridge.txt');
    expect(Buffer.from(submission.file.bytes).toString('utf8')).toBe(body);
  });

  it('asks for exactly one of url, file or text', async () => {
    const record = await run('add', {
      guildId: GUILD_A.id,
      permissions: MANAGE_GUILD,
      options: { text: 'Some text', url: 'https://news.example/a' },
    });
    expect(record.original?.content).toBe(DISCORD_TEXTS.addNeedsOneSource);
    expect(isEphemeral(record)).toBe(true);
    expect(callsOf('addArticles')).toEqual([]);
  });

  it('counts members with the configured moderator role as moderators', async () => {
    const before = await run('add', {
      guildId: GUILD_A.id,
      roles: [EDITOR_ROLE],
      options: { text: 'Role test\nBody' },
    });
    expect(before.original?.content).toBe(DISCORD_TEXTS.moderatorsOnly('add'));
    await run('settings', {
      guildId: GUILD_A.id,
      permissions: MANAGE_GUILD,
      options: { moderator_role: { role: EDITOR_ROLE } },
    });
    const after = await run('add', { guildId: GUILD_A.id, roles: [EDITOR_ROLE], options: { text: 'Role test\nBody' } });
    expect(visibleText(after)).toContain('✓ Added');
  });

  it('does not let a role moderator change who moderates', async () => {
    const record = await run('settings', {
      guildId: GUILD_A.id,
      roles: [EDITOR_ROLE],
      options: { turn_off: 'moderator-role' },
    });
    expect(record.original?.content).toBe(DISCORD_TEXTS.managersOnly);
    expect(services.settings.get(GUILD_A.id).moderatorRoleId).toBe(EDITOR_ROLE);
  });

  it('saves the briefing channel, time and time zone, and refuses an unknown time zone without changing anything', async () => {
    const saved = await run('settings', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { briefing_channel: { channel: GUILD_B.channelId }, briefing_time: '7:30', time_zone: 'europe/berlin' },
    });
    expect(services.settings.get(GUILD_B.id)).toMatchObject({
      briefingChannelId: GUILD_B.channelId,
      briefingTime: '07:30',
      timeZone: 'Europe/Berlin',
    });
    expect(saved.original?.embeds[0]?.fields?.[0]?.value).toBe(`<#${GUILD_B.channelId}> at 07:30 (Europe/Berlin)`);
    const refused = await run('settings', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { time_zone: 'Mars/Olympus' },
    });
    expect(refused.original?.content).toContain('Mars/Olympus');
    expect(isEphemeral(refused)).toBe(true);
    expect(services.settings.get(GUILD_B.id).timeZone).toBe('Europe/Berlin');
  });

  it('suggests time zones as the moderator types', async () => {
    const record = await run('settings', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { time_zone: 'berl' },
      focused: 'time_zone',
    });
    expect(record.callbacks[0]).toMatchObject({
      type: 8,
      data: { choices: [{ name: 'Europe/Berlin', value: 'Europe/Berlin' }] },
    });
  });

  it("autocompletes /remove with this server's titles for moderators only", async () => {
    services.articles.set(GUILD_B.id, [fakeArticle(GUILD_B.id, 'Harbour strike ends', 'Coast Times')]);
    const forModerator = await run('remove', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { article: 'harb' },
      focused: 'article',
    });
    const choices = forModerator.callbacks[0]?.data?.choices as { name: string; value: string }[];
    expect(choices.map((choice) => choice.name)).toEqual(['Harbour strike ends · Coast Times']);
    const forMember = await run('remove', {
      guildId: GUILD_B.id,
      permissions: '0',
      options: { article: 'harb' },
      focused: 'article',
    });
    expect(forMember.callbacks[0]?.data?.choices).toEqual([]);

    const removed = await run('remove', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { article: choices[0]?.value ?? '' },
    });
    expect(removed.original?.content).toContain('Removed **Harbour strike ends**');
    const missing = await run('remove', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      options: { article: 'nope' },
    });
    expect(missing.original?.content).toBe('No article "nope" here.');
    expect(isEphemeral(missing)).toBe(true);
  });

  it('pages /sources, newest first', async () => {
    services.articles.set(
      GUILD_B.id,
      Array.from({ length: 23 }, (_, index) => fakeArticle(GUILD_B.id, `Story ${23 - index}`, 'Wire')),
    );
    const first = await run('sources', { guildId: GUILD_B.id, options: {} });
    expect(first.original?.embeds[0]?.title).toBe('23 articles');
    expect(first.original?.embeds[0]?.footer?.text).toBe('Page 1 of 3 · /sources page:2');
    const third = await run('sources', { guildId: GUILD_B.id, options: { page: 3 } });
    expect(third.original?.embeds[0]?.description?.split('\n')).toHaveLength(3);
    expect(third.original?.embeds[0]?.footer?.text).toBe('Page 3 of 3');
  });

  it('pages /sources with Previous and Next, in place, keeping the query', async () => {
    services.articles.set(
      GUILD_B.id,
      Array.from({ length: 23 }, (_, index) => fakeArticle(GUILD_B.id, `Story ${23 - index}`, 'Wire')),
    );
    const first = await run('sources', { guildId: GUILD_B.id, options: { query: 'Story' } });
    const [previous, next] = first.original?.components[0]?.components ?? [];
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', custom_id: 'sources:2:Story' });
    const pressed = await harness.fake.settled(
      harness.fake.pressButton(first.original as FakeMessage, next?.custom_id ?? '', { guildId: GUILD_B.id }),
    );
    expect(pressed.callbacks[0]?.type).toBe(7);
    expect(pressed.original?.embeds[0]?.footer?.text).toBe('Page 2 of 3 · /sources page:3');
    expect(callsOf('listSources').at(-1)?.argument).toMatchObject({ query: 'Story', page: 2 });
    const buttons = pressed.original?.components[0]?.components ?? [];
    expect(buttons.map((button) => [button.custom_id, button.disabled ?? false])).toEqual([
      ['sources:1:Story', false],
      ['sources:3:Story', false],
    ]);
  });

  it('renders /briefing as a summary, one embed per story with its sources beside it, and quick hits; a quiet period in one line', async () => {
    services.nextBriefing = {
      ...services.nextBriefing,
      articleCount: 3,
      outletCount: 2,
      stories: [
        {
          headline: 'Budget passes after all-night session',
          tag: 'new',
          sentences: [
            { text: 'The budget passed by 61 votes to 59.', n: 1 },
            { text: 'Opposition members walked out before the vote.', n: 2 },
            { text: 'The speaker thanked the clerks at dawn.', n: 4 },
          ],
          outlets: ['Wire', 'Gazette'],
          articleIds: ['a1', 'a2', 'a4'],
          sourceNumbers: [1, 2, 4],
          url: 'https://news.example/budget',
        },
      ],
      quickHits: [
        {
          headline: 'Ferry timetable changes',
          tag: 'new',
          sentences: [],
          outlets: ['Wire'],
          articleIds: ['a3'],
          sourceNumbers: [3],
          url: 'https://news.example/ferry',
        },
      ],
      sources: [
        {
          n: 1,
          articleId: 'a1',
          title: 'Budget passes',
          source: 'Wire',
          url: 'https://news.example/budget',
          publishedAt: null,
        },
        { n: 2, articleId: 'a2', title: 'Walkout', source: 'Gazette', url: null, publishedAt: null },
        { n: 3, articleId: 'a3', title: 'Ferry', source: 'Wire', url: 'https://news.example/ferry', publishedAt: null },
        { n: 4, articleId: 'a4', title: 'Dawn', source: 'Wire', url: 'https://news.example/dawn', publishedAt: null },
      ],
    };
    const record = await run('briefing', { guildId: GUILD_B.id, options: { hours: 12 } });
    expect(callsOf('briefing')[0]?.argument).toEqual({ hours: 12 });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);
    const embeds = record.edits[0]?.message.embeds ?? [];
    expect(embeds.map((embed) => embed.title)).toEqual([
      // A period of another year says its year.
      'Briefing · Fri, 1 Mar 2024, 08:00 – Sat, 2 Mar 2024, 08:00 (UTC)',
      'Budget passes after all-night session',
      'Quick hits',
    ]);
    expect(embeds[0]?.description).toBe('3 articles from 2 outlets.');
    // Each story ends with its own numbered sources, each outlet once and linked; the quick hits link their article.
    expect(embeds[1]?.description).toBe(
      '**New · 2 outlets**\nThe budget passed by 61 votes to 59. [1] Opposition members walked out before the vote. [2] The speaker thanked the clerks at dawn. [4]\n[1, [4](https://news.example/dawn)] [Wire](https://news.example/budget) · [2] **Gazette**',
    );
    expect(embeds[2]?.description).toBe('• [Ferry timetable changes](https://news.example/ferry) · Wire');

    services.nextBriefing = {
      ...services.nextBriefing,
      articleCount: 0,
      outletCount: 0,
      stories: [],
      quickHits: [],
      sources: [],
    };
    const quiet = await run('briefing', { guildId: GUILD_B.id, options: {} });
    expect(quiet.edits[0]?.message.content).toBe(
      '**Briefing** · Quiet period: no articles dated Fri, 1 Mar 2024, 08:00 – Sat, 2 Mar 2024, 08:00 (UTC).',
    );
  });

  it('follows, lists and unfollows feeds for moderators only', async () => {
    const refused = await run('feed', {
      guildId: GUILD_B.id,
      permissions: '0',
      subcommand: 'add',
      options: { url: 'https://news.example/rss' },
    });
    expect(refused.original?.content).toBe(DISCORD_TEXTS.moderatorsOnly('feed'));
    expect(callsOf('addFeed')).toEqual([]);

    const added = await run('feed', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      subcommand: 'add',
      options: { url: 'https://news.example/rss' },
    });
    expect(added.callbacks[0]).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(added.edits[0]?.message.content).toMatch(
      /^Following \*\*Example Feed\*\* \(`1`\)\. Its 12 current items are skipped; new items are added from the next poll, <t:\d+:R>\.$/,
    );
    const listed = await run('feed', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      subcommand: 'list',
      options: {},
    });
    expect(listed.original?.embeds[0]?.description).toMatch(
      /^`1` \[Example Feed\]\(https:\/\/news\.example\/rss\) · next poll <t:\d+:R>$/,
    );
    const removed = await run('feed', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      subcommand: 'remove',
      options: { feed: '1' },
    });
    expect(removed.original?.content).toBe('Stopped following **Example Feed**.');
    const empty = await run('feed', {
      guildId: GUILD_B.id,
      permissions: MANAGE_GUILD,
      subcommand: 'list',
      options: {},
    });
    expect(empty.original?.content).toBe(DISCORD_TEXTS.noFeeds);
  });

  it('explains itself in direct messages', async () => {
    const record = await run('ask', { options: { question: 'Hello?' } });
    expect(record.original?.content).toBe(DISCORD_TEXTS.directMessage);
    expect(isEphemeral(record)).toBe(true);
  });

  it('answers a stale command that it no longer knows', async () => {
    const record = await run('frobnicate', { guildId: GUILD_A.id });
    expect(record.original?.content).toBe(DISCORD_TEXTS.unknownCommand);
    expect(isEphemeral(record)).toBe(true);
  });

  it('turns an unexpected failure after deferring into a private message, and keeps running', async () => {
    services.failWith = { method: 'ask', error: new Error('database is locked') };
    const failed = await run('ask', { guildId: GUILD_A.id, options: { question: 'Anything new?' } });
    await harness.fake.waitFor(() => failed.followUps.length > 0);
    expect(failed.deletedOriginal).toBe(true);
    expect(failed.followUps[0]).toMatchObject({ content: DISCORD_TEXTS.genericFailure, flags: EPHEMERAL });
    expect(visibleText(failed)).not.toContain('database is locked');

    services.nextAnswer = { answer: 'Still here.', abstained: true, citations: [], support: 0 };
    const next = await run('ask', { guildId: GUILD_A.id, options: { question: 'Still there?' } });
    expect(next.edits[0]?.message.embeds[0]?.description).toBe('Still here.');
  });

  it('survives a Discord 500 on the edit and answers the next command', async () => {
    harness.fake.failNext('PATCH', /messages\/@original$/, 500);
    services.nextAnswer = { answer: 'Lost to a 500.', abstained: true, citations: [], support: 0 };
    const failed = harness.fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: 'First?' } });
    await harness.fake.waitFor(() => failed.followUps.length > 0 || failed.deletedOriginal);
    expect(harness.fake.requests.some((request) => request.method === 'PATCH' && request.status === 500)).toBe(true);
    await harness.fake.waitFor(() => failed.followUps.length > 0);
    expect(failed.followUps[0]).toMatchObject({ content: DISCORD_TEXTS.genericFailure, flags: EPHEMERAL });

    services.nextAnswer = { answer: 'Back again.', abstained: true, citations: [], support: 0 };
    const next = await run('ask', { guildId: GUILD_A.id, options: { question: 'Second?' } });
    expect(next.edits[0]?.message.embeds[0]?.description).toBe('Back again.');
  });
});

function citation(n: number, title: string, url: string): Citation {
  return {
    n,
    articleId: `a${n}`,
    passageId: n,
    title,
    source: 'Daily Example',
    url,
    publishedAt: '2024-03-01T00:00:00.000Z',
    passage: 'passage text',
  };
}

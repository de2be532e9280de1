import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import type { FakeDiscord, FakeInteraction } from '../helpers/fake-discord.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Everything a settled interaction's final message shows. */
function shown(record: FakeInteraction): string {
  const message = record.edits.at(-1)?.message;
  return [
    message?.content ?? '',
    ...(message?.embeds ?? []).flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).map((field) => `${field.name} ${field.value}`),
    ]),
    ...record.followUps.flatMap((followUp) => followUp.embeds.map((embed) => embed.description ?? '')),
  ].join('\n');
}

describe('/briefing topic: catching up on one subject', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    newsdesk = await openRealNewsdesk(temp.dir);
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk }));
    await newsdesk.ingestArticles(
      [
        {
          title: 'Ferry strike halts island crossings',
          source: 'Harbour Gazette',
          url: 'https://gazette.example/ferry-strike',
          publishedAt: daysAgo(3),
          body: 'A ferry strike halted every crossing to the islands on Monday, as crews walked out over pay. The union said the ferry strike would last until the operator improved its offer.',
        },
        {
          title: 'Islanders stranded as ferry strike enters second day',
          source: 'Coast Times',
          url: 'https://times.example/ferry-strike-day-two',
          publishedAt: daysAgo(2),
          body: 'Islanders were stranded on the mainland as the ferry strike entered its second day on Tuesday. Talks between the union and the ferry operator are due on Thursday.',
        },
        {
          title: 'Town library extends its opening hours',
          source: 'Coast Times',
          url: 'https://times.example/library-hours',
          publishedAt: daysAgo(1),
          body: 'The town library will open until 9pm on weekdays from March, the council said, after a survey of readers.',
        },
      ],
      GUILD_A.id,
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    newsdesk?.close();
    temp.remove();
  });

  it('tells only the stories about the topic, over the last 7 days by default', async () => {
    const record = await fake.settled(
      fake.sendCommand('briefing', { guildId: GUILD_A.id, options: { topic: 'ferry strike' } }),
    );
    const text = shown(record);
    expect(text).toMatch(/Catching up on "ferry strike"/);
    expect(text).toMatch(/2 articles from 2 outlets/);
    expect(text).toMatch(/Harbour Gazette/);
    expect(text).not.toMatch(/library/i);
  });

  it('says plainly when nothing in the period is about the topic', async () => {
    const record = await fake.settled(
      fake.sendCommand('briefing', { guildId: GUILD_A.id, options: { topic: 'volcano eruption', hours: 48 } }),
    );
    expect(shown(record)).toMatch(/Nothing about "volcano eruption" in /);
  });
});

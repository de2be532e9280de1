import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, GUILD_B, startBotAgainstFake } from '../helpers/bot-harness.js';
import type { FakeDiscord, FakeInteraction, FakeMessage } from '../helpers/fake-discord.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const EPHEMERAL = 64;

/** What a button press was answered with: the reply's message. */
function reply(record: FakeInteraction): { flags: number; text: string; titles: string[] } {
  const callback = record.callbacks[0];
  const data = (callback?.data ?? {}) as {
    flags?: number;
    content?: string;
    embeds?: { title?: string; description?: string }[];
  };
  const message = record.edits.at(-1)?.message;
  const embeds = message?.embeds ?? data.embeds ?? [];
  return {
    flags: data.flags ?? message?.flags ?? 0,
    text: [message?.content ?? data.content ?? '', ...embeds.map((embed) => embed.description ?? '')].join('\n'),
    titles: embeds.map((embed) => embed.title ?? ''),
  };
}

describe('the buttons under an answer', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;
  let answer: FakeMessage;
  let customId: string;

  const start = async () => {
    newsdesk = await openRealNewsdesk(temp.dir);
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk }));
  };
  const stop = async () => {
    await bot?.stop();
    await fake?.close();
    newsdesk?.close();
  };

  beforeAll(async () => {
    await start();
    await newsdesk.ingestFiles([SAMPLE], GUILD_A.id);
  });
  afterAll(async () => {
    await stop();
    temp.remove();
  });

  it('puts a "Show passages" button under a cited answer', async () => {
    const record = await fake.settled(
      fake.sendCommand('ask', {
        guildId: GUILD_A.id,
        options: { question: 'How many additional troops would each country send?' },
      }),
    );
    answer = record.edits.at(-1)?.message as FakeMessage;
    const button = answer.components[0]?.components.find((candidate) => candidate.label === DISCORD_TEXTS.showPassages);
    expect(button).toMatchObject({ type: 2, label: DISCORD_TEXTS.showPassages });
    customId = button?.custom_id ?? '';
    expect(customId).toMatch(/^passages:\d+(,\d+)*$/);
  });

  it('asks a follow-up from its button: a modal, then an answer read with the question before', async () => {
    const followUp = answer.components[0]?.components.find((button) => button.label === DISCORD_TEXTS.askFollowUp);
    expect(followUp?.custom_id).toMatch(/^followup:\d+$/);
    const pressed = await fake.settled(fake.pressButton(answer, followUp?.custom_id ?? '', { guildId: GUILD_A.id }));
    expect(pressed.callbacks[0]).toMatchObject({
      type: 9,
      data: { custom_id: followUp?.custom_id, title: 'Ask a follow-up' },
    });
    const submitted = await fake.settled(
      fake.submitModal(
        followUp?.custom_id ?? '',
        { question: 'And where would they be deployed?' },
        { guildId: GUILD_A.id },
      ),
    );
    expect(submitted.callbacks.map((callback) => callback.type)).toEqual([5]);
    const reply = submitted.edits.at(-1)?.message;
    expect(reply?.embeds[0]?.title).toBe('And where would they be deployed?');
    // Read with "How many additional troops would each country send?": the troops' destination.
    expect(reply?.embeds.map((embed) => embed.description).join('\n')).toMatch(/Eastern Europe/);
    expect(reply?.content ?? '').toBe('');
    const next = reply?.components[0]?.components.find((button) => button.label === DISCORD_TEXTS.askFollowUp);
    expect(next?.custom_id).toMatch(/^followup:\d+$/);
    expect(next?.custom_id).not.toBe(followUp?.custom_id);
  });

  it('answers a follow-up to a conversation it no longer keeps as a new question, and says so', async () => {
    const submitted = await fake.settled(
      fake.submitModal('followup:999999', { question: 'How many troops were put on alert?' }, { guildId: GUILD_A.id }),
    );
    const reply = submitted.edits.at(-1)?.message;
    expect(reply?.content).toBe(DISCORD_TEXTS.conversationExpired(24));
    expect(reply?.embeds[0]?.description).toMatch(/8,500/);
  });

  it('shows the cited passages in full, only to the member who pressed it', async () => {
    const record = await fake.settled(fake.pressButton(answer, customId, { guildId: GUILD_A.id }));
    const shown = reply(record);
    expect(shown.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(shown.text).toContain('1,000 additional troops');
    expect(shown.titles[0]).toMatch(/^Biden is 'planning to deploy 1,000 troops/);
  });

  it("shows nothing of this server's passages when the button is pressed in another server", async () => {
    const record = await fake.settled(fake.pressButton(answer, customId, { guildId: GUILD_B.id }));
    expect(reply(record).text.trim()).toBe(DISCORD_TEXTS.passagesRemoved);
  });

  it('keeps working after a restart, and says so once the articles are removed', async () => {
    await stop();
    await start();
    const again = await fake.settled(fake.pressButton(answer, customId, { guildId: GUILD_A.id }));
    expect(reply(again).text).toContain('1,000 additional troops');
    for (const article of newsdesk.listSources(GUILD_A.id).articles) newsdesk.removeArticle(GUILD_A.id, article.id);
    const gone = await fake.settled(fake.pressButton(answer, customId, { guildId: GUILD_A.id }));
    expect(reply(gone)).toMatchObject({ text: DISCORD_TEXTS.passagesRemoved });
    expect(reply(gone).flags & EPHEMERAL).toBe(EPHEMERAL);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeMessage, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const QUESTION = 'How many additional troops would each country send?';

const textOf = (message: FakeMessage) =>
  [message.content, ...message.embeds.map((embed) => embed.description ?? '')].join('\n');

describe('threads: /ask thread:true, and follow-ups by mention', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;
  let threadId = '';

  const inThread = () => fake.channelMessages.get(threadId) ?? [];

  beforeAll(async () => {
    newsdesk = await openRealNewsdesk(temp.dir);
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk }));
    await newsdesk.ingestFiles([SAMPLE], GUILD_A.id);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    newsdesk?.close();
    temp.remove();
  });

  it('starts a thread on the answer, named from the question', async () => {
    const record = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: QUESTION, thread: true } }),
    );
    const thread = await fake.waitFor(() => [...fake.threads.values()][0]);
    expect(thread).toMatchObject({ name: QUESTION, parent_id: GUILD_A.channelId, owner_id: fake.botUserId, type: 11 });
    // The thread is started on the answer itself.
    expect(thread.id).toBe(record.original?.id);
    threadId = String(thread.id);
    // The /ask is done once the thread is the conversation's home.
    await fake.waitFor(() => newsdesk.conversations.threadTurnId(GUILD_A.id, threadId) !== undefined);
  });

  it('answers a message that mentions it in its thread, read with the question before', async () => {
    fake.postMessage(threadId, 'and what about Britain?', { guildId: GUILD_A.id, mentionBot: true });
    const [reply] = await fake.waitFor(() => inThread().length > 0 && inThread());
    expect(textOf(reply as FakeMessage)).toMatch(/\[1\]/);
    expect(textOf(reply as FakeMessage)).toMatch(/Britain|British|UK/);
    // The answer has its buttons, as /ask's does.
    expect(reply?.components[0]?.components.map((button) => button.custom_id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^followup:\d+$/)]),
    );
  });

  it('ignores messages that do not mention it, and mentions outside its threads', async () => {
    const before = inThread().length;
    const channelBefore = fake.channelMessages.get(GUILD_A.channelId)?.length ?? 0;
    fake.postMessage(threadId, 'just chatting among ourselves', { guildId: GUILD_A.id });
    fake.postMessage(GUILD_A.channelId, 'what about Germany?', { guildId: GUILD_A.id, mentionBot: true });
    // A mention in the thread after them: once it is answered, the two before it were not.
    fake.postMessage(threadId, 'how many troops?', { guildId: GUILD_A.id, mentionBot: true });
    await fake.waitFor(() => inThread().length > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inThread()).toHaveLength(before + 1);
    expect(fake.channelMessages.get(GUILD_A.channelId)?.length ?? 0).toBe(channelBefore);
  });

  it('says what is wrong with a bad follow-up, in the thread, and stores nothing', async () => {
    const before = inThread().length;
    fake.postMessage(threadId, '   ', { guildId: GUILD_A.id, mentionBot: true });
    const reply = await fake.waitFor(() => inThread().length > before && inThread().at(-1));
    expect(reply.content).toMatch(/question/i);
    expect(reply.content).not.toMatch(/Error|at .*\.ts/);
  });

  it('starts a thread on every answer once a moderator sets ask_in_threads, and on none when asked not to', async () => {
    await fake.settled(
      fake.sendCommand('settings', {
        guildId: GUILD_A.id,
        permissions: MANAGE_GUILD,
        options: { ask_in_threads: true },
      }),
    );
    expect(newsdesk.settings.get(GUILD_A.id).askInThreads).toBe(true);
    const threadsBefore = fake.threads.size;
    const always = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: QUESTION } }),
    );
    await fake.waitFor(() => fake.threads.has(always.original?.id ?? ''));
    const declined = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: QUESTION, thread: false } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.threads.has(declined.original?.id ?? '')).toBe(false);
    expect(fake.threads.size).toBe(threadsBefore + 1);
  });

  it('says privately when it may not start a thread in the channel, and the answer stays', async () => {
    fake.failNext('POST', /\/messages\/\d+\/threads$/, 403);
    const record = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: QUESTION, thread: true } }),
    );
    const note = await fake.waitFor(() => record.followUps.at(-1));
    expect(note).toMatchObject({ content: DISCORD_TEXTS.threadNotStarted, flags: 64 });
    expect(textOf(record.edits.at(-1)?.message as FakeMessage)).toMatch(/\[1\]/);
    expect(fake.threads.has(record.original?.id ?? '')).toBe(false);
  });

  it('keeps the thread\u2019s conversation across a restart; with Message Content on, any message there is a follow-up', async () => {
    await bot.stop();
    newsdesk.close();
    newsdesk = await openRealNewsdesk(temp.dir);
    ({ bot } = await startBotAgainstFake({
      dataDir: temp.dir,
      services: newsdesk,
      fake,
      environment: { DISCORD_MESSAGE_CONTENT: 'true' },
    }));
    const before = inThread().length;
    fake.postMessage(threadId, 'and Germany?', { guildId: GUILD_A.id });
    const reply = await fake.waitFor(() => inThread().length > before && inThread().at(-1));
    expect(textOf(reply)).toMatch(/\[1\]/);
  });
});

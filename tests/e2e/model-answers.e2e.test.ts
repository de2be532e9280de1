import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { DRAFT_EDIT_INTERVAL_MS } from '../../src/discord/draft-reply.js';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { ScriptedChatServer } from '../../src/eval/scripted-chat-server.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { TEST_SECRETS } from '../helpers/secrets.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const QUESTION = 'How many additional troops would each country send?';

describe('/ask written by a streaming model, through the real discord.js client and a fake Discord', () => {
  const temp = makeTempDir();
  let chat: ScriptedChatServer;
  let newsdesk: Newsdesk;
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    chat = await ScriptedChatServer.start();
    newsdesk = await openRealNewsdesk(temp.dir, {
      llm: {
        baseUrl: chat.url,
        apiKey: TEST_SECRETS.apiKey,
        model: 'scripted-model',
        timeoutMs: 20_000,
        streaming: true,
      },
    });
    await newsdesk.ingestFiles([SAMPLE], GUILD_A.id);
    ({ fake, bot } = await startBotAgainstFake({ dataDir: temp.dir, services: newsdesk, startScheduler: false }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await chat?.close();
    newsdesk?.close();
    temp.remove();
  });

  it('edits the deferred reply with the draft at most once a second, then posts the checked answer last', async () => {
    chat.answerWith((request) => {
      const prompt = request.messages[1]?.content ?? '';
      // The passage that states the fact, whatever number the ranking gave it.
      const n = /<<<PASSAGE (\d+)>>>(?:(?!<<<END)[\s\S])*1,000 additional troops/.exec(prompt)?.[1] ?? '1';
      return {
        content: `Each country would reportedly send 1,000 additional troops [${n}]. The troops would be flown in by helicopter from Paris [${n}]. The deployment was described as a coalition of the willing [${n}].`,
        // About 3 s of streaming: room for several drafts.
        chunkDelayMs: 250,
      };
    });
    const record = fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: QUESTION } });
    const final = await fake.waitFor(() => {
      const last = record.edits.at(-1)?.message.embeds[0];
      return last?.footer?.text === DISCORD_TEXTS.modelAnswerFooter('scripted-model') && last;
    });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);

    const drafts = record.edits.slice(0, -1);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const draft of drafts) expect(draft.message.embeds[0]?.footer?.text).toBe(DISCORD_TEXTS.draftFooter);
    // Spaced by the interval (a little timer slack allowed); each shows more of the text.
    for (let index = 1; index < drafts.length; index += 1) {
      const gap = (drafts[index]?.at ?? 0) - (drafts[index - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(DRAFT_EDIT_INTERVAL_MS - 50);
      const previous = drafts[index - 1]?.message.embeds[0]?.description ?? '';
      expect(drafts[index]?.message.embeds[0]?.description?.startsWith(previous)).toBe(true);
    }
    expect(drafts.some((draft) => draft.message.embeds[0]?.description?.includes('helicopter'))).toBe(true);

    // The checked answer: the unsupported sentence is gone, the supported ones cite the sample.
    expect(final.title).toBe(QUESTION);
    expect(final.description).toMatch(/^Each country would reportedly send 1,000 additional troops\. \[1\]/);
    expect(final.description).not.toContain('helicopter');
    expect(final.description).toContain('**[1]** **Biden is');
    // Nothing arrives after the final answer.
    await new Promise((resolve) => setTimeout(resolve, DRAFT_EDIT_INTERVAL_MS + 200));
    expect(record.edits.at(-1)?.message.embeds[0]).toEqual(final);
    expect(record.followUps).toEqual([]);
  });
});

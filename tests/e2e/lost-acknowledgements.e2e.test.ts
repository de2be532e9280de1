import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.js';
import { GUILD_A, startBotAgainstFake } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { FakeServices } from '../helpers/fake-services.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const CALLBACK = /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/;
const EPHEMERAL = 64;
// Discord's answer to the acknowledgement arrives after the bot has stopped waiting for it.
const REST_TIMEOUT_MS = 1_000;
const LATE_BY_MS = 2_500;

/**
 * A deferral (or reply) that reaches Discord while its answer is lost: the bot must still fill in the
 * member's "thinking…" rather than leave it spinning. discord.js retries a timed-out request, and the
 * retry is told the interaction is already acknowledged; without retries, the bot has no answer at all.
 */
describe.each([
  { retries: 1, lost: 'retried and told "already acknowledged"' },
  { retries: 0, lost: 'timed out with no retry' },
])('an acknowledgement whose answer is lost ($lost)', ({ retries }) => {
  const temp = makeTempDir();
  const services = new FakeServices();
  let fake: FakeDiscord;
  let bot: RunningBot;
  beforeAll(async () => {
    ({ fake, bot } = await startBotAgainstFake({
      dataDir: temp.dir,
      services,
      rest: { retries, timeout: REST_TIMEOUT_MS },
    }));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    temp.remove();
  });

  const lateCallback = () => fake.delayNext('POST', CALLBACK, LATE_BY_MS);
  const callbackStatuses = (record: FakeInteraction) =>
    fake.requests
      .filter((request) => request.method === 'POST' && request.path.includes(`/${record.token}/callback`))
      .map((request) => request.status);

  it('/ask: the public "thinking…" becomes the answer', async () => {
    services.nextAnswer = { answer: 'The port reopened on Monday. [1]', abstained: false, citations: [], support: 0.9 };
    lateCallback();
    const record = await fake.settled(
      fake.sendCommand('ask', { guildId: GUILD_A.id, options: { question: 'When did the port reopen?' } }),
    );
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(record.edits.at(-1)?.message.embeds[0]?.description).toContain('The port reopened on Monday.');
    expect(record.followUps).toEqual([]);
    // The first try is logged once its late answer goes out; a retry was refused as already acknowledged.
    const expected = retries > 0 ? [204, 400] : [204];
    await fake.waitFor(() => callbackStatuses(record).length === expected.length);
    expect(callbackStatuses(record).sort()).toEqual(expected);
  });

  it('/add: the private "thinking…" becomes the outcome', async () => {
    lateCallback();
    const record = await fake.settled(
      fake.sendCommand('add', {
        guildId: GUILD_A.id,
        permissions: MANAGE_GUILD,
        options: { text: 'Harbour strike ends\nDock workers returned to work on Monday after a deal on pay.' },
      }),
    );
    expect(record.callbacks).toHaveLength(1);
    expect(Number(record.callbacks[0]?.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(record.edits.at(-1)?.message.embeds[0]?.description).toMatch(/^✓ Added \*\*Harbour strike ends\*\*/);
    // The first try is logged once its late answer goes out; a retry was refused as already acknowledged.
    const expected = retries > 0 ? [204, 400] : [204];
    await fake.waitFor(() => callbackStatuses(record).length === expected.length);
    expect(callbackStatuses(record).sort()).toEqual(expected);
  });
  it('a private reply (an unknown command) is made sure of, and sent once', async () => {
    lateCallback();
    const record = fake.sendCommand('no-such-command', { guildId: GUILD_A.id });
    // The refusal reached Discord; the bot, without its answer, sets the response to it once more.
    await fake.waitFor(() => record.edits.length > 0);
    expect(record.callbacks.map((callback) => callback.type)).toEqual([4]);
    expect(Number(record.callbacks[0]?.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(record.edits.at(-1)?.message.content).toBe(record.original?.content);
    expect(record.original?.content).not.toBe('');
    expect(record.followUps).toEqual([]);
  });
});

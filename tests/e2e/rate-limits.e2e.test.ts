import { describe, expect, it } from 'vitest';
import { GUILD_A, GUILD_B, useFakeServicesBot } from '../helpers/bot-harness.js';
import { type FakeDiscord, type FakeInteraction, MANAGE_GUILD } from '../helpers/fake-discord.js';

const EPHEMERAL = 64;

/** The private message of a refused command (an ephemeral reply, not a deferral), if it was refused. */
function refusal(record: FakeInteraction): string | undefined {
  const [first] = record.callbacks;
  const flags = (first?.data?.flags as number | undefined) ?? 0;
  return first?.type === 4 && (flags & EPHEMERAL) !== 0 ? record.original?.content : undefined;
}

describe('rate limits and Discord 429s', () => {
  const harness = useFakeServicesBot({
    ASK_PER_USER_PER_MINUTE: '2',
    ASK_PER_GUILD_PER_MINUTE: '3',
    ADD_PER_USER_PER_MINUTE: '1',
    ADD_PER_GUILD_PER_MINUTE: '5',
  });
  const { services } = harness;
  const run = (name: string, spec: Parameters<FakeDiscord['sendCommand']>[1]) =>
    harness.fake.settled(harness.fake.sendCommand(name, spec));
  const ask = (guildId: string, userId: string) =>
    run('ask', { guildId, userId, options: { question: 'What happened at the port?' } });

  it('refuses a member over the per-member limit with a private retry-after message, others go on', async () => {
    services.calls.length = 0;
    expect(refusal(await ask(GUILD_A.id, '1100000000000000011'))).toBeUndefined();
    expect(refusal(await ask(GUILD_A.id, '1100000000000000011'))).toBeUndefined();
    expect(refusal(await ask(GUILD_A.id, '1100000000000000011'))).toMatch(
      /^You are using \/ask too often\. Try again in \d+ seconds?\.$/,
    );
    expect(services.calls.filter((call) => call.method === 'ask')).toHaveLength(2);
    // Another member of the same server still gets an answer (the server's third /ask this minute).
    expect(refusal(await ask(GUILD_A.id, '1100000000000000012'))).toBeUndefined();
  });

  it('refuses everyone in a server over the per-server limit, and no other server', async () => {
    expect(refusal(await ask(GUILD_A.id, '1100000000000000013'))).toMatch(
      /^This server is using \/ask a lot right now\. Try again in \d+ seconds?\.$/,
    );
    expect(refusal(await ask(GUILD_B.id, '1100000000000000013'))).toBeUndefined();
  });

  it('limits /add per member', async () => {
    const add = () =>
      run('add', {
        guildId: GUILD_B.id,
        userId: '1100000000000000021',
        permissions: MANAGE_GUILD,
        options: { text: 'Harbour strike ends\nDock workers returned to work on Monday after a deal on pay.' },
      });
    expect(refusal(await add())).toBeUndefined();
    expect(refusal(await add())).toMatch(/^You are using \/add too often/);
    expect(services.calls.filter((call) => call.method === 'addArticles')).toHaveLength(1);
  });

  it('loses no reply when Discord answers an edit with 429: discord.js waits and retries', async () => {
    services.nextAnswer = { answer: 'The port reopened. [1]', abstained: false, citations: [], support: 0.9 };
    harness.fake.failNext('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 429);
    const record = await ask(GUILD_B.id, '1100000000000000031');
    expect(record.edits.at(-1)?.message.embeds[0]?.description).toContain('The port reopened.');
    const patches = harness.fake.requests.filter(
      (request) => request.method === 'PATCH' && request.path.endsWith('@original'),
    );
    expect(patches.slice(-2).map((request) => request.status)).toEqual([429, 200]);
  });
});

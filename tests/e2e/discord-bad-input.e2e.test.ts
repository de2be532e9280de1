import { describe, expect, it } from 'vitest';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { MAX_FILE_BYTES } from '../../src/ingest/read-file.js';
import { GUILD_A, useFakeServicesBot } from '../helpers/bot-harness.js';
import { type FakeDiscord, MANAGE_GUILD } from '../helpers/fake-discord.js';

describe('bad input that only Discord can send', () => {
  const harness = useFakeServicesBot();
  const { services } = harness;
  const run = (name: string, spec: Parameters<FakeDiscord['sendCommand']>[1]) =>
    harness.fake.settled(harness.fake.sendCommand(name, { guildId: GUILD_A.id, permissions: MANAGE_GUILD, ...spec }));

  it('refuses an attachment over the size cap privately, without downloading or storing it', async () => {
    services.calls.length = 0;
    const record = await run('add', {
      options: { file: { file: { name: 'huge.txt', data: Buffer.alloc(MAX_FILE_BYTES + 1, 0x61) } } },
    });
    const seen = [record.original?.content, ...record.followUps.map((message) => message.content)].join('\n');
    expect(seen).toContain(DISCORD_TEXTS.attachmentTooLarge(25));
    expect(services.calls.filter((call) => call.method === 'addArticles')).toEqual([]);
    expect(harness.fake.requests.some((request) => request.path.startsWith('/attachments/'))).toBe(false);
  });

  it('shows a title with @everyone and a Markdown link as inert text, and pings nobody', async () => {
    const title = '@everyone [Free Nitro](https://evil.example/claim) **now**';
    await run('add', {
      options: { text: `${title}\nDock workers went back to work on Monday after a deal on pay was agreed.` },
    });
    const record = await run('sources', {});
    const message = record.edits.at(-1)?.message ?? record.original;
    const description = message?.embeds[0]?.description ?? '';
    expect(description).toContain('@everyone');
    // The link and the bold are escaped: Discord shows the characters, not a link.
    expect(description).not.toContain('[Free Nitro](https://evil.example/claim)');
    expect(description).toContain('\\[Free Nitro\\]');
    expect(description).not.toMatch(/(?<!\\)\*\*now(?<!\\)\*\*/);
    expect(message?.allowedMentions).toEqual({ parse: [], replied_user: false });
  });
});

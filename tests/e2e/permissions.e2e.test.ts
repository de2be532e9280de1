import { beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_TEXTS } from '../../src/discord/texts.js';
import { GUILD_A, useFakeServicesBot } from '../helpers/bot-harness.js';
import { type CommandOptions, MANAGE_GUILD } from '../helpers/fake-discord.js';
import { fakeArticle } from '../helpers/fake-services.js';

const EDITOR_ROLE = GUILD_A.roles?.[0]?.id ?? '';

/** Every write, with the options it needs and the core call it makes when allowed. */
const WRITES: { name: string; spec: () => CommandOptions; call: string }[] = [
  {
    name: 'add',
    spec: () => ({ options: { text: 'Harbour strike ends\nDock workers went back to work.' } }),
    call: 'addArticles',
  },
  { name: 'remove', spec: () => ({ options: { article: 'a0000001' } }), call: 'removeArticle' },
  {
    name: 'feed add',
    spec: () => ({ subcommand: 'add', options: { url: 'https://news.example/feed.xml' } }),
    call: 'addFeed',
  },
  { name: 'feed remove', spec: () => ({ subcommand: 'remove', options: { feed: '1' } }), call: 'removeFeed' },
  { name: 'feed list', spec: () => ({ subcommand: 'list' }), call: 'none' },
  { name: 'settings', spec: () => ({ options: { briefing_time: '07:30' } }), call: 'updateSettings' },
];

const MEMBERS: { who: string; spec: CommandOptions; allowed: boolean }[] = [
  { who: 'a plain member', spec: { permissions: '0' }, allowed: false },
  { who: 'a member with Manage Server', spec: { permissions: MANAGE_GUILD }, allowed: true },
  { who: 'a member with the moderator role', spec: { permissions: '0', roles: [EDITOR_ROLE] }, allowed: true },
];

describe('permissions: every write, for every kind of member', () => {
  const harness = useFakeServicesBot();
  const { services } = harness;
  beforeAll(() => {
    services.settings.update(GUILD_A.id, { moderatorRoleId: EDITOR_ROLE });
  });

  for (const write of WRITES) {
    for (const member of MEMBERS) {
      it(`/${write.name} is ${member.allowed ? 'allowed' : 'refused'} for ${member.who}`, async () => {
        // Something to remove, whoever tries.
        const article = fakeArticle(GUILD_A.id, 'To remove', null);
        services.articles.set(GUILD_A.id, [{ ...article, id: 'a0000001' }]);
        services.calls.length = 0;
        const [command] = write.name.split(' ');
        const record = await harness.fake.settled(
          harness.fake.sendCommand(command ?? '', { guildId: GUILD_A.id, ...write.spec(), ...member.spec }),
        );
        const calls = services.calls.filter((call) => call.method !== 'listSources');
        if (member.allowed) {
          expect(record.original?.content ?? '').not.toBe(DISCORD_TEXTS.moderatorsOnly(command ?? ''));
          if (write.call !== 'none') expect(calls.map((call) => call.method)).toContain(write.call);
        } else {
          expect(record.original?.content).toBe(DISCORD_TEXTS.moderatorsOnly(command ?? ''));
          expect((record.callbacks[0]?.data?.flags as number | undefined) ?? 0).toBe(64);
          expect(calls).toEqual([]);
        }
      });
    }
  }
});

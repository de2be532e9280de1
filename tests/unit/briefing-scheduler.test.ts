import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.js';
import { localMoment } from '../../src/briefing/local-time.js';
import { BriefingScheduler, MAX_ATTEMPTS } from '../../src/briefing/scheduler.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'g1';
const CHANNEL = '555';
const MINUTE = 60_000;

interface Post {
  at: Date;
  guildId: string;
  channelId: string;
  briefing: Briefing;
}

describe('the daily briefing scheduler, on a fake clock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  let clock: Date;
  let posts: Post[];
  let failing: boolean;
  const model = fakeModel('fake-256', 256);

  const scheduler = () =>
    new BriefingScheduler({
      settings: newsdesk.settings,
      briefings: newsdesk.briefings,
      now: () => clock,
      publish: async (guildId, channelId, briefing) => {
        if (failing) throw new Error('Missing Access');
        posts.push({ at: clock, guildId, channelId, briefing });
      },
    });

  /** Tick once a minute from `from` until `to`. */
  async function runClock(runner: BriefingScheduler, from: string, to: string): Promise<void> {
    for (let at = Date.parse(from); at <= Date.parse(to); at += MINUTE) {
      clock = new Date(at);
      await runner.tick();
    }
  }

  const configure = (time: string, timeZone: string, configuredAt: string) =>
    newsdesk.settings.update(
      GUILD,
      { briefingChannelId: CHANNEL, briefingTime: time, timeZone },
      new Date(configuredAt),
    );

  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model });
    posts = [];
    failing = false;
  });
  afterEach(() => {
    newsdesk.close();
    temp.remove();
  });

  it('posts once a day at the local time, to the configured channel', async () => {
    configure('08:00', 'Europe/Berlin', '2026-06-30T12:00:00Z');
    await runClock(scheduler(), '2026-07-01T05:00:00Z', '2026-07-03T04:00:00Z');
    expect(posts.map((post) => post.at.toISOString())).toEqual([
      '2026-07-01T06:00:00.000Z',
      '2026-07-02T06:00:00.000Z',
    ]);
    expect(posts.every((post) => post.channelId === CHANNEL && !post.briefing.late)).toBe(true);
    // The second covers exactly what came after the first.
    expect(posts[1]?.briefing.since).toBe(posts[0]?.briefing.until);
  });

  it('neither skips nor doubles a briefing set inside the hour that spring skips', async () => {
    configure('02:30', 'Europe/Berlin', '2026-03-01T00:00:00Z');
    await runClock(scheduler(), '2026-03-28T00:00:00Z', '2026-03-30T23:00:00Z');
    const localDates = posts.map((post) => localMoment(post.at, 'Europe/Berlin').date);
    expect(localDates).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    // On the day of the change, the first minute after the gap (03:00 CEST), and not marked late.
    expect(posts[1]?.at.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(posts.some((post) => post.briefing.late)).toBe(false);
  });

  it('neither skips nor doubles a briefing set inside the hour that autumn repeats', async () => {
    configure('01:30', 'America/New_York', '2026-10-01T00:00:00Z');
    await runClock(scheduler(), '2026-10-31T04:00:00Z', '2026-11-02T12:00:00Z');
    expect(posts.map((post) => post.at.toISOString())).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('posts a briefing missed while the bot was down once, marked late, and the next one on time', async () => {
    configure('08:00', 'UTC', '2026-05-01T07:00:00Z');
    // Down from before 08:00 until 11:00; a new scheduler is a restarted bot.
    await runClock(scheduler(), '2026-05-02T11:00:00Z', '2026-05-02T12:00:00Z');
    const restarted = scheduler();
    await runClock(restarted, '2026-05-02T12:01:00Z', '2026-05-02T12:05:00Z');
    await runClock(restarted, '2026-05-03T07:58:00Z', '2026-05-03T08:02:00Z');
    expect(posts.map((post) => [post.at.toISOString(), post.briefing.late])).toEqual([
      ['2026-05-02T11:00:00.000Z', true],
      ['2026-05-03T08:00:00.000Z', false],
    ]);
  });

  it('owes no briefing for a time that had passed when the schedule was set', async () => {
    configure('08:00', 'UTC', '2026-05-02T09:30:00Z');
    await runClock(scheduler(), '2026-05-02T09:31:00Z', '2026-05-02T10:00:00Z');
    expect(posts).toEqual([]);
    await runClock(scheduler(), '2026-05-03T08:00:00Z', '2026-05-03T08:00:00Z');
    expect(posts).toHaveLength(1);
  });

  it(`retries a failed post at most ${MAX_ATTEMPTS} times, then waits for the next day`, async () => {
    configure('08:00', 'UTC', '2026-05-01T00:00:00Z');
    failing = true;
    const runner = scheduler();
    await runClock(runner, '2026-05-02T08:00:00Z', '2026-05-02T08:30:00Z');
    expect(newsdesk.briefings.latest(GUILD)).toBeUndefined();
    failing = false;
    await runClock(runner, '2026-05-02T08:31:00Z', '2026-05-02T09:00:00Z');
    expect(posts).toEqual([]);
    await runClock(runner, '2026-05-03T08:00:00Z', '2026-05-03T08:00:00Z');
    expect(posts).toHaveLength(1);
  });

  it('posts nothing for a guild without a briefing channel', async () => {
    newsdesk.settings.update(GUILD, { briefingTime: '08:00' });
    await runClock(scheduler(), '2026-05-02T07:59:00Z', '2026-05-02T08:05:00Z');
    expect(posts).toEqual([]);
  });
});

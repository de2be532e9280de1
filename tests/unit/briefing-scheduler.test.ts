import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.js';
import { BriefingScheduler, MAX_ATTEMPTS } from '../../src/briefing/scheduler.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { localMoment } from '../../src/time/local-time.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'g1';
const CHANNEL = '555';
const MINUTE = 60_000;
/** Each briefing goes out as this many messages, as a long one does on Discord. */
const PARTS = 3;

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
  /** Every message delivered: which briefing (its period end) and which part of it. */
  let delivered: { until: string; part: number }[];
  /** Parts whose next sending fails (once each): a failure, or a crash, half-way through a briefing. */
  let failAt: Set<number>;
  const model = fakeModel('fake-256', 256);

  const scheduler = () =>
    new BriefingScheduler({
      settings: newsdesk.settings,
      briefings: newsdesk.briefings,
      now: () => clock,
      publish: async (guildId, channelId, briefing, progress) => {
        if (failing) throw new Error('Missing Access');
        for (let part = progress.delivered; part < PARTS; part += 1) {
          if (failAt.delete(part)) throw new Error('Service Unavailable');
          delivered.push({ until: briefing.until, part });
          progress.markDelivered(part + 1);
        }
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
    delivered = [];
    failAt = new Set();
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

  it('finishes a briefing that failed half-way on the next tick, sending no message twice', async () => {
    configure('08:00', 'UTC', '2026-05-01T00:00:00Z');
    failAt = new Set([1]);
    await runClock(scheduler(), '2026-05-02T07:59:00Z', '2026-05-02T08:10:00Z');
    expect(posts.map((post) => post.at.toISOString())).toEqual(['2026-05-02T08:01:00.000Z']);
    // One briefing (the one composed at 08:00), each of its messages once.
    expect(delivered).toEqual([0, 1, 2].map((part) => ({ until: '2026-05-02T08:00:00.000Z', part })));
  });

  it('after a crash half-way, a restarted bot posts the rest of the same briefing, not a new one', async () => {
    configure('08:00', 'UTC', '2026-05-01T00:00:00Z');
    failAt = new Set([2]);
    // The first process dies after two messages went out; the bot comes back at 09:30.
    await runClock(scheduler(), '2026-05-02T08:00:00Z', '2026-05-02T08:00:00Z');
    expect(delivered).toHaveLength(2);
    const restarted = scheduler();
    await runClock(restarted, '2026-05-02T09:30:00Z', '2026-05-02T09:40:00Z');
    expect(delivered).toEqual([0, 1, 2].map((part) => ({ until: '2026-05-02T08:00:00.000Z', part })));
    expect(posts).toHaveLength(1);
    // The next day's briefing starts where the resumed one ended.
    await runClock(restarted, '2026-05-03T08:00:00Z', '2026-05-03T08:00:00Z');
    expect(posts[1]?.briefing.since).toBe('2026-05-02T08:00:00.000Z');
  });

  it('leaves a briefing cut off on an earlier day, and the next one covers the time after what was seen', async () => {
    configure('08:00', 'UTC', '2026-05-01T00:00:00Z');
    failAt = new Set([1]);
    await runClock(scheduler(), '2026-05-02T08:00:00Z', '2026-05-02T08:00:00Z');
    // Down for the rest of the day; back the next morning.
    await runClock(scheduler(), '2026-05-03T07:59:00Z', '2026-05-03T08:05:00Z');
    expect(delivered.map(({ until, part }) => `${until} ${part}`)).toEqual([
      '2026-05-02T08:00:00.000Z 0',
      '2026-05-03T08:00:00.000Z 0',
      '2026-05-03T08:00:00.000Z 1',
      '2026-05-03T08:00:00.000Z 2',
    ]);
    expect(posts.map((post) => post.briefing.since)).toEqual(['2026-05-02T08:00:00.000Z']);
  });

  it('keeps briefings recorded before delivery was counted as posted whole', async () => {
    configure('08:00', 'UTC', '2026-05-01T00:00:00Z');
    newsdesk.close();
    // A database as schema version 4 left it, with one briefing posted on 2 May.
    const old = new Database(path.join(temp.dir, 'newsdesk.sqlite'));
    old.exec(`
      DROP TABLE outlet_sentences;
      ALTER TABLE briefings DROP COLUMN content;
      ALTER TABLE briefings DROP COLUMN delivered_parts;
      ALTER TABLE briefings DROP COLUMN finished;
      INSERT INTO briefings (guild_id, local_date, period_start, period_end, posted_at, late, stories)
        VALUES ('${GUILD}', '2026-05-02', '2026-05-01T08:00:00.000Z', '2026-05-02T08:00:00.000Z',
          '2026-05-02T08:00:00.000Z', 0, '[]');
    `);
    old.pragma('user_version = 4');
    old.close();
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model });
    expect(newsdesk.briefings.latest(GUILD)?.periodEnd).toBe('2026-05-02T08:00:00.000Z');
    await runClock(scheduler(), '2026-05-02T08:30:00Z', '2026-05-02T08:31:00Z');
    expect(posts).toEqual([]);
    await runClock(scheduler(), '2026-05-03T08:00:00Z', '2026-05-03T08:00:00Z');
    expect(posts.map((post) => post.briefing.since)).toEqual(['2026-05-02T08:00:00.000Z']);
  });

  it('posts nothing for a guild without a briefing channel', async () => {
    newsdesk.settings.update(GUILD, { briefingTime: '08:00' });
    await runClock(scheduler(), '2026-05-02T07:59:00Z', '2026-05-02T08:05:00Z');
    expect(posts).toEqual([]);
  });
});

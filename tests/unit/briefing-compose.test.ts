import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterStories } from '../../src/briefing/cluster-stories.js';
import { BriefingScheduler } from '../../src/briefing/scheduler.js';
import { neutralHeadline } from '../../src/briefing/summarize-story.js';
import type { ArticleInput } from '../../src/ingest/article.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'g1';
const model = fakeModel('fake-256', 256);

function article(title: string, source: string, publishedAt: string, ...sentences: string[]): ArticleInput {
  return {
    title,
    source,
    publishedAt,
    url: `https://${source.toLowerCase().replace(/\W+/g, '')}.example/${title.length}`,
    body: sentences.join(' '),
  };
}

const DAY_ONE = [
  article(
    'Harbourtown dock workers end port strike after pay deal',
    'Coast Times',
    '2026-05-01T09:00:00Z',
    'Dock workers at the Harbourtown container port ended their eleven-day strike on Friday after accepting a pay deal of seven percent.',
    'The strike had left more than forty container ships waiting outside the Harbourtown port.',
  ),
  article(
    'Port strike over: Harbourtown dockers accept seven percent pay deal',
    'Daily Wire',
    '2026-05-01T10:00:00Z',
    'Harbourtown dockers voted to accept a seven percent pay deal, ending the port strike after eleven days.',
    'Union leaders said the port strike deal also limits shifts to ten hours for dock workers.',
  ),
  article(
    'Harbourtown port strike ends as dock workers back union pay deal',
    'Evening Post',
    '2026-05-01T11:00:00Z',
    'The port strike at Harbourtown is over after dock workers backed the union pay deal on Friday morning.',
    'Exporters said clearing the backlog of container ships at the port could take three weeks.',
  ),
  article(
    'Wildfire near Pine Ridge forces hundreds to evacuate',
    'Daily Wire',
    '2026-05-01T12:00:00Z',
    'A fast-moving wildfire near Pine Ridge forced hundreds of residents to evacuate their homes on Friday.',
    'Firefighters said dry winds pushed the wildfire towards the Pine Ridge valley overnight.',
  ),
  article(
    'Pine Ridge wildfire: residents evacuate as flames spread',
    'Mountain News',
    '2026-05-01T13:00:00Z',
    'Residents of Pine Ridge were told to evacuate as the wildfire spread across the valley on Friday.',
    'Emergency shelters opened in the school gym for families fleeing the Pine Ridge wildfire.',
  ),
  article(
    'City library extends weekend opening hours',
    'Coast Times',
    '2026-05-01T14:00:00Z',
    'The central city library will open until nine in the evening on weekends from next month, the council announced.',
    'Librarians said demand for study space had grown sharply since the renovation.',
  ),
];

const DAY_TWO = [
  article(
    'Harbourtown port clears backlog of ships after dock workers return',
    'Coast Times',
    '2026-05-02T09:00:00Z',
    'The Harbourtown container port cleared half of the backlog of waiting ships on Saturday after dock workers returned from the strike.',
    'Port managers said twenty container ships were unloaded overnight at Harbourtown.',
  ),
  article(
    'Rail line to the airport opens after six years of works',
    'Evening Post',
    '2026-05-02T10:00:00Z',
    'The new rail line between the city centre and the airport opened to passengers on Saturday after six years of works.',
    'Trains will run every ten minutes and take eighteen minutes to reach the airport.',
  ),
];

describe('composing a briefing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  const open = () => Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model });

  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await open();
    await newsdesk.ingestArticles(DAY_ONE, GUILD);
  });
  afterEach(() => {
    newsdesk.close();
    temp.remove();
  });

  const dayOne = () =>
    newsdesk.briefing(GUILD, { since: new Date('2026-05-01T00:00:00Z'), until: new Date('2026-05-02T00:00:00Z') });

  it('groups reports of the same event across outlets, and keeps other events apart', () => {
    const articles = newsdesk.briefings.profiledArticles(
      GUILD,
      new Date('2026-05-01T00:00:00Z'),
      new Date('2026-05-02T00:00:00Z'),
    );
    const stories = clusterStories(articles).map((story) => story.map((item) => item.source).sort());
    expect(stories.sort((a, b) => b.length - a.length)).toEqual([
      ['Coast Times', 'Daily Wire', 'Evening Post'],
      ['Daily Wire', 'Mountain News'],
      ['Coast Times'],
    ]);
  });

  it('tells the most widely reported stories first, each in cited sentences, and numbers every source once', async () => {
    const briefing = await dayOne();
    expect(briefing.articleCount).toBe(6);
    expect(briefing.outletCount).toBe(4);
    expect(briefing.stories.map((story) => [story.tag, story.outlets.length])).toEqual([
      ['new', 3],
      ['new', 2],
      ['new', 1],
    ]);
    const [strike, fire] = briefing.stories;
    expect(strike?.headline).toMatch(/strike/i);
    expect(fire?.headline).toMatch(/wildfire/i);
    expect(strike?.sentences.length).toBeGreaterThanOrEqual(2);
    for (const story of briefing.stories) {
      for (const sentence of story.sentences) {
        const source = briefing.sources[sentence.n - 1];
        expect(source?.n).toBe(sentence.n);
        expect(story.articleIds).toContain(source?.articleId);
        expect(/[.!?]$/.test(sentence.text)).toBe(true);
      }
    }
    // The three outlets of the strike tell it in sentences from different articles.
    expect(new Set(strike?.sentences.map((sentence) => sentence.n)).size).toBeGreaterThanOrEqual(2);
    expect(briefing.sources.map((source) => source.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(briefing.sources.map((source) => source.articleId)).size).toBe(6);
  });

  it('says a period without articles is quiet', async () => {
    const briefing = await newsdesk.briefing(GUILD, {
      since: new Date('2026-06-01T00:00:00Z'),
      until: new Date('2026-06-02T00:00:00Z'),
    });
    expect(briefing).toMatchObject({ articleCount: 0, stories: [], quickHits: [], sources: [] });
  });

  it('tags stories New or Update against the previous scheduled briefing, also after a restart', async () => {
    newsdesk.settings.update(
      GUILD,
      { briefingChannelId: '1', briefingTime: '08:00', timeZone: 'UTC' },
      new Date('2026-04-30T00:00:00Z'),
    );
    const posted: string[][] = [];
    let clock = new Date('2026-05-02T08:00:00Z');
    const scheduler = () =>
      new BriefingScheduler({
        settings: newsdesk.settings,
        briefings: newsdesk.briefings,
        now: () => clock,
        publish: async (_guild, _channel, briefing) => {
          posted.push(briefing.stories.map((story) => `${story.tag}: ${story.headline}`));
        },
      });
    // 2 May 08:00 covers 1 May: everything is new.
    await scheduler().tick();
    expect(posted[0]?.every((line) => line.startsWith('new: '))).toBe(true);

    // Restart between the two briefings: the previous one is read back from the database.
    newsdesk.close();
    newsdesk = await open();
    await newsdesk.ingestArticles(DAY_TWO, GUILD);
    clock = new Date('2026-05-03T08:00:00Z');
    await scheduler().tick();
    expect(posted[1]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^update: .*port/i), expect.stringMatching(/^new: .*rail/i)]),
    );
  });

  it('leaves out a story told before when nothing new has come in', async () => {
    newsdesk.settings.update(
      GUILD,
      { briefingChannelId: '1', briefingTime: '08:00', timeZone: 'UTC' },
      new Date('2026-04-30T00:00:00Z'),
    );
    const scheduler = new BriefingScheduler({
      settings: newsdesk.settings,
      briefings: newsdesk.briefings,
      now: () => new Date('2026-05-02T08:00:00Z'),
      publish: async () => undefined,
    });
    await scheduler.tick();
    // An on-demand briefing over the same day after the scheduled one: all of it was told already.
    const again = await dayOne();
    expect(again.stories).toEqual([]);
    expect(again.quickHits).toEqual([]);
    expect(again.continuing).toBe(3);
  });

  it('drops the outlet name and labels from headlines', () => {
    expect(neutralHeadline('Port strike ends | The Harbour Times', 'The Harbour Times')).toBe('Port strike ends');
    expect(neutralHeadline('LIVE: Port strike ends - Coast Times', 'Coast Times')).toBe('Port strike ends');
    expect(neutralHeadline('Strike ends - for now', 'Coast Times')).toBe('Strike ends - for now');
  });
});

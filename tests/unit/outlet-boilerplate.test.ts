import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/ingest/article.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { outletBoilerplateIn, withoutBoilerplate } from '../../src/text/outlet-boilerplate.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GUILD = 'g1';
const OUTLET = 'Harbour Daily';
const PROMO =
  'Sign up to our free Harbour Morning newsletter for the latest port news, straight to your inbox every weekday.';
// The same sign-up text glued to another newsletter's name: known by its last words.
const PROMO_VARIANT =
  'Sign up to our free Weekend Reads newsletter for the latest port news, straight to your inbox every weekday.';

function report(n: number, source: string, lead: string, body: string): ArticleInput {
  return {
    title: `Harbourtown port strike, day ${n}`,
    source,
    publishedAt: `2026-05-0${n}T09:00:00Z`,
    url: `https://${source.toLowerCase().replace(/\W+/g, '')}.example/strike-${n}`,
    body: `${lead} ${body}`,
  };
}

const STRIKE_DAYS = [
  report(
    1,
    OUTLET,
    PROMO,
    'Dock workers at the Harbourtown container port walked out on Monday over a pay offer of three percent.',
  ),
  report(
    2,
    OUTLET,
    PROMO,
    'Forty container ships were waiting outside the Harbourtown port on the second day of the dock strike.',
  ),
  report(
    3,
    OUTLET,
    PROMO_VARIANT,
    'Dock workers ended the Harbourtown port strike after accepting a pay deal of seven percent on Wednesday.',
  ),
];

describe("an outlet's repeated sentences", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  const isBoilerplate = (source: string | null, sentence: string, guild = GUILD) =>
    newsdesk.library.isOutletBoilerplate(guild, source, sentence);

  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
    await newsdesk.ingestArticles(STRIKE_DAYS, GUILD);
    await newsdesk.ingestArticles(
      [report(4, 'Coast Times', PROMO, 'Port traffic was back to normal by Thursday.')],
      GUILD,
    );
    await newsdesk.ingestArticles(STRIKE_DAYS.slice(0, 2), 'g2');
  });
  afterEach(() => {
    newsdesk.close();
    temp.remove();
  });

  it('are known once three of its articles in the guild hold them, by their first or last words', () => {
    expect(isBoilerplate(OUTLET, PROMO)).toBe(true);
    expect(isBoilerplate(OUTLET, PROMO_VARIANT)).toBe(true);
    expect(isBoilerplate(OUTLET, STRIKE_DAYS[0]?.body.slice(PROMO.length + 1) ?? '')).toBe(false);
    // Another outlet's copy, and another guild's articles, are counted apart.
    expect(isBoilerplate('Coast Times', PROMO)).toBe(false);
    expect(isBoilerplate(OUTLET, PROMO, 'g2')).toBe(false);
  });

  it('are forgotten with the articles that held them', () => {
    const first = newsdesk.listSources(GUILD, { query: 'day 1' }).articles[0];
    newsdesk.removeArticle(GUILD, first?.id ?? '');
    expect(isBoilerplate(OUTLET, PROMO)).toBe(false);
  });

  it('are counted for articles stored before the table existed', () => {
    newsdesk.close();
    const db = new Database(path.join(temp.dir, 'newsdesk.sqlite'));
    db.exec('DROP TABLE outlet_sentences');
    db.pragma('user_version = 6');
    db.close();
    newsdesk = undefined as never;
    return Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() }).then(
      (reopened) => {
        newsdesk = reopened;
        expect(isBoilerplate(OUTLET, PROMO)).toBe(true);
      },
    );
  });

  it('never tell a story in a briefing', async () => {
    const briefing = await newsdesk.briefing(GUILD, {
      since: new Date('2026-05-01T00:00:00Z'),
      until: new Date('2026-05-05T00:00:00Z'),
    });
    // What the outlet repeats in three articles; Coast Times used the promo once, so for it it is text.
    const outletOf = new Map(briefing.sources.map((source) => [source.n, source.source]));
    const told = briefing.stories.flatMap((story) =>
      story.sentences.filter((sentence) => outletOf.get(sentence.n) === OUTLET).map((sentence) => sentence.text),
    );
    expect(told.length).toBeGreaterThan(0);
    for (const sentence of told) expect(sentence).not.toMatch(/newsletter/);
    expect(told.some((sentence) => sentence.includes('pay deal of seven percent'))).toBe(true);
  });
});

describe('the same test over articles in memory', () => {
  it('marks what three articles of one outlet share, and leaves the rest of a text alone', () => {
    const test = outletBoilerplateIn(
      STRIKE_DAYS.map((article) => ({ source: article.source ?? null, body: article.body })),
    );
    expect(test(OUTLET, PROMO)).toBe(true);
    expect(test('Coast Times', PROMO)).toBe(false);
    const lead = STRIKE_DAYS[2]?.body ?? '';
    expect(withoutBoilerplate(lead, OUTLET, test)).toBe(
      'Dock workers ended the Harbourtown port strike after accepting a pay deal of seven percent on Wednesday.',
    );
  });

  it('keeps the paragraph breaks of what it leaves, so a heading is not glued to the sentence after it', () => {
    const nothing = () => false;
    const lead = 'Here is the day at the port.\n\nHarbour derby\n\nThe ferries are full for the match on Saturday.';
    const kept = withoutBoilerplate(lead, OUTLET, nothing);
    expect(kept).toBe(lead);
    const promo = (_source: string | null, sentence: string) => sentence.startsWith('Here is');
    expect(withoutBoilerplate(lead, OUTLET, promo)).toBe(
      'Harbour derby\n\nThe ferries are full for the match on Saturday.',
    );
  });
});

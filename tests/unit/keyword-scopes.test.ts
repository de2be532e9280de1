import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/ingest/article.js';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { Newsdesk } from '../../src/newsdesk.js';
import type { PassageScope } from '../../src/store/article-store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { scopeSearchToken } from '../../src/store/search/scope-tokens.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { withStoredDatabase } from '../helpers/stored-database.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Three ferry stories: two outlets whose names share a word, two days. */
const articles: ArticleInput[] = [
  {
    title: 'Ferry service resumes',
    source: 'The Verge',
    url: 'https://verge.example/ferry',
    publishedAt: '2023-10-04T09:00:00Z',
    body: 'The ferry service between the islands resumed on Wednesday after repairs to the pier.',
  },
  {
    title: 'Ferry fares rise',
    source: 'Verge Weekly',
    url: 'https://weekly.example/ferry',
    publishedAt: '2023-10-05T09:00:00Z',
    body: 'Ferry fares will rise by a tenth next month, the island council said on Thursday.',
  },
  {
    title: 'New ferry ordered',
    source: 'The Verge',
    url: 'https://verge.example/new-ferry',
    publishedAt: '2023-10-05T18:00:00Z',
    body: 'The operator ordered a new electric ferry to replace the oldest boat in its fleet.',
  },
];

let temp: ReturnType<typeof makeTempDir>;
let newsdesk: Newsdesk;
const open = () => Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });

beforeEach(async () => {
  temp = makeTempDir();
  newsdesk = await open();
});
afterEach(() => {
  newsdesk.close();
  temp.remove();
});

/** Titles of the guild's passages that mention ferries, within a scope. */
function ferryTitles(guildId: string, scope: PassageScope = {}): string[] {
  const ids = newsdesk.library
    .keywordSearch(guildId, ['ferry'], 50, { title: 1, source: 1, text: 1 }, scope)
    .map((hit) => hit.id);
  return newsdesk.library
    .getPassages(guildId, ids)
    .map((passage) => passage.article.title)
    .sort();
}

describe('keyword search scopes (one keyword index per guild; outlet and day held in it)', () => {
  it("gives each guild, outlet and day its own whole token (the old full-text tables' migrations use them)", () => {
    const guilds = ['guild-a', 'guild a', 'guilda', 'guild-A', '1234567890'].map((id) => scopeSearchToken('guild', id));
    expect(new Set(guilds).size).toBe(5);
    for (const token of guilds) expect(token).toMatch(/^g\d+$/);
    expect(scopeSearchToken('outlet', 'The Verge')).not.toBe(scopeSearchToken('outlet', 'Verge'));
  });

  it('keeps guilds whose ids differ only by punctuation apart', async () => {
    await newsdesk.ingestArticles(articles.slice(0, 1), 'guild-a');
    await newsdesk.ingestArticles(articles.slice(1), 'guild a');
    expect(ferryTitles('guild-a')).toEqual(['Ferry service resumes']);
    expect(ferryTitles('guild a')).toEqual(['Ferry fares rise', 'New ferry ordered']);
    expect(ferryTitles('guilda')).toEqual([]);
  });

  it("ranks and weighs words by the guild's own articles only, whatever other servers store", async () => {
    await newsdesk.ingestArticles(articles, 'g1');
    const question = 'Which ferry did the operator order to replace its oldest boat?';
    const scores = () =>
      newsdesk.library.keywordSearch('g1', ['ferry', 'operator', 'boat'], 50, {
        title: 1,
        source: 1,
        text: 1,
      });
    const counts = () => newsdesk.library.termFrequencies('g1', ['ferri', 'oper', 'boat']);
    const before = { scores: scores(), counts: counts(), words: newsdesk.ranker.searchWords('g1', question) };
    // Another server stores many articles full of the same words.
    await newsdesk.ingestArticles(
      Array.from({ length: 30 }, (_, index) => ({
        title: `Ferry timetable ${index}`,
        source: 'Harbour Daily',
        body: `The ferry operator changed the boat timetable again on day ${index}, and every ferry ran late.`,
      })),
      'g2',
    );
    expect(scores()).toEqual(before.scores);
    expect(counts()).toEqual(before.counts);
    expect(newsdesk.ranker.searchWords('g1', question)).toEqual(before.words);
    expect(newsdesk.library.termFrequencies('g2', ['ferri']).frequencies.get('ferri')).toBe(30);
  });

  it("searches a guild normally after its first article's transaction rolled back", async () => {
    const long = articles[0] as ArticleInput;
    const sentences = Array.from({ length: 60 }, (_, index) => `The ferry crossing number ${index} ran on time today.`);
    const prepared = prepareArticle({ ...long, body: sentences.join(' ') });
    expect(prepared.passages.length).toBeGreaterThan(2);
    // Two vectors for more passages: the save fails inside its transaction, after the first passage
    // was written in it.
    const two = [new Float32Array(256), new Float32Array(256)];
    expect(() => newsdesk.library.saveArticle('fresh', prepared, two, undefined)).toThrow(/no vector/);
    expect(ferryTitles('fresh')).toEqual([]);
    await newsdesk.ingestArticles(articles.slice(0, 1), 'fresh');
    expect(ferryTitles('fresh')).toEqual(['Ferry service resumes']);
  });

  it('matches the exact outlet, not every outlet sharing a word of its name', async () => {
    await newsdesk.ingestArticles(articles, 'g1');
    expect(ferryTitles('g1', { source: 'The Verge' })).toEqual(['Ferry service resumes', 'New ferry ordered']);
    expect(ferryTitles('g1', { source: 'Verge Weekly' })).toEqual(['Ferry fares rise']);
    expect(ferryTitles('g1', { source: 'Verge' })).toEqual([]);
  });

  it('matches the day of publication, alone or with an outlet', async () => {
    await newsdesk.ingestArticles(articles, 'g1');
    expect(ferryTitles('g1', { day: '2023-10-05' })).toEqual(['Ferry fares rise', 'New ferry ordered']);
    expect(ferryTitles('g1', { day: '2023-10-05', source: 'The Verge' })).toEqual(['New ferry ordered']);
    expect(ferryTitles('g1', { day: '2023-10-06' })).toEqual([]);
  });

  it('follows an article whose date changes when it is added again', async () => {
    await newsdesk.ingestArticles(articles, 'g1');
    await newsdesk.ingestArticles([{ ...articles[0], publishedAt: '2023-10-06T08:00:00Z' } as ArticleInput], 'g1');
    expect(ferryTitles('g1', { day: '2023-10-04' })).toEqual([]);
    expect(ferryTitles('g1', { day: '2023-10-06' })).toEqual(['Ferry service resumes']);
  });

  it('moves a database of schema 7 (one full-text table per guild) to the keyword index, dropping the tables', async () => {
    await newsdesk.ingestArticles(articles.slice(0, 2), 'g1');
    await newsdesk.ingestArticles(articles.slice(2), 'g2');
    newsdesk.close();
    // Put back what schema 7 held: per guild an FTS5 table and its term-count view, and the sizes.
    const old = new Database(path.join(temp.dir, 'newsdesk.sqlite'));
    for (const guildId of ['g1', 'g2']) {
      const table = `guild_search_${guildId}0123456789abc`;
      old.exec(`
        CREATE VIRTUAL TABLE ${table} USING fts5(title, source, text, outlet, day,
          tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE ${table}_vocab USING fts5vocab(${table}, 'row');
      `);
    }
    old.exec(`
      CREATE TABLE guild_search_sizes (guild_id TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO guild_search_sizes SELECT guild_id, count(*) FROM passages GROUP BY guild_id;
    `);
    old.pragma('user_version = 7');
    old.close();
    rmSync(path.join(temp.dir, 'keywords'), { recursive: true });

    newsdesk = await open();
    const left = withStoredDatabase(temp.dir, (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%search%'").pluck().all(),
    );
    expect(left).toEqual([]);
    expect(ferryTitles('g1')).toEqual(['Ferry fares rise', 'Ferry service resumes']);
    expect(ferryTitles('g2', { source: 'The Verge', day: '2023-10-05' })).toEqual(['New ferry ordered']);
  });

  it('brings a database from before the scope columns up to date, keeping every passage searchable', async () => {
    await newsdesk.ingestArticles(articles.slice(0, 2), 'g1');
    await newsdesk.ingestArticles(articles.slice(2), 'g2');
    newsdesk.close();
    // Put the full-text index (and the briefings table) back the way schema version 3 built them.
    const old = new Database(path.join(temp.dir, 'newsdesk.sqlite'));
    old.exec(`
      DROP TABLE outlet_sentences;
      DROP INDEX articles_guild_source;
      ALTER TABLE briefings DROP COLUMN content;
      ALTER TABLE briefings DROP COLUMN delivered_parts;
      ALTER TABLE briefings DROP COLUMN finished;
      CREATE VIRTUAL TABLE passage_search USING fts5(title, source, text, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE passage_search_vocab USING fts5vocab(passage_search, 'row');
      INSERT INTO passage_search (rowid, title, source, text)
        SELECT p.id, a.title, coalesce(a.source, ''), p.text FROM passages p JOIN articles a ON a.id = p.article_id;
    `);
    old.pragma('user_version = 3');
    old.close();

    newsdesk = await open();
    expect(readFileSync(process.env.LOG_FILE ?? '', 'utf8')).toMatch(
      new RegExp(`"from":3,"to":${MIGRATIONS.length}.*upgrading the database schema`),
    );
    // The full-text tables the upgrade went through are gone: the keyword index replaced them.
    const tables = withStoredDatabase(temp.dir, (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%search%'").pluck().all(),
    );
    expect(tables).toEqual([]);
    expect(ferryTitles('g1')).toEqual(['Ferry fares rise', 'Ferry service resumes']);
    expect(ferryTitles('g2')).toEqual(['New ferry ordered']);
    expect(ferryTitles('g1', { source: 'Verge Weekly', day: '2023-10-05' })).toEqual(['Ferry fares rise']);
    const answer = await newsdesk.ask('g2', 'Which ferry did the operator order?');
    expect(answer.citations.map((citation) => citation.title)).toEqual(['New ferry ordered']);
  });
});

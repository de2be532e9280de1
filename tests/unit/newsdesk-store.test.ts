import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/ingest/article.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { VectorRecordStore } from '../../src/store/vector-records.js';
import { renderSourcesText } from '../../src/terminal/render-text.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { withStoredDatabase } from '../helpers/stored-database.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const harbour: ArticleInput = {
  title: 'Port strike ends after deal on wages',
  source: 'Harbour Times',
  url: 'https://harbour.example/strike?utm_source=rss',
  publishedAt: '2023-10-04T09:30:00Z',
  body: 'Dock workers at the container port returned to work on Wednesday after union leaders accepted a pay offer of seven percent. The strike had lasted eleven days and left forty ships waiting offshore.',
};
const vineyard: ArticleInput = {
  title: 'Vineyards report early harvest',
  source: 'Valley Post',
  body: 'Growers in the valley began picking grapes two weeks earlier than usual after a hot and dry summer. Winemakers expect a smaller but sweeter vintage this year.',
};

let temp: ReturnType<typeof makeTempDir>;
let newsdesk: Newsdesk;
const model = fakeModel();
const open = () => Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model });

beforeEach(async () => {
  temp = makeTempDir();
  newsdesk = await open();
});
afterEach(() => {
  newsdesk.close();
  temp.remove();
});

function searchable(guildId: string): number {
  return newsdesk.library.keywordSearch(guildId, ['strike', 'grapes'], 50, { title: 1, source: 1, text: 1 }).length;
}

describe('storing articles', () => {
  it('updates an article added again with the same url instead of duplicating it', async () => {
    const [first] = await newsdesk.ingestArticles([harbour], 'g1');
    const changed = {
      ...harbour,
      url: 'https://harbour.example/strike#comments',
      body: `${harbour.body} Exporters welcomed the deal on Thursday.`,
    };
    const [second] = await newsdesk.ingestArticles([changed], 'g1');
    expect(first?.status).toBe('added');
    expect(second?.status).toBe('updated');
    expect(second?.status !== 'failed' && first?.status !== 'failed' && second?.article.id === first?.article.id).toBe(
      true,
    );
    expect(newsdesk.listSources('g1').total).toBe(1);
    expect(searchable('g1')).toBe(1);
  });

  it('recognises the same text without a url and leaves it unchanged', async () => {
    await newsdesk.ingestArticles([vineyard], 'g1');
    const [again] = await newsdesk.ingestArticles(
      [{ ...vineyard, body: `  ${vineyard.body.replace(/\. /g, '.\n\n')}  ` }],
      'g1',
    );
    expect(again?.status).toBe('unchanged');
    expect(newsdesk.listSources('g1').total).toBe(1);
  });

  it('stores each copy once when one batch holds the same article twice', async () => {
    const outcomes = await newsdesk.ingestArticles([harbour, harbour, vineyard], 'g1');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['added', 'unchanged', 'added']);
    expect(newsdesk.listSources('g1').total).toBe(2);
  });

  it('sees an article stored by an earlier round of the same batch, while later rounds are embedded', async () => {
    // Over 64 passages between the copies: the first copy's round is being saved when the second is read.
    const filler = Array.from({ length: 30 }, (_, index) => ({
      title: `Filler report ${index}`,
      url: `https://filler.example/${index}`,
      body: `Filler report ${index} tells of the ferry timetable for route ${index}. ${'The island ferry keeps its timetable through the winter months, the operator said. '.repeat(30)}`,
    }));
    const updated = { ...harbour, body: `${harbour.body} The union thanked the port's crane drivers.` };
    // Embedding that answers later, as the worker threads do.
    const slow = await Newsdesk.open(
      { dataDir: path.join(temp.dir, 'slow'), embedding: undefined as never },
      { model: fakeModel('fake-64', 64, 30) },
    );
    try {
      const outcomes = await slow.ingestArticles([harbour, ...filler, updated, harbour], 'g1');
      expect(outcomes.filter((outcome) => outcome.origin === harbour.title).map((outcome) => outcome.status)).toEqual([
        'added',
        'updated',
        'updated',
      ]);
      expect(slow.listSources('g1').total).toBe(31);
    } finally {
      slow.close();
    }
  });

  it('reports how many articles of a long file are stored, round by round', async () => {
    const articles = Array.from({ length: 30 }, (_, index) => ({
      title: `Timetable report ${index}`,
      body: `Timetable report ${index} for route ${index}. ${'The island ferry keeps its timetable through the winter months, the operator said. '.repeat(30)}`,
    }));
    const steps: [number, number][] = [];
    const lines = articles.map((article) => JSON.stringify(article)).join(',');
    await newsdesk.addArticles(
      'g1',
      { file: { name: 'timetables.json', bytes: Buffer.from(`[${lines}]`) } },
      { onProgress: (done, total) => steps.push([done, total]) },
    );
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.at(-1)).toEqual([30, 30]);
    expect(steps.every(([done], index) => index === 0 || done > (steps[index - 1]?.[0] ?? 0))).toBe(true);
  });

  it("finds articles by their text as well as their headline, headline matches first, in /sources' search", async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    // "offshore" is only in the harbour article's text; "harvest" is in the vineyard headline.
    expect(newsdesk.listSources('g1', { query: 'offshore' }).articles.map((article) => article.title)).toEqual([
      harbour.title,
    ]);
    expect(newsdesk.listSources('g1', { query: 'harvest' }).articles.map((article) => article.title)).toEqual([
      vineyard.title,
    ]);
    const both = newsdesk.listSources('g1', { query: 'strike grapes' });
    expect(both.total).toBe(2);
    expect(newsdesk.listSources('g1', { query: 'zeppelin' })).toMatchObject({ total: 0, articles: [] });
    expect(renderSourcesText(newsdesk.listSources('g1', { query: 'zeppelin' }), 'zeppelin')).toBe(
      'No articles here match "zeppelin".',
    );
  });

  it('keeps guilds apart: lists, search and answers', async () => {
    await newsdesk.ingestArticles([harbour], 'guild-a');
    await newsdesk.ingestArticles([vineyard], 'guild-b');
    expect(newsdesk.listSources('guild-a').articles.map((article) => article.title)).toEqual([harbour.title]);
    expect(newsdesk.listSources('guild-b').articles.map((article) => article.title)).toEqual([vineyard.title]);
    const answerB = await newsdesk.ask('guild-b', 'How long did the port strike last?');
    expect(answerB.citations.every((citation) => citation.title === vineyard.title)).toBe(true);
    const answerA = await newsdesk.ask('guild-a', 'How long did the port strike last?');
    expect(answerA.abstained).toBe(false);
    expect(answerA.citations[0]?.title).toBe(harbour.title);
  });

  it('refuses to remove another guild’s article', async () => {
    const [outcome] = await newsdesk.ingestArticles([harbour], 'guild-a');
    const id = outcome?.status === 'added' ? outcome.article.id : '';
    expect(() => newsdesk.removeArticle('guild-b', id)).toThrow(/No article/);
    expect(newsdesk.listSources('guild-a').total).toBe(1);
  });

  it('removes an article from keyword and vector search, by id or by url', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    newsdesk.removeArticle('g1', 'https://harbour.example/strike');
    expect(newsdesk.listSources('g1').articles.map((article) => article.title)).toEqual([vineyard.title]);
    const vectorHits = newsdesk.library.searchVectors('g1', await model.embeddings.embedQuery(harbour.body), 10);
    const left = newsdesk.library.getPassages(
      'g1',
      vectorHits.map((hit) => hit.id),
    );
    expect(left.every((passage) => passage.article.title === vineyard.title)).toBe(true);
    expect((await newsdesk.ask('g1', 'How long did the dock workers strike last?')).abstained).toBe(true);
  });

  it('reports a bad article and still stores the good ones', async () => {
    const outcomes = await newsdesk.ingestArticles([{ title: 'Empty', body: '   ' }, vineyard], 'g1');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'added']);
    expect(outcomes[0]?.status === 'failed' && outcomes[0].error.code).toBe('no-text');
  });

  it('rebuilds a missing or stale vector index from the database at start-up', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    newsdesk.close();
    const vectorsDir = path.join(temp.dir, 'vectors');
    for (const name of readdirSync(vectorsDir)) rmSync(path.join(vectorsDir, name));
    newsdesk = await open();
    expect((await newsdesk.ask('g1', 'How long did the port strike last?')).citations[0]?.title).toBe(harbour.title);
    newsdesk.close();
    // A torn write: the file is there but is not the index the database describes.
    const [file = ''] = readdirSync(vectorsDir);
    expect(existsSync(path.join(vectorsDir, file))).toBe(true);
    writeFileSync(path.join(vectorsDir, file), 'garbage');
    newsdesk = await open();
    expect((await newsdesk.ask('g1', 'When did growers begin picking grapes?')).citations[0]?.title).toBe(
      vineyard.title,
    );
  });

  it('re-embeds every stored passage when the embedding model changes', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    newsdesk.close();
    const other = fakeModel('fake-32', 32);
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: other });
    expect(newsdesk.library.passagesOfOtherModels(10)).toEqual([]);
    expect(withStoredDatabase(temp.dir, (db) => new VectorRecordStore(db).passageIds('g1', model.id))).toEqual([]);
    const hits = newsdesk.library.searchVectors('g1', await other.embeddings.embedQuery(vineyard.body), 1);
    expect(
      newsdesk.library.getPassages(
        'g1',
        hits.map((hit) => hit.id),
      )[0]?.article.title,
    ).toBe(vineyard.title);
  });
});

describe("each guild's passage count", () => {
  it('stays equal to the passages stored, through adds, updates and removals, guild by guild', async () => {
    const stored = (guildId: string) => newsdesk.library.audit(guildId).passages;
    const counted = (guildId: string) => newsdesk.library.termFrequencies(guildId, []).passages;
    const [added] = await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    await newsdesk.ingestArticles([vineyard], 'g2');
    await newsdesk.ingestArticles([{ ...harbour, body: `${harbour.body} ${vineyard.body} ${harbour.body}` }], 'g1');
    expect([counted('g1'), counted('g2')]).toEqual([stored('g1'), stored('g2')]);
    expect(counted('g1')).toBeGreaterThan(0);
    if (added?.status !== 'added') throw new Error('the harbour article was not added');
    newsdesk.removeArticle('g1', added.article.id);
    expect([counted('g1'), counted('g2'), counted('g3')]).toEqual([stored('g1'), stored('g2'), 0]);
  });
});

describe('a data folder from a newer newsdesk', () => {
  it('stops start-up with a message naming DATA_DIR, and leaves the database as it was', async () => {
    await newsdesk.ingestArticles([harbour], 'g1');
    newsdesk.close();
    const file = path.join(temp.dir, 'newsdesk.sqlite');
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();

    await expect(open()).rejects.toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        message: expect.stringMatching(/^DATA_DIR \(.*\) holds a database written by a newer newsdesk \(schema 99;/),
      }),
    );
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    expect((after.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(1);
    after.close();
    // A fresh database for the afterEach hook to close.
    for (const name of readdirSync(temp.dir)) if (name.startsWith('newsdesk.sqlite')) rmSync(path.join(temp.dir, name));
    newsdesk = await open();
  });
});

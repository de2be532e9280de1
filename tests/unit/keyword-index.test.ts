import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/ingest/article.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { KeywordIndex } from '../../src/store/search/keyword-index.js';
import { readKeywordIndex, writeKeywordIndex } from '../../src/store/search/keyword-index-file.js';
import type { KeywordWeights, SearchableText } from '../../src/store/search/search-types.js';
import { VectorRecordStore } from '../../src/store/vector-records.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { withStoredDatabase } from '../helpers/stored-database.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const passages: SearchableText[] = [
  {
    title: 'Harbour strike ends',
    source: 'Coast Times',
    text: 'Dock workers ended the strike at the harbour after a pay deal; ferries sail again.',
    publishedAt: '2023-10-04T09:00:00Z',
  },
  {
    title: 'Grape harvest begins',
    source: 'Valley Post',
    text: 'The grape harvest began early in the valley. Growers said the grapes were sweet; no strike is planned.',
    publishedAt: '2023-10-05T09:00:00Z',
  },
  {
    title: 'Café owners protest',
    source: null,
    text: 'Café owners in the old town protested against the new rents, and the mayor promised talks.',
    publishedAt: null,
  },
  {
    title: 'Strike strike strike',
    source: 'Coast Times',
    text: 'A short note on the strike.',
    publishedAt: '2023-10-05T12:00:00Z',
  },
  {
    title: 'Long harbour report',
    source: 'Harbour Daily',
    text: Array.from({ length: 12 }, (_, index) => `Paragraph ${index} of a long report on harbour traffic.`).join(' '),
    publishedAt: '2023-10-06T12:00:00Z',
  },
];

/** SQLite's own bm25() over the same passages, the ranking the keyword index reproduces. */
function sqliteScores(rows: readonly SearchableText[], words: string[], weights: KeywordWeights) {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE s USING fts5(title, source, text, outlet, day,
    tokenize = 'porter unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO s (rowid, title, source, text, outlet, day) VALUES (?, ?, ?, ?, ?, ?)');
  rows.forEach((row, index) => {
    insert.run(
      index + 1,
      row.title,
      row.source ?? '',
      row.text,
      row.source === null ? '' : 'outlettoken',
      row.publishedAt === null ? '' : 'daytoken',
    );
  });
  const found = db
    .prepare(
      `SELECT rowid AS id, -bm25(s, ?, ?, ?, 0, 0) AS score FROM s WHERE s MATCH ? ORDER BY score DESC, id LIMIT 50`,
    )
    .all(weights.title, weights.source, weights.text, words.map((word) => `"${word}"`).join(' OR ')) as {
    id: number;
    score: number;
  }[];
  db.close();
  return found;
}

function indexOf(rows: readonly SearchableText[]): KeywordIndex {
  const index = new KeywordIndex();
  rows.forEach((row, position) => {
    index.add(position + 1, row);
  });
  return index;
}

const rounded = (hits: { id: number; score: number }[]) => hits.map(({ id, score }) => [id, score.toFixed(9)]);

describe('the keyword index', () => {
  it.each([
    { words: ['strike'], weights: { title: 1, source: 1, text: 1 } },
    { words: ['strike', 'harbour', 'grapes'], weights: { title: 1, source: 1, text: 1 } },
    { words: ['harbour', 'coast', 'cafe'], weights: { title: 2.5, source: 0.5, text: 1 } },
    { words: ['protested', 'café', 'valley'], weights: { title: 0, source: 1, text: 1 } },
    // Two words with one stem: SQLite weighs each phrase of the OR query, so the stem counts twice.
    { words: ['strike', 'strikes', 'grapes'], weights: { title: 1, source: 1, text: 1 } },
  ])('scores $words as SQLite bm25() does', ({ words, weights }) => {
    const expected = sqliteScores(passages, words, weights);
    expect(expected.length).toBeGreaterThan(0);
    expect(rounded(indexOf(passages).search(words, 50, weights))).toEqual(rounded(expected));
  });

  it('forgets removed passages entirely: the scores equal those of an index that never held them', () => {
    const weights = { title: 1, source: 1, text: 1 };
    const words = ['strike', 'harbour', 'grapes'];
    const index = indexOf(passages);
    index.remove([1, 4]);
    const kept = [passages[1], passages[2], passages[4]] as SearchableText[];
    const fresh = sqliteScores(kept, words, weights).map(({ id, score }) => ({ id: [2, 3, 5][id - 1] ?? 0, score }));
    expect(rounded(index.search(words, 50, weights))).toEqual(rounded(fresh));
    expect(index.documentFrequencies(['strike', 'harbour'])).toEqual(
      new Map([
        ['strike', 1],
        ['harbour', 1],
      ]),
    );
    expect(index.size).toBe(3);
  });

  it('replaces a passage indexed again under the same id', () => {
    const index = indexOf(passages);
    index.add(4, { ...(passages[3] as SearchableText), title: 'Ferry note', text: 'A note on ferries.' });
    expect(index.search(['strike'], 50, { title: 1, source: 1, text: 1 }).map((hit) => hit.id)).toEqual([1, 2]);
    expect(index.size).toBe(passages.length);
  });

  it('stays exact through many removals (the dead postings are compacted away)', () => {
    const many = Array.from({ length: 300 }, (_, n) => ({
      ...(passages[n % passages.length] as SearchableText),
      text: `${(passages[n % passages.length] as SearchableText).text} item${n}`,
    }));
    const index = indexOf(many);
    const gone = Array.from({ length: 200 }, (_, n) => n + 1);
    index.remove(gone);
    index.add(1000, passages[0] as SearchableText);
    const kept = [...many.slice(200), passages[0] as SearchableText];
    const ids = [...Array.from({ length: 100 }, (_, n) => n + 201), 1000];
    const expected = sqliteScores(kept, ['strike', 'harbour'], { title: 1, source: 1, text: 1 }).map((hit) => ({
      id: ids[hit.id - 1] ?? 0,
      score: hit.score,
    }));
    const found = index.search(['strike', 'harbour'], 50, { title: 1, source: 1, text: 1 });
    // Equal scores tie-break by id in both, and the renumbered ids keep their order.
    expect(rounded(found)).toEqual(rounded(expected));
  });

  it('reads back from its file exactly, and refuses a file written for other passages', () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'keywords', 'g.bin');
      const index = indexOf(passages);
      index.remove([2]);
      writeKeywordIndex(file, index, '4:5:13');
      const read = readKeywordIndex(file, '4:5:13');
      const weights = { title: 1.5, source: 1, text: 1 };
      expect(read?.search(['strike', 'harbour', 'cafe'], 50, weights)).toEqual(
        index.search(['strike', 'harbour', 'cafe'], 50, weights),
      );
      expect(read?.search(['strike'], 50, weights, { source: 'Coast Times', day: '2023-10-05' })).toEqual([
        { id: 4, score: expect.any(Number) },
      ]);
      read?.add(9, passages[1] as SearchableText);
      expect(read?.search(['grapes'], 50, weights).map((hit) => hit.id)).toEqual([9]);
      expect(readKeywordIndex(file, '5:9:22')).toBeUndefined();
      writeFileSync(file, readFileSync(file).subarray(0, 200));
      expect(() => readKeywordIndex(file, '4:5:13')).toThrow();
    } finally {
      temp.remove();
    }
  });
});

describe("a guild's keyword index on disk", () => {
  const article = (title: string, body: string): ArticleInput => ({
    title,
    source: 'Coast Times',
    url: `https://coast.example/${title.toLowerCase().replace(/\W+/g, '-')}`,
    publishedAt: '2023-10-04T09:00:00Z',
    body,
  });
  const harbour = article('Harbour strike ends', 'Dock workers ended the strike at the harbour after a pay deal.');
  const vineyard = article(
    'Grape harvest begins',
    'The grape harvest began early in the valley this week. Growers said the grapes were sweet after a dry summer.',
  );
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  const open = () => Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
  const titles = (words: string[]) =>
    newsdesk.library
      .getPassages(
        'g1',
        newsdesk.library.keywordSearch('g1', words, 50, { title: 1, source: 1, text: 1 }).map((hit) => hit.id),
      )
      .map((passage) => passage.article.title);

  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await open();
    return () => {
      newsdesk.close();
      temp.remove();
    };
  });

  it('is caught up from the database when its file is older than the passages (a crash before the flush)', async () => {
    await newsdesk.ingestArticles([harbour], 'g1');
    newsdesk.close();
    const [file] = readdirSync(path.join(temp.dir, 'keywords'));
    const saved = path.join(temp.dir, 'keywords', file ?? '');
    copyFileSync(saved, `${saved}.old`);
    newsdesk = await open();
    await newsdesk.ingestArticles([vineyard], 'g1');
    newsdesk.close();
    copyFileSync(`${saved}.old`, saved);
    newsdesk = await open();
    expect(titles(['grapes', 'strike']).sort()).toEqual(['Grape harvest begins', 'Harbour strike ends']);
    expect(readFileSync(process.env.LOG_FILE ?? '', 'utf8')).toMatch(
      /"guildId":"g1","from":1,"passages":2,.*"keyword index file caught up with the database"/,
    );
  });

  it('is not rewritten for a small change to a large index, and is written whole at close', async () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      article(
        `Council note ${index}`,
        `The island council published its note number ${index} about the harbour works on Monday. The works will close the north quay for a week, and ferries will use the south quay instead.`,
      ),
    );
    const stored = await newsdesk.ingestArticles(many, 'g1');
    expect(stored.every((outcome) => outcome.status === 'added')).toBe(true);
    const files = () =>
      ['keywords', 'vectors'].map((folder) => {
        const [name] = readdirSync(path.join(temp.dir, folder)).filter((file) => !file.endsWith('.tmp'));
        return readFileSync(path.join(temp.dir, folder, name ?? ''));
      });
    const written = files();
    await newsdesk.ingestArticles([vineyard], 'g1');
    // One passage of 41 changed: below the share that makes a rewrite worth it.
    expect(files()).toEqual(written);
    expect(titles(['grapes'])).toEqual(['Grape harvest begins']);
    newsdesk.close();
    expect(files()).not.toEqual(written);
    newsdesk = await open();
    expect(titles(['grapes'])).toEqual(['Grape harvest begins']);
  });

  it('is rebuilt when its file is damaged, and nothing is lost', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    newsdesk.close();
    const [file] = readdirSync(path.join(temp.dir, 'keywords'));
    writeFileSync(path.join(temp.dir, 'keywords', file ?? ''), 'not an index');
    newsdesk = await open();
    expect(titles(['grapes', 'strike']).sort()).toEqual(['Grape harvest begins', 'Harbour strike ends']);
    expect(readFileSync(process.env.LOG_FILE ?? '', 'utf8')).toMatch(/keyword index file unreadable/);
  });

  it('is rebuilt from the term counts stored at ingest exactly as from the text, old passages without counts too', async () => {
    const cafe = article(
      'Café owners protest',
      'Café owners in the old town protested against the new rents on Monday. The mayor promised talks with the owners and the landlords this week.',
    );
    await newsdesk.ingestArticles([harbour, vineyard, cafe], 'g1');
    const weights = { title: 2, source: 0.5, text: 1 };
    const words = ['strike', 'grapes', 'café', 'coast', 'harbour'];
    const before = newsdesk.library.keywordSearch('g1', words, 50, weights);
    newsdesk.close();
    const db = new Database(path.join(temp.dir, 'newsdesk.sqlite'));
    const stored = db.prepare('SELECT count(*) FROM passages WHERE term_counts IS NOT NULL').pluck().get();
    const terms = db.prepare('SELECT count(*) FROM index_terms').pluck().get();
    // The vineyard passage as a passage stored before term counts were: it is tokenised instead.
    db.prepare("UPDATE passages SET term_counts = NULL WHERE text LIKE '%grape%'").run();
    db.close();
    expect(stored).toBe(3);
    expect(terms).toBeGreaterThan(10);
    rmSync(path.join(temp.dir, 'keywords'), { recursive: true, force: true });
    newsdesk = await open();
    const rebuilt = newsdesk.library.keywordSearch('g1', words, 50, weights);
    expect(rebuilt).toEqual(before);
    expect(rebuilt.length).toBe(3);
    expect(readFileSync(process.env.LOG_FILE ?? '', 'utf8')).toMatch(/"passages":3,.*"keyword index rebuilt"/);
  });

  it('is read from its file when it matches, without a rebuild', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    newsdesk.close();
    const log = process.env.LOG_FILE ?? '';
    const rebuildsBefore = readFileSync(log, 'utf8').split('keyword index rebuilt').length;
    newsdesk = await open();
    expect(titles(['grapes'])).toEqual(['Grape harvest begins']);
    expect(readFileSync(log, 'utf8').split('keyword index rebuilt').length).toBe(rebuildsBefore);
  });

  it('catches up, vectors too, with another process writing the same folder (npm run ingest while the bot runs)', async () => {
    const ferry = article('Ferry fares rise', 'Ferry fares will rise by a tenth next month, the island council said.');
    await newsdesk.ingestArticles([harbour], 'g1');
    expect(titles(['strike'])).toEqual(['Harbour strike ends']);
    const other = await open();
    await other.ingestArticles([vineyard], 'g1');
    expect(titles(['grapes'])).toEqual(['Grape harvest begins']);
    const [stored] = other.listSources('g1', { query: 'Harbour' }).articles;
    other.removeArticle('g1', stored?.id ?? '');
    other.close();
    expect(titles(['grapes', 'strike'])).toEqual(['Grape harvest begins']);
    // The vector index catches up the same way: it finds the other process's passages, not the removed ones.
    const { library } = newsdesk;
    const vectors = withStoredDatabase(temp.dir, (db) => [
      ...new VectorRecordStore(db).iterateVectors('g1', library.model.id),
    ]);
    expect(vectors.length).toBeGreaterThan(0);
    for (const { vector } of vectors) {
      const found = library.searchVectors('g1', vector, vectors.length).map((hit) => hit.id);
      expect(found.sort()).toEqual(vectors.map((row) => row.id).sort());
    }
    // This process saves its own article and writes its index; the next start finds all of it.
    await newsdesk.ingestArticles([ferry], 'g1');
    newsdesk.close();
    newsdesk = await open();
    expect(titles(['grapes', 'strike', 'ferry']).sort()).toEqual(['Ferry fares rise', 'Grape harvest begins']);
  });

  it('tells whether a headline holds a name, its words in order', async () => {
    await newsdesk.ingestArticles([harbour, vineyard], 'g1');
    const mentions = (name: string) => newsdesk.library.headlinesMention('g1', name);
    expect([mentions('harbour strike'), mentions('Harbour Strikes'), mentions('grape harvest')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([mentions('strike harbour'), mentions('harbour harvest'), mentions('Reuters'), mentions('')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(newsdesk.library.headlinesMention('g2', 'harbour strike')).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('keyword search words', () => {
  const temp = makeTempDir();
  let newsdesk: Newsdesk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
  });
  afterAll(() => {
    newsdesk.close();
    temp.remove();
  });

  const article = (index: number, extra = '') => ({
    title: `Council meeting number ${index}`,
    body: `The council met again on day ${index} to discuss the town budget and the state of the roads. ${extra}`,
  });

  it('keeps every question word in a small library', async () => {
    await newsdesk.ingestArticles([article(0, 'The lighthouse keeper retired.')], 'g');
    expect(newsdesk.ranker.searchWords('g', 'What did the council say about the lighthouse keeper?')).toEqual([
      'council',
      'say',
      'lighthouse',
      'keeper',
    ]);
  });

  it('leaves out words found in most passages of a large library, and keeps the rarest when all are common', async () => {
    const articles = Array.from({ length: 2100 }, (_, index) => article(index + 1));
    await newsdesk.ingestArticles(articles, 'g');
    expect(newsdesk.ranker.searchWords('g', 'What did the council say about the lighthouse keeper?')).toEqual([
      'say',
      'lighthouse',
      'keeper',
    ]);
    // Only common words: the three rarest are searched for.
    expect(newsdesk.ranker.searchWords('g', 'council town budget roads state')).toHaveLength(3);
    const [first] = (await newsdesk.ranker.rank('g', 'What did the council say about the lighthouse keeper?', 3))
      .passages;
    expect(first?.passage.text).toContain('lighthouse keeper');
  });
});

import { describe, expect, it } from 'vitest';
import { findNamedDays } from '../../src/retrieve/named-dates.js';

describe('findNamedDays', () => {
  it('finds full dates in the order the question names them', () => {
    expect(
      findNamedDays(
        'After the TechCrunch report on October 7, 2023, and the article of 30 October 2023, did it change?',
      ),
    ).toEqual(['2023-10-07', '2023-10-30']);
  });

  it('ignores dates without a written year, relative days and months alone', () => {
    expect(findNamedDays('What happened on October 7, last week, or in November?')).toEqual([]);
  });

  it('names each day once', () => {
    expect(findNamedDays('On 2023-11-02 and again on November 2, 2023?')).toEqual(['2023-11-02']);
  });
});

describe('ranking with a named day', () => {
  it('puts the articles of the day the question names first', async () => {
    const { Newsdesk } = await import('../../src/newsdesk.js');
    const { fakeModel } = await import('../helpers/fake-embeddings.js');
    const { makeTempDir } = await import('../helpers/temp-dir.js');
    const temp = makeTempDir();
    const newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
    try {
      const body = (detail: string) =>
        `The council voted on the harbour budget again after a long debate about ferries and cranes. ${detail}`;
      await newsdesk.ingestArticles(
        [
          {
            title: 'Harbour budget vote',
            source: 'Coast Times',
            publishedAt: '2023-10-02T09:00:00Z',
            body: body('The harbour budget vote on ferries passed narrowly, the council said.'),
          },
          {
            title: 'Harbour budget vote',
            source: 'Coast Times',
            publishedAt: '2023-10-09T09:00:00Z',
            body: body('Members asked for a second count.'),
          },
        ],
        'g',
      );
      const question = 'What did the council decide in the harbour budget vote on ferries reported on October 9, 2023?';
      const [first] = (await newsdesk.ranker.rank('g', question, 5)).passages;
      expect(first?.passage.article.publishedAt?.slice(0, 10)).toBe('2023-10-09');
    } finally {
      newsdesk.close();
      temp.remove();
    }
  });
});

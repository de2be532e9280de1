import { describe, expect, it } from 'vitest';
import type { RankedPassage, Ranking } from '../../src/retrieve/passage-ranker.js';
import { newestReports, reportedBy, withinPeriod } from '../../src/retrieve/time-scope.js';

function entry(id: number, publishedAt: string | null, addedAt = '2026-12-01T00:00:00Z'): RankedPassage {
  return {
    passage: {
      id,
      articleId: `a${id}`,
      seq: 0,
      start: 0,
      end: 10,
      text: 'text',
      article: {
        id: `a${id}`,
        guildId: 'g',
        title: `Article ${id}`,
        source: null,
        author: null,
        url: null,
        publishedAt,
        category: null,
        contentHash: '',
        addedAt,
        updatedAt: addedAt,
        passageCount: 1,
      },
    },
    score: 1 / id,
    keywordRank: id,
    denseRank: undefined,
    similarity: undefined,
    searchPosition: id - 1,
  };
}

const ranking = (...passages: RankedPassage[]): Ranking => ({
  passages,
  termCounts: { passages: 0, frequencies: new Map() },
});
const ids = (found: Ranking) => found.passages.map((passage) => passage.passage.id);

describe("a question's time applied to its ranked passages", () => {
  const period = {
    since: new Date('2026-11-30T00:00:00Z'),
    until: new Date('2026-12-01T00:00:00Z'),
    text: 'yesterday',
    relative: true,
  };

  it("keeps the period's reports only (an undated article by the day it was added), or all when none are", () => {
    const found = ranking(
      entry(1, '2026-11-30T09:00:00Z'),
      entry(2, '2026-11-20T09:00:00Z'),
      entry(3, null, '2026-11-30T20:00:00Z'),
    );
    expect(ids(withinPeriod(found, period))).toEqual([1, 3]);
    expect(ids(withinPeriod(ranking(entry(2, '2026-11-20T09:00:00Z')), period))).toEqual([2]);
  });

  it('keeps what was reported by a moment, and the newest relevant report with those within a day of it', () => {
    const found = ranking(
      entry(1, '2026-12-05T09:00:00Z'),
      entry(2, '2026-11-30T09:00:00Z'),
      entry(3, '2026-11-29T12:00:00Z'),
      entry(4, '2026-11-20T09:00:00Z'),
    );
    expect(ids(reportedBy(found, new Date('2026-12-01T00:00:00Z')))).toEqual([2, 3, 4]);
    expect(
      ids(
        newestReports(
          ranking(entry(2, '2026-11-30T09:00:00Z'), entry(3, '2026-11-29T12:00:00Z'), entry(4, '2026-11-20T09:00:00Z')),
        ),
      ),
    ).toEqual([2, 3]);
  });
});

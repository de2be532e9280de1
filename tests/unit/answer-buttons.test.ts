import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/answer.js';
import { answerButtons, shownPassageIds } from '../../src/discord/answer-buttons.js';

const citation = (n: number, passageId: number): Citation => ({
  n,
  articleId: `a${n}`,
  passageId,
  title: `Story ${n}`,
  source: null,
  url: null,
  publishedAt: null,
  passage: 'Text.',
});

describe('the "Show passages" button', () => {
  it("carries the cited passages' ids and reads them back", () => {
    const [row] = answerButtons([citation(1, 12), citation(2, 340)]);
    const customId = row?.components[0] && 'custom_id' in row.components[0] ? row.components[0].custom_id : '';
    expect(customId).toBe('passages:12,340');
    expect(shownPassageIds(customId)).toEqual([12, 340]);
  });

  it("keeps its custom id within Discord's 100 characters, dropping the passages that do not fit", () => {
    const many = Array.from({ length: 12 }, (_, index) => citation(index + 1, 1_000_000_000 + index));
    const [row] = answerButtons(many);
    const customId = row?.components[0] && 'custom_id' in row.components[0] ? row.components[0].custom_id : '';
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(shownPassageIds(customId)).toEqual(many.slice(0, 8).map((entry) => entry.passageId));
  });

  it('has no button for an answer without citations, and reads no ids from another custom id', () => {
    expect(answerButtons([])).toEqual([]);
    expect(shownPassageIds('passages:')).toBeUndefined();
    expect(shownPassageIds('passages:1,x')).toBeUndefined();
    expect(shownPassageIds('followup:1')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { weightedCoverage } from '../../src/retrieve/term-weights.js';
import { bestWindowCoverage, reorderByWindowCoverage } from '../../src/retrieve/window-reorder.js';
import { stemOf } from '../../src/text/terms.js';

const weightsOf = (entries: Record<string, number>) =>
  new Map(Object.entries(entries).map(([word, weight]) => [stemOf(word), weight]));
const question = weightsOf({ strike: 1, port: 1, rotterdam: 3, ended: 1 });

// The passage that answers has the question's words in one sentence; the other scatters them.
const scattered =
  'Rotterdam is a busy city. Dockers met on Monday. The port has new cranes. ' +
  'A strike was called elsewhere last year. Talks ended without a deal on pensions.';
const answering = 'Officials said the strike at the port of Rotterdam ended on Tuesday. Ships are moving again.';

describe('weighted coverage', () => {
  it('is the weighted share of the question stems present', () => {
    expect(weightedCoverage(new Set([stemOf('rotterdam')]), question)).toBeCloseTo(3 / 6);
    expect(weightedCoverage(new Set([stemOf('port'), stemOf('strikes')]), question)).toBeCloseTo(2 / 6);
    expect(weightedCoverage(new Set(['unrelated']), question)).toBe(0);
    expect(weightedCoverage(new Set(['anything']), new Map())).toBe(0);
  });
});

describe('best window coverage', () => {
  it('counts only words that stand within the window of consecutive sentences', () => {
    expect(bestWindowCoverage(answering, question, 1)).toBeCloseTo(1);
    // Scattered over five sentences: one or two of them hold at most Rotterdam (3 of 6); all five hold every word.
    expect(bestWindowCoverage(scattered, question, 1)).toBeCloseTo(3 / 6);
    expect(bestWindowCoverage(scattered, question, 2)).toBeCloseTo(3 / 6);
    expect(bestWindowCoverage(scattered, question, 5)).toBeCloseTo(1);
  });
});

describe('reorder by window coverage', () => {
  const items = [
    { id: 'scattered', text: scattered },
    { id: 'answering', text: answering },
    { id: 'unrelated', text: 'The weather was mild across the region.' },
  ];
  const order = (weight: number) =>
    reorderByWindowCoverage(items, (item) => item.text, question, { weight, sentences: 2 }).map((item) => item.id);

  it('lifts the passage whose sentences answer above one that only mentions the words', () => {
    expect(order(3)).toEqual(['answering', 'scattered', 'unrelated']);
  });

  it('keeps the search order at weight 0, and never adds or drops an item', () => {
    expect(order(0)).toEqual(['scattered', 'answering', 'unrelated']);
    expect(new Set(order(100))).toEqual(new Set(items.map((item) => item.id)));
  });

  it('breaks ties by search position', () => {
    const twins = [
      { id: 'first', text: answering },
      { id: 'second', text: answering },
    ];
    expect(reorderByWindowCoverage(twins, (item) => item.text, question, { weight: 3, sentences: 2 })).toEqual(twins);
  });
});

import { describe, expect, it } from 'vitest';
import { fuseRankings, limitPerGroup } from '../../src/retrieve/fusion.js';

describe('fuseRankings', () => {
  it('ranks an id found by both lists above ids found by one', () => {
    const fused = fuseRankings([
      { ids: [1, 2, 3], weight: 1 },
      { ids: [3, 4, 5], weight: 1 },
    ]);
    expect(fused[0]?.id).toBe(3);
  });

  it('applies the weights', () => {
    const fused = fuseRankings(
      [
        { ids: [1], weight: 1 },
        { ids: [2], weight: 0.5 },
      ],
      60,
    );
    expect(fused.map((entry) => entry.id)).toEqual([1, 2]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61);
    expect(fused[1]?.score).toBeCloseTo(0.5 / 61);
  });
});

describe('limitPerGroup', () => {
  const items = ['a1', 'a2', 'a3', 'b1', 'a4', 'c1'];
  const group = (item: string) => item[0] ?? '';

  it('keeps at most n of a group in the first places', () => {
    expect(limitPerGroup(items, group, 2, 4)).toEqual(['a1', 'a2', 'b1', 'c1']);
  });

  it('fills empty places with held-back items when nothing else is left', () => {
    expect(limitPerGroup(items, group, 1, 5)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });
});

import { describe, expect, it } from 'vitest';
import { equalShares } from '../../src/embed/embedding-pool.js';

describe("an ingest round's passages shared between embedding workers", () => {
  it('cuts them into contiguous shares of equal size, not of whole batches (70 passages: 35 + 35, not 40 + 30)', () => {
    const passages = Array.from({ length: 70 }, (_, index) => index);
    const shares = equalShares(passages, 2);
    expect(shares.map((share) => share.length)).toEqual([35, 35]);
    expect(shares.flat()).toEqual(passages);
    expect(equalShares(passages.slice(0, 7), 3).map((share) => share.length)).toEqual([2, 3, 2]);
    expect(equalShares([1], 2)).toEqual([[1]]);
  });
});

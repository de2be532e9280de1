import { describe, expect, it } from 'vitest';
import { decodeTermCounts, encodeTermCounts } from '../../src/store/search/term-counts.js';

describe("a passage's stored term counts", () => {
  it('read back as written, whatever the ids and counts (title and outlet counts in the high bits)', () => {
    const packed = Uint32Array.from([1, 65_535, 3 * 2 ** 16 + 2, 255 * 2 ** 24 + 255 * 2 ** 16 + 65_535, 7]);
    const termIds = Uint32Array.from([40, 3, 2 ** 31 + 5, 127, 128]);
    const blob = encodeTermCounts({ terms: ['a', 'b', 'c', 'd', 'e'], packed, length: 70_000 }, termIds);
    const read = decodeTermCounts(blob);
    expect(read.length).toBe(70_000);
    // In dictionary order, each id with its own counts.
    expect([...read.termIds]).toEqual([3, 40, 127, 128, 2 ** 31 + 5]);
    expect([...read.packed]).toEqual([65_535, 1, 255 * 2 ** 24 + 255 * 2 ** 16 + 65_535, 7, 3 * 2 ** 16 + 2]);
  });

  it('take about three bytes a term for small ids and counts', () => {
    const terms = Array.from({ length: 100 }, (_, index) => `t${index}`);
    const blob = encodeTermCounts(
      { terms, packed: new Uint32Array(100).fill(2), length: 180 },
      Uint32Array.from(terms.keys(), (index) => 1_000 + index * 90),
    );
    expect(blob.length).toBeLessThan(300);
    expect(decodeTermCounts(blob).termIds).toHaveLength(100);
  });
});

import { describe, expect, it } from 'vitest';
import { LazyEmbeddings } from '../../src/embed/lazy-embeddings.js';
import { FakeEmbeddings } from '../helpers/fake-embeddings.js';

describe('LazyEmbeddings', () => {
  it('loads the model on first use only, once for calls that arrive together', async () => {
    let loads = 0;
    const lazy = new LazyEmbeddings(async () => {
      loads += 1;
      return new FakeEmbeddings(8);
    });
    expect([loads, lazy.started]).toEqual([0, false]);
    const [one, two] = await Promise.all([lazy.embedQuery('harbour strike'), lazy.embedDocuments(['a', 'b'])]);
    expect(one).toHaveLength(8);
    expect(two).toHaveLength(2);
    await lazy.embedQuery('again');
    expect(loads).toBe(1);
  });

  it('tries again after a failed load instead of failing for good', async () => {
    let loads = 0;
    const lazy = new LazyEmbeddings(async () => {
      loads += 1;
      if (loads === 1) throw new Error('weights not readable');
      return new FakeEmbeddings(8);
    });
    await expect(lazy.embedQuery('x')).rejects.toThrow('weights not readable');
    await expect(lazy.embedQuery('x')).resolves.toHaveLength(8);
    expect(loads).toBe(2);
  });

  it('starts loading in the background when warmed', async () => {
    let loads = 0;
    const lazy = new LazyEmbeddings(async () => {
      loads += 1;
      return new FakeEmbeddings(8);
    });
    lazy.warm();
    expect(lazy.started).toBe(true);
    await lazy.embedQuery('x');
    expect(loads).toBe(1);
  });
});

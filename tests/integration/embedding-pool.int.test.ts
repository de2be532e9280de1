import { describe, expect, it } from 'vitest';
import { PooledEmbeddings } from '../../src/embed/embedding-pool.js';
import { realModel } from '../helpers/real-model.js';

const texts = Array.from(
  { length: 40 },
  (_, index) => `Report ${index}: the island ferry ${index % 2 ? 'was delayed by the storm' : 'sailed on time'}.`,
);

describe('embedding documents on several threads', () => {
  it('returns what one model returns, in the same order, each worker thread embedding a share', async () => {
    const { embeddings: local } = await realModel();
    const single = await local.embedDocuments(texts);
    const pool = new PooledEmbeddings(local, 2, 8);
    try {
      const pooled = await pool.embedDocuments(texts);
      expect(pooled).toHaveLength(texts.length);
      pooled.forEach((vector, index) => {
        const expected = single[index] ?? [];
        // Float32 through the worker, float64 on the main thread: equal to float32 precision.
        for (let d = 0; d < expected.length; d += 1) expect(vector[d]).toBeCloseTo(expected[d] ?? 0, 5);
      });
      expect(pool.workerShares).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('embeds a question on the main thread and a batch smaller than one share in one worker', async () => {
    const { embeddings: local } = await realModel();
    const pool = new PooledEmbeddings(local, 2, 8);
    try {
      expect(await pool.embedQuery('ferry')).toEqual(await local.embedQuery('ferry'));
      expect(pool.workerShares).toBe(0);
      expect(await pool.embedDocuments(texts.slice(0, 5))).toHaveLength(5);
      expect(pool.workerShares).toBe(1);
    } finally {
      pool.close();
    }
  });
});

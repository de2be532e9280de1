import type { PreparedArticle } from '../ingest/article.js';

/** A deterministic random unit vector (a small LCG, so runs are comparable). */
export function randomUnitVectors(count: number, dimensions: number, seed = 7): Float32Array[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const vector = new Float32Array(dimensions);
    let norm = 0;
    for (let i = 0; i < dimensions; i += 1) {
      const value = next();
      vector[i] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimensions; i += 1) vector[i] = (vector[i] ?? 0) * scale;
    return vector;
  });
}

/** The n-th copy of a real article: same text, another title and identity, so a library can grow. */
export function copyOf(article: PreparedArticle, n: number): PreparedArticle {
  return {
    ...article,
    title: n === 0 ? article.title : `${article.title} (${n})`,
    url: undefined,
    contentHash: `${article.contentHash}-${n}`,
  };
}

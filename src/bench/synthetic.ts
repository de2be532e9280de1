import type { PreparedArticle } from '../ingest/article.js';

/**
 * Deterministic vectors near real embeddings: each is a random blend of two real vectors plus
 * Gaussian noise of about `spread` times a unit vector's length, normalised. Real embeddings of
 * news lie near a low-dimensional surface, not uniformly on the sphere: uniform random vectors
 * are the worst case for a graph index and say little about its recall on real data.
 */
export function clusteredUnitVectors(
  count: number,
  centres: readonly Float32Array[],
  spread: number,
  seed = 7,
): Float32Array[] {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  // Box-Muller: two uniforms make one standard normal.
  const gaussian = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const pick = () => centres[Math.floor(uniform() * centres.length)] as Float32Array;
  return Array.from({ length: count }, () => {
    const [first, second, weight] = [pick(), pick(), uniform()];
    const scale = spread / Math.sqrt(first.length);
    const vector = new Float32Array(first.length);
    let norm = 0;
    for (let i = 0; i < first.length; i += 1) {
      const value = weight * (first[i] ?? 0) + (1 - weight) * (second[i] ?? 0) + scale * gaussian();
      vector[i] = value;
      norm += value * value;
    }
    const inverse = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i += 1) vector[i] = (vector[i] ?? 0) * inverse;
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

import { PassageVectorIndex } from '../store/search/vector-index.js';
import { median, round } from './stats.js';
import { clusteredUnitVectors } from './synthetic.js';

/** The vector index at one size. */
export interface VectorScaleRow {
  passages: number;
  /** Seconds to add every vector so far (the index grows from the previous size). */
  build_s: number;
  search_ms_p50: number;
  recall10: number;
}

/**
 * The hnswlib index alone, grown to each size in turn with vectors near real embeddings: median
 * search time and recall@10 against exact search, to show how the vector part of a query grows
 * (the keyword part and SQLite are left out: at 1M passages they would take an hour to build here).
 */
export function measureVectorScale(
  sizes: readonly number[],
  centres: readonly Float32Array[],
  queries: readonly Float32Array[],
  spread: number,
  log: (line: string) => void,
): VectorScaleRow[] {
  const dimensions = centres[0]?.length ?? 0;
  const largest = Math.max(...sizes);
  const index = PassageVectorIndex.create(dimensions, largest);
  const vectors: Float32Array[] = [];
  const rows: VectorScaleRow[] = [];
  let buildMs = 0;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (vectors.length < size) {
      const batch = clusteredUnitVectors(Math.min(50_000, size - vectors.length), centres, spread, vectors.length + 1);
      const started = performance.now();
      for (const vector of batch) {
        vectors.push(vector);
        index.add(vectors.length, vector);
      }
      buildMs += performance.now() - started;
    }
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const started = performance.now();
      const found = new Set(index.search(query, 10).map((hit) => hit.id));
      times.push(performance.now() - started);
      for (const id of exactNearest(vectors, query, 10)) if (found.has(id)) hits += 1;
    }
    rows.push({
      passages: size,
      build_s: round(buildMs / 1000, 1),
      search_ms_p50: round(median(times), 2),
      recall10: round(hits / (queries.length * 10)),
    });
    log(`vector index at ${size}: ${JSON.stringify(rows.at(-1))}`);
  }
  return rows;
}

/** Ids (1-based positions) of the k vectors with the largest dot product with the query. */
function exactNearest(vectors: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const best: { id: number; dot: number }[] = [];
  vectors.forEach((vector, position) => {
    let dot = 0;
    for (let i = 0; i < vector.length; i += 1) dot += (vector[i] ?? 0) * (query[i] ?? 0);
    if (best.length < k || dot > (best.at(-1)?.dot ?? -Infinity)) {
      best.push({ id: position + 1, dot });
      best.sort((a, b) => b.dot - a.dot);
      if (best.length > k) best.pop();
    }
  });
  return best.map((entry) => entry.id);
}

/** A ranked list of ids (best first) and how much it counts in the fusion. */
export interface WeightedRanking {
  ids: readonly number[];
  weight: number;
}

/**
 * Weighted reciprocal rank fusion: each list adds weight / (k + rank) to every id it ranks
 * (rank from 1). Returns ids with fused scores, best first; ties keep first-seen order.
 */
export function fuseRankings(rankings: readonly WeightedRanking[], k = 60): { id: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const { ids, weight } of rankings) {
    ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/**
 * Keep at most `maxPerGroup` items of each group in the first `limit` places; when that leaves
 * places empty, the held-back items fill them in their original order.
 */
export function limitPerGroup<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  maxPerGroup: number,
  limit: number,
): T[] {
  const chosen: T[] = [];
  const heldBack: T[] = [];
  const counts = new Map<string, number>();
  for (const item of items) {
    if (chosen.length >= limit) break;
    const group = groupOf(item);
    const count = counts.get(group) ?? 0;
    if (count < maxPerGroup) {
      chosen.push(item);
      counts.set(group, count + 1);
    } else {
      heldBack.push(item);
    }
  }
  for (const item of heldBack) {
    if (chosen.length >= limit) break;
    chosen.push(item);
  }
  return chosen;
}

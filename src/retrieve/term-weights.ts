/** How rare each question stem is in the library: stem to inverse document frequency. */
export type TermWeights = (stems: readonly string[]) => Map<string, number>;

/** How many passages the library holds, and in how many of them each stem appears. */
export interface TermCounts {
  passages: number;
  frequencies: ReadonlyMap<string, number>;
}

/** BM25's inverse document frequency of each stem, from counts already read. */
export function idfWeights(stems: readonly string[], counts: TermCounts): Map<string, number> {
  return new Map(
    stems.map((stem) => {
      const df = counts.frequencies.get(stem) ?? 0;
      return [stem, Math.log(1 + (counts.passages - df + 0.5) / (df + 0.5))];
    }),
  );
}

/**
 * The inverse document frequency as if the library held at least `passages` passages: in a library of
 * a few articles, a word no passage has would otherwise outweigh every word most passages share.
 */
export function idfWeightsAtLeast(stems: readonly string[], counts: TermCounts, passages: number): Map<string, number> {
  return idfWeights(stems, { passages: Math.max(passages, counts.passages), frequencies: counts.frequencies });
}

/** The weighted share of the question's stems (the keys of `weights`) present in `stems`. */
export function weightedCoverage(stems: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  let covered = 0;
  let total = 0;
  for (const [stem, weight] of weights) {
    total += weight;
    if (stems.has(stem)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

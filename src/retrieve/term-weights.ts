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
 * Below this many passages, a word no passage has is weak evidence that a question is off the
 * library's subject: a few articles leave out most words.
 */
const SMALL_LIBRARY_PASSAGES = 100;

/**
 * The inverse document frequency, except that in a small library a word no passage has weighs no
 * more than the question's rarest word that some passage has: otherwise one absent word ("old" in
 * "How old is Gareth Pryce?") outweighs every name the passages share. In a larger library its
 * absence stays strong evidence (capping it there let off-topic questions through).
 */
export function idfWeightsAbsentCapped(stems: readonly string[], counts: TermCounts): Map<string, number> {
  const weights = idfWeights(stems, counts);
  if (counts.passages >= SMALL_LIBRARY_PASSAGES) return weights;
  const present = stems.filter((stem) => (counts.frequencies.get(stem) ?? 0) > 0).map((stem) => weights.get(stem) ?? 0);
  if (present.length === 0) return weights;
  const cap = Math.max(...present);
  for (const stem of stems) if (!counts.frequencies.get(stem)) weights.set(stem, Math.min(cap, weights.get(stem) ?? 0));
  return weights;
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

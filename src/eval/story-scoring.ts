/** A window's stories, each a set of article keys (canonical urls). */
export type Clustering = readonly ReadonlySet<string>[];

/** What one window contributes to the pooled scores (the reference scorer's accumulators). */
export interface WindowCounts {
  articles: number;
  precisionSum: number;
  recallSum: number;
  goldPairs: number;
  predictedPairs: number;
  sharedPairs: number;
}

function pairsOf(clusters: Clustering): Set<string> {
  const pairs = new Set<string>();
  for (const cluster of clusters) {
    const members = [...cluster].sort();
    members.forEach((a, index) => {
      for (const b of members.slice(index + 1)) pairs.add(`${a}\u0000${b}`);
    });
  }
  return pairs;
}

/**
 * B-cubed (Bagga & Baldwin 1998) and pairwise counts of one window; articles the prediction leaves
 * out count as singletons, as in `../shared/bench/stories-dev/score.py`.
 */
export function scoreWindow(gold: Clustering, predicted: Clustering): WindowCounts {
  const goldOf = new Map<string, ReadonlySet<string>>();
  for (const cluster of gold) for (const key of cluster) goldOf.set(key, cluster);
  const predictedOf = new Map<string, ReadonlySet<string>>();
  for (const cluster of predicted) {
    const within = new Set([...cluster].filter((key) => goldOf.has(key)));
    for (const key of within) predictedOf.set(key, within);
  }
  for (const key of goldOf.keys()) if (!predictedOf.has(key)) predictedOf.set(key, new Set([key]));
  let precisionSum = 0;
  let recallSum = 0;
  for (const [key, goldCluster] of goldOf) {
    const mine = predictedOf.get(key) ?? new Set([key]);
    const shared = [...mine].filter((other) => goldCluster.has(other)).length;
    precisionSum += shared / mine.size;
    recallSum += shared / goldCluster.size;
  }
  const goldPairs = pairsOf(gold);
  const predictedPairs = pairsOf([...new Set(predictedOf.values())]);
  return {
    articles: goldOf.size,
    precisionSum,
    recallSum,
    goldPairs: goldPairs.size,
    predictedPairs: predictedPairs.size,
    sharedPairs: [...predictedPairs].filter((pair) => goldPairs.has(pair)).length,
  };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Pooled B-cubed and pairwise precision, recall and F1 over windows. */
export function pooledScores(windows: readonly WindowCounts[]) {
  const sum = (pick: (counts: WindowCounts) => number) => windows.reduce((total, counts) => total + pick(counts), 0);
  const articles = sum((counts) => counts.articles);
  const bp = sum((counts) => counts.precisionSum) / Math.max(1, articles);
  const br = sum((counts) => counts.recallSum) / Math.max(1, articles);
  const shared = sum((counts) => counts.sharedPairs);
  const pp =
    shared /
    Math.max(
      1,
      sum((counts) => counts.predictedPairs),
    );
  const pr =
    shared /
    Math.max(
      1,
      sum((counts) => counts.goldPairs),
    );
  return {
    bcubed_precision: bp,
    bcubed_recall: br,
    bcubed_f1: f1(bp, br),
    pairwise_precision: pp,
    pairwise_recall: pr,
    pairwise_f1: f1(pp, pr),
  };
}

/** Whether some top story of a briefing holds more than half of a gold story's articles. */
export function toldAsOneStory(goldStory: ReadonlySet<string>, topStories: Clustering): boolean {
  return topStories.some((story) => [...goldStory].filter((key) => story.has(key)).length * 2 > goldStory.size);
}

import { type ProfiledArticle, termCosine, vectorCosine } from './story-profile.js';

export interface ClusterOptions {
  /** Share of the embedding cosine in the similarity; the rest is the TF-IDF cosine of headline + lead. */
  denseWeight: number;
  /** Two groups merge when their average similarity reaches this. */
  threshold: number;
  /** Articles further apart than this are never the same story. */
  maxGapHours: number;
  /** Share of the names' cosine (headline and lead) in the similarity, taken from the TF-IDF share. */
  nameWeight: number;
  /** Two articles that share no name keep this part of their similarity: topic alone is not a story. */
  noSharedName: number;
  /** Names whose cosine is at most this count as none shared ("NFL" alone does not make one game). */
  sharedNameMin: number;
}

/** Chosen on the gold dev windows with `npm run eval-briefing -- --gold` (see docs/briefing.md). */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<ClusterOptions> = Object.freeze({
  denseWeight: 0.4,
  threshold: 0.34,
  maxGapHours: 72,
  nameWeight: 0,
  noSharedName: 0.5,
  sharedNameMin: 0.05,
});

/** How alike two articles are as reports of one event, 0..1. */
export function storySimilarity(a: ProfiledArticle, b: ProfiledArticle, options: ClusterOptions): number {
  if (Math.abs(a.publishedAt - b.publishedAt) > options.maxGapHours * 3_600_000) return 0;
  const dense = Math.max(0, vectorCosine(a.vector, b.vector));
  const names = a.names && b.names ? termCosine(a.names, b.names) : undefined;
  const termWeight = 1 - options.denseWeight - (names === undefined ? 0 : options.nameWeight);
  const similarity =
    options.denseWeight * dense +
    termWeight * termCosine(a.terms, b.terms) +
    (names === undefined ? 0 : options.nameWeight * names);
  return names !== undefined && names <= options.sharedNameMin ? similarity * options.noSharedName : similarity;
}

/**
 * Group articles into stories by average-linkage agglomerative clustering: repeatedly merge the two
 * most similar groups while their average pairwise similarity reaches the threshold. Average linkage
 * keeps a chain of loosely related articles from collapsing into one story.
 */
export function clusterStories(
  articles: readonly ProfiledArticle[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): ProfiledArticle[][] {
  const groups: (ProfiledArticle[] | undefined)[] = articles.map((article) => [article]);
  const similarity: number[][] = articles.map((a, i) =>
    articles.map((b, j) => (i === j ? -1 : storySimilarity(a, b, options))),
  );
  for (;;) {
    let best = -1;
    let left = -1;
    let right = -1;
    for (let i = 0; i < groups.length; i += 1) {
      if (!groups[i]) continue;
      const row = similarity[i] ?? [];
      for (let j = i + 1; j < groups.length; j += 1) {
        if (groups[j] && (row[j] ?? -1) > best) {
          best = row[j] ?? -1;
          left = i;
          right = j;
        }
      }
    }
    if (left < 0 || best < options.threshold) break;
    const a = groups[left] ?? [];
    const b = groups[right] ?? [];
    // Lance-Williams update for average linkage: the merged group's similarity to every other group.
    for (let k = 0; k < groups.length; k += 1) {
      if (!groups[k] || k === left || k === right) continue;
      const merged =
        (a.length * (similarity[left]?.[k] ?? 0) + b.length * (similarity[right]?.[k] ?? 0)) / (a.length + b.length);
      (similarity[left] as number[])[k] = merged;
      (similarity[k] as number[])[left] = merged;
    }
    groups[left] = [...a, ...b];
    groups[right] = undefined;
  }
  return groups.filter((group): group is ProfiledArticle[] => group !== undefined);
}

import { contentWords, stemOf, wordTokens } from '../text/terms.js';
import type { RankedPassage, Ranking } from './passage-ranker.js';
import { idfWeights, weightedCoverage } from './term-weights.js';

/** Words that ask for the current state of something: the newest report answers them. */
const ASKS_FOR_LATEST =
  /\b(?:latest|newest|most recent|most recently|currently|current|so far|as of now|right now|still|these days|at the moment)\b/i;

/** A passage covering at least this share of what the best one covers is as relevant, for recency. */
const AS_RELEVANT = 0.8;

/** Whether a question asks for the latest state of something ("what's the latest death toll?"). */
export function asksForLatest(question: string): boolean {
  return ASKS_FOR_LATEST.test(question);
}

/**
 * Words that only ask for recency: taken out of the question, so that they do not count against
 * the evidence. "So far", "still" and "currently" stay: articles write them too ("lost 4% so far").
 */
const ONLY_ASKING = /\b(?:latest|newest|most recent|most recently)\b/gi;

/**
 * Whether a question asks for the newest report itself ("what's the latest on the strike?"), not
 * for a figure so far: then only the newest relevant reports answer it (`newestReports`).
 */
export function asksForNewest(question: string): boolean {
  return ASKS_FOR_NEWEST.test(question);
}
const ASKS_FOR_NEWEST = new RegExp(ONLY_ASKING.source, 'i');

/** The question without the words that only ask for recency. */
export function withoutLatestWords(question: string): string {
  return question.replace(ONLY_ASKING, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * For a question about the latest state (its words of recency taken out): among the passages that cover the question nearly as
 * well as the best one, the newest article's come first (a changing figure is answered by the
 * newest report); the rest keep their order. Other questions are ranked by relevance alone.
 */
export function newestFirst(question: string, ranking: Ranking): Ranking {
  if (ranking.passages.length < 2) return ranking;
  const stems = [...new Set(contentWords(question).map(stemOf))];
  const weights = idfWeights(stems, ranking.termCounts);
  const coverage = (entry: RankedPassage) =>
    weightedCoverage(new Set(wordTokens(`${entry.passage.article.title} ${entry.passage.text}`).map(stemOf)), weights);
  const scored = ranking.passages.map((entry) => ({ entry, coverage: coverage(entry) }));
  const best = Math.max(...scored.map((item) => item.coverage));
  if (best <= 0) return ranking;
  const time = (entry: RankedPassage) => Date.parse(entry.passage.article.publishedAt ?? '') || 0;
  const relevant = scored
    .filter((item) => item.coverage >= AS_RELEVANT * best)
    .map((item) => item.entry)
    .sort((a, b) => time(b) - time(a));
  const rest = ranking.passages.filter((entry) => !relevant.includes(entry));
  return { ...ranking, passages: [...relevant, ...rest] };
}

import { splitSentences, wordTokens } from '../ingest/text.js';
import type { RankedPassage } from '../retrieve/passage-ranker.js';
import { contentWords, stemOf } from '../retrieve/query-terms.js';
import { ABSTENTION_TEXT, type Answer, type Citation } from './answer.js';

/**
 * The least share of the question's (rarity-weighted) content words that the best evidence must
 * cover for newsdesk to answer instead of saying it found nothing reliable.
 */
export const ANSWER_MIN_SUPPORT = 0.5;
/** Further sentences are added only if they are this well supported too. */
const SECONDARY_MIN_SUPPORT = 0.4;
const MAX_SENTENCES = 3;
const MAX_ANSWER_CHARS = 900;
/** Passages looked at for sentences. */
const PASSAGES_CONSIDERED = 6;
/** How much of a sentence's score comes from its own words rather than its passage and headline. */
const SENTENCE_SHARE = 0.75;

/** How rare each question stem is in the library: maps a stem to its inverse document frequency. */
export type TermWeights = (stems: readonly string[]) => Map<string, number>;

interface Candidate {
  text: string;
  entry: RankedPassage;
  rank: number;
  score: number;
  tokens: Set<string>;
}

function stemsOf(text: string): Set<string> {
  return new Set(wordTokens(text).map(stemOf));
}

function coverage(stems: Set<string>, weights: Map<string, number>, total: number): number {
  let covered = 0;
  for (const [stem, weight] of weights) if (stems.has(stem)) covered += weight;
  return total > 0 ? covered / total : 0;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function abstain(support: number): Answer {
  return { answer: ABSTENTION_TEXT, abstained: true, citations: [], support };
}

/**
 * Compose an answer from the sentences of the retrieved passages that best cover the question,
 * each followed by the number of its source; abstain when even the best covers less than
 * ANSWER_MIN_SUPPORT of it.
 */
export function composeExtractiveAnswer(
  question: string,
  ranked: readonly RankedPassage[],
  termWeights: TermWeights,
): Answer {
  const stems = [...new Set(contentWords(question).map(stemOf))];
  if (stems.length === 0 || ranked.length === 0) return abstain(0);
  const weights = termWeights(stems);
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);

  const candidates: Candidate[] = ranked.slice(0, PASSAGES_CONSIDERED).flatMap((entry, rank) => {
    const context = coverage(stemsOf(`${entry.passage.article.title} ${entry.passage.text}`), weights, total);
    return splitSentences(entry.passage.text)
      .filter((sentence) => wordTokens(sentence.text).length >= 4)
      .map((sentence) => {
        const tokens = stemsOf(sentence.text);
        const own = coverage(tokens, weights, total);
        // A small preference for better-ranked passages breaks ties between equally covering sentences.
        const score = SENTENCE_SHARE * own + (1 - SENTENCE_SHARE) * context - rank * 0.005;
        return { text: sentence.text, entry, rank, score, tokens };
      });
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  const support = Math.max(0, best?.score ?? 0);
  if (!best || support < ANSWER_MIN_SUPPORT) return abstain(support);

  const chosen: Candidate[] = [best];
  let length = best.text.length;
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < SECONDARY_MIN_SUPPORT) break;
    if (length + candidate.text.length > MAX_ANSWER_CHARS) continue;
    if (chosen.some((other) => overlap(other.tokens, candidate.tokens) > 0.6)) continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }

  // One number per article: two sentences of the same article cite the same source.
  const numbers = new Map<string, number>();
  const citations: Citation[] = [];
  const parts = chosen.map((candidate) => {
    const { passage } = candidate.entry;
    let n = numbers.get(passage.articleId);
    if (n === undefined) {
      n = citations.length + 1;
      numbers.set(passage.articleId, n);
      citations.push({
        n,
        articleId: passage.articleId,
        passageId: passage.id,
        title: passage.article.title,
        source: passage.article.source,
        url: passage.article.url,
        publishedAt: passage.article.publishedAt,
        passage: passage.text,
      });
    }
    return `${candidate.text} [${n}]`;
  });
  return { answer: parts.join(' '), abstained: false, citations, support };
}

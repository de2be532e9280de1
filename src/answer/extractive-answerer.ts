import type { RankedPassage } from '../retrieve/passage-ranker.js';
import { type TermWeights, weightedCoverage } from '../retrieve/term-weights.js';
import { readsAsProse, splitSentences } from '../text/sentences.js';
import { contentWords, stemOf, wordTokens } from '../text/terms.js';
import { ABSTENTION_TEXT, type Answer, type Citation, citationSource } from './answer.js';
import { asksForName, likelyAnswerName, mentionsName } from './answer-names.js';

/**
 * The share of the question's (rarity-weighted) content words that the top passage must cover for
 * newsdesk to answer instead of saying it found nothing reliable: half of a short question; for a
 * longer one, the share that three of its words make (a multi-part question is rarely covered by
 * one passage), but never less than LONG_QUESTION_MIN_SUPPORT. Chosen on the MultiHop-RAG dev split
 * (see docs/retrieval.md).
 */
export const ANSWER_MIN_SUPPORT = 0.5;
export const LONG_QUESTION_MIN_SUPPORT = 0.15;
const WORDS_THAT_MUST_MATCH = 3;
/** The quoted sentence itself must cover at least this part of the required share. */
const SENTENCE_SHARE_OF_SUPPORT = 0.6;
/** Further sentences are added only if they score this close to the best one. */
const SECONDARY_RELATIVE_SCORE = 0.8;

/** The support a question of `contentStems` distinct content stems needs to be answered. */
export function requiredSupport(contentStems: number): number {
  return Math.max(
    LONG_QUESTION_MIN_SUPPORT,
    Math.min(ANSWER_MIN_SUPPORT, WORDS_THAT_MUST_MATCH / Math.max(1, contentStems)),
  );
}
const MAX_SENTENCES = 3;
const MAX_ANSWER_CHARS = 900;
/** Passages looked at for sentences. */
const PASSAGES_CONSIDERED = 6;
/** How much of a sentence's score comes from its own words rather than its passage and headline. */
const SENTENCE_SHARE = 0.75;
/**
 * Added to the score of a sentence that mentions the likely answer of a question asking for a name.
 * Chosen on MultiHop-RAG dev (inference questions, whose answers are names): 0.1 / 0.2 / 0.3 / 0.4
 * put the answer's name in 60 / 64 / 65 / 66% of answers, against 54% without.
 */
const NAME_BONUS = 0.3;

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
 * each followed by the number of its source; abstain when the evidence covers less of the
 * question than requiredSupport asks.
 */
export function composeExtractiveAnswer(
  question: string,
  ranked: readonly RankedPassage[],
  termWeights: TermWeights,
): Answer {
  const stems = [...new Set(contentWords(question).map(stemOf))];
  if (stems.length === 0 || ranked.length === 0) return abstain(0);
  const weights = termWeights(stems);

  const candidates: Candidate[] = ranked.slice(0, PASSAGES_CONSIDERED).flatMap((entry, rank) => {
    const context = weightedCoverage(stemsOf(`${entry.passage.article.title} ${entry.passage.text}`), weights);
    return splitSentences(entry.passage.text)
      .filter((sentence) => wordTokens(sentence.text).length >= 4 && readsAsProse(sentence.text))
      .map((sentence) => {
        const tokens = stemsOf(sentence.text);
        const own = weightedCoverage(tokens, weights);
        // A small preference for better-ranked passages breaks ties between equally covering sentences.
        const score = SENTENCE_SHARE * own + (1 - SENTENCE_SHARE) * context - rank * 0.005;
        return { text: sentence.text, entry, rank, score, tokens };
      });
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  // Support: how much of the question the search's best match (its headline and text) covers. Not the
  // passage the window reorder put first: it was chosen for echoing the question's words, which a
  // question about something the library lacks can find too.
  const top = ranked.find((entry) => entry.searchPosition === 0) ?? ranked[0];
  const support = top ? weightedCoverage(stemsOf(`${top.passage.article.title} ${top.passage.text}`), weights) : 0;
  const required = requiredSupport(stems.length);
  if (!best || support < required || best.score < SENTENCE_SHARE_OF_SUPPORT * required) return abstain(support);

  // A question asking for a name is answered by sentences that name it: the name the top passages
  // agree on goes first when its sentence covers the question nearly as well.
  const name = asksForName(question)
    ? likelyAnswerName(
        question,
        ranked.slice(0, PASSAGES_CONSIDERED).map((entry) => entry.passage.text),
      )
    : undefined;
  if (name) {
    for (const candidate of candidates) if (mentionsName(candidate.text, name)) candidate.score += NAME_BONUS;
    candidates.sort((a, b) => b.score - a.score);
  }
  const lead = candidates[0] ?? best;
  const chosen: Candidate[] = [lead];
  let length = lead.text.length;
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < SECONDARY_RELATIVE_SCORE * lead.score) break;
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
      citations.push({ n, ...citationSource(passage), passage: passage.text });
    }
    return `${candidate.text} [${n}]`;
  });
  return { answer: parts.join(' '), abstained: false, citations, support };
}

import { namePhrases } from '../text/names.js';
import { isLexiconName } from '../text/person-names.js';
import { contentWords, stemOf } from '../text/terms.js';

/** An article as the briefing sees it: its headline, its lead passage and that passage's vector. */
export interface StoryArticle {
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  /** The first passage: the lead, where news reports put the event. */
  lead: string;
  /** The stored embedding of the first passage (headline + lead), unit length. */
  vector: Float32Array;
}

/** A weighted bag of word stems with unit length. */
export type TermVector = Map<string, number>;

/** How rare a stem is (inverse document frequency); unknown stems count as rare. */
export type InverseDocumentFrequency = (stem: string) => number;

export interface ProfiledArticle extends StoryArticle {
  terms: TermVector;
  /** The names in its headline and lead (people, teams, products, places), TF-IDF weighted: what the story is about. */
  names?: TermVector;
}

/** Headline words say what the story is about more reliably than the lead's. */
const TITLE_WEIGHT = 2;

/** The article's headline and lead as a TF-IDF vector of unit length. */
export function termVector(title: string, lead: string, idf: InverseDocumentFrequency): TermVector {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const word of contentWords(text)) {
      const stem = stemOf(word);
      counts.set(stem, (counts.get(stem) ?? 0) + weight);
    }
  };
  add(title, TITLE_WEIGHT);
  add(lead, 1);
  return normalized(new Map([...counts].map(([stem, count]) => [stem, (1 + Math.log(count)) * idf(stem)])));
}

/** How much of the lead names are read from: its opening, where a report names who and what. */
const NAME_LEAD_CHARS = 400;

/**
 * The names of the headline and the lead's opening as a TF-IDF vector of unit length: capitalised
 * words that are not a sentence's first word ("Jim Jordan", "Everton", "Diablo"), stemmed.
 */
export function nameVector(title: string, lead: string, idf: InverseDocumentFrequency): TermVector {
  const counts = new Map<string, number>();
  for (const phrase of [
    ...namePhrases(title, isOpeningName),
    ...namePhrases(lead.slice(0, NAME_LEAD_CHARS), isOpeningName),
  ]) {
    for (const word of contentWords(phrase)) {
      const stem = stemOf(word);
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
    }
  }
  return normalized(new Map([...counts].map(([stem, count]) => [stem, (1 + Math.log(count)) * idf(stem)])));
}

/**
 * A word opening a headline or sentence that is a name all the same: one in the possessive
 * ("Twitch's money guy", "Israel's blockade"), one written with a capital inside ("TwitchCon 2023
 * was …") or one the lexicon holds as a name ("Israel …"). Headlines open with their subject more
 * often than prose does.
 */
function isOpeningName(word: string): boolean {
  return /['’]s$/u.test(word) || /\p{Ll}\p{Lu}/u.test(word) || isLexiconName(word);
}

/** Scale a term vector to unit length. */
export function normalized(vector: TermVector): TermVector {
  const length = Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
  if (length === 0) return vector;
  return new Map([...vector].map(([stem, weight]) => [stem, weight / length]));
}

/** Cosine of two unit term vectors. */
export function termCosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [stem, weight] of small) sum += weight * (large.get(stem) ?? 0);
  return sum;
}

/** Cosine of two unit vectors. */
export function vectorCosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}

/** The mean of term vectors, scaled to unit length: a story's centre. */
export function centroid(vectors: readonly TermVector[]): TermVector {
  const sum = new Map<string, number>();
  for (const vector of vectors) for (const [stem, weight] of vector) sum.set(stem, (sum.get(stem) ?? 0) + weight);
  return normalized(sum);
}

/** IDF from document frequencies: log((N + 1) / (df + 1)) + 1, the smoothed form. */
export function smoothedIdf(documents: number, frequencies: ReadonlyMap<string, number>): InverseDocumentFrequency {
  return (stem) => Math.log((documents + 1) / ((frequencies.get(stem) ?? 0) + 1)) + 1;
}

/** Document frequencies of stems over a set of texts (for a background corpus). */
export function documentFrequencies(texts: Iterable<string>): { documents: number; frequencies: Map<string, number> } {
  const frequencies = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents += 1;
    for (const stem of new Set(contentWords(text).map(stemOf))) frequencies.set(stem, (frequencies.get(stem) ?? 0) + 1);
  }
  return { documents, frequencies };
}

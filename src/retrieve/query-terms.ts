import { eng as englishStopwords } from 'stopword';
import { wordTokens } from '../ingest/text.js';
import { indexTermOf } from '../store/index-terms.js';

/** Question words that carry no topic, beyond the standard English stop list. */
const QUESTION_WORDS = [
  'according',
  'article',
  'articles',
  'report',
  'reported',
  'reports',
  'news',
  'did',
  'does',
  'whom',
  'whose',
  'which',
  'what',
  'when',
  'where',
  'why',
  'how',
  'long',
  'many',
  'much',
];
const STOPWORDS = new Set([...englishStopwords, ...QUESTION_WORDS]);

/** The distinct content words of a question, lower-cased, in order (stop words removed). */
export function contentWords(text: string): string[] {
  return [...new Set(wordTokens(text).filter((word) => !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word))))];
}

/** A word reduced to its index term (accents folded, Porter stem), as the keyword index reduces it. */
export function stemOf(word: string): string {
  return indexTermOf(word);
}

/** The distinct stems of a text's content words. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stemOf));
}

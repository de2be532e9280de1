import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';
import { wordTokens } from '../ingest/text.js';

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

/** A word reduced to its Porter stem, the same reduction SQLite's porter tokenizer applies. */
export function stemOf(word: string): string {
  return stemmer(word);
}

/** The distinct stems of a text's content words. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stemOf));
}

/** An FTS5 MATCH expression that finds passages containing any of the words (each quoted, so no word is read as syntax). */
export function keywordMatchExpression(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  return words.map((word) => `"${word.replace(/"/g, '')}"`).join(' OR ');
}

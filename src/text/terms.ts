import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';

// Words as every part of newsdesk reads them: tokens, the keyword index's terms (Porter stems) and
// a question's content words. One module, because the index and the question parser must reduce
// words alike.

/** Count white-space separated words. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/** Lower-case word tokens (letters and digits), the same split SQLite's unicode61 tokenizer makes. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Text folded for comparison: lower case, punctuation and white space collapsed. */
export function foldForComparison(text: string): string {
  return wordTokens(text.normalize('NFKC')).join(' ');
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
/** Word -> index term. Porter stemming is most of indexing's cost, and news reuses a bounded vocabulary. */
const stems = new Map<string, string>();

function remember(word: string, stem: string): string {
  if (stems.size > 300_000) stems.clear();
  stems.set(word, stem);
  return stem;
}

/** The index terms of a text, as SQLite's `porter unicode61 remove_diacritics 2` makes them. */
export function indexTerms(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  const terms: string[] = [];
  for (const [word] of folded.matchAll(TOKEN)) terms.push(stems.get(word) ?? remember(word, stemmer(word)));
  return terms;
}

/**
 * One word reduced to its index term (accents folded, Porter stem), as the keyword index reduces
 * it; memoised, since an answer reduces every word of the passages it reads.
 */
export function stemOf(word: string): string {
  return stems.get(word) ?? remember(word, indexTerms(word)[0] ?? word);
}

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

/** The distinct stems of a text's content words. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stemOf));
}

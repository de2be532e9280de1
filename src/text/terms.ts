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
/**
 * A run of lower-case ASCII letters and digits and any non-ASCII characters: the fast first cut of
 * a text. A run holding non-ASCII characters ("don’t", "café") is cut again by Unicode classes.
 */
const RUN = /[a-z0-9\u0080-\uffff]+/g;
/** A written word: letters and digits with their combining marks ("cafe" + U+0301), which folding removes. */
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
const ASCII_RUN = /^[a-z0-9]+$/;
/**
 * Run -> its index terms: usually one, none for punctuation, several when the run holds several
 * words. Porter stemming and Unicode folding are most of indexing's cost, and news reuses a
 * bounded vocabulary, so each run is reduced once.
 */
const termsOfRun = new Map<string, string | readonly string[]>();

function learn(run: string): string | readonly string[] {
  let terms: string | string[];
  if (ASCII_RUN.test(run)) terms = stemmer(run);
  else {
    const words = (run.match(WRITTEN_WORD) ?? []).flatMap(
      (word) => word.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase().match(TOKEN) ?? [],
    );
    terms = words.length === 1 ? stemmer(words[0] as string) : words.map((word) => stemmer(word));
  }
  if (termsOfRun.size > 300_000) termsOfRun.clear();
  termsOfRun.set(run, terms);
  return terms;
}

/** The index terms of a text, as SQLite's `porter unicode61 remove_diacritics 2` makes them. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  eachIndexTerm(text, (term) => terms.push(term));
  return terms;
}

/**
 * Call `visit` with each index term of a text, in order (indexTerms without the array): rebuilding
 * a large keyword index runs this over every passage.
 */
export function eachIndexTerm(text: string, visit: (term: string) => void): void {
  for (const run of text.toLowerCase().match(RUN) ?? []) {
    const known = termsOfRun.get(run) ?? learn(run);
    if (typeof known === 'string') visit(known);
    else for (const term of known) visit(term);
  }
}

/**
 * One word reduced to its index term (accents folded, Porter stem), as the keyword index reduces
 * it; memoised, since an answer reduces every word of the passages it reads.
 */
export function stemOf(word: string): string {
  const known = termsOfRun.get(word);
  if (typeof known === 'string') return known;
  return indexTerms(word)[0] ?? word;
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
  // "What happened with the strike?": the subject is the strike; articles seldom write "happened".
  'happen',
  'happened',
  'happening',
  // Modal verbs the standard list leaves out ("How much will the deal cost?"); "may" stays, a month.
  'will',
  'shall',
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

import { stemmer } from 'stemmer';

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

/** The index term of one word (memoised: an answer reduces every word of the passages it reads). */
export function indexTermOf(word: string): string {
  return stems.get(word) ?? remember(word, indexTerms(word)[0] ?? word);
}

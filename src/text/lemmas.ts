import { english, its } from './english-model.js';
import { stemOf } from './terms.js';

/**
 * A word's dictionary form where its stem does not show it ("began" is "begin", "said" is "say",
 * "told" is "tell"): Porter stemming reduces regular endings only, so a question's "begin" and an
 * article's "began" would count as different words. Memoised; news reuses a bounded vocabulary.
 */
const lemmaStemOfWord = new Map<string, string | null>();

/** The stem of a word's dictionary form when it differs from the word's own stem, else null. */
export function lemmaStemOf(word: string): string | null {
  const known = lemmaStemOfWord.get(word);
  if (known !== undefined) return known;
  const lemma = (
    english
      .readDoc(word)
      .tokens()
      .out(its.lemma as typeof its.value) as string[]
  )[0];
  const stem = lemma ? stemOf(lemma) : null;
  const found = stem && stem !== stemOf(word) ? stem : null;
  if (lemmaStemOfWord.size > 100_000) lemmaStemOfWord.clear();
  lemmaStemOfWord.set(word, found);
  return found;
}

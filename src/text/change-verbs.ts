import { lemmaStemOf } from './lemmas.js';
import { stemOf } from './terms.js';

/** Verbs that say something changed by an amount, as stems of their dictionary forms. */
const CHANGE_VERB_STEMS: ReadonlySet<string> = new Set(
  [
    'rise',
    'fall',
    'grow',
    'increase',
    'decrease',
    'drop',
    'gain',
    'jump',
    'climb',
    'surge',
    'slump',
    'plunge',
    'soar',
    'tumble',
    'slide',
    'decline',
    'shrink',
    'lose',
    'add',
    'cut',
    'reduce',
  ].map(stemOf),
);

/** Whether a word is a form of a verb of change ("rose", "fell", "has dropped"): a figure after it says by how much. */
export function isChangeVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return CHANGE_VERB_STEMS.has(lemmaStemOf(lower) ?? stemOf(lower));
}

import { splitSentences } from './sentences.js';

/** Words that start with a capital but never make a name on their own. */
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'i',
  'it',
  'this',
  'that',
  'these',
  'those',
  'he',
  'she',
  'they',
  'we',
  // "Who's Tomas Leclerc?", "What's …": a question word, however it is contracted.
  'who',
  'what',
  'where',
  'when',
  'why',
  'how',
  'which',
]);
/** "Who's", "It's", "They're": a contraction's ending, left out before the word is looked up. */
const CONTRACTION = /['’](?:s|re|ll|d|ve|m)$/iu;

/**
 * The capitalised phrases of a text ("Sam Altman", "Alameda Research"), lower-cased. A lone
 * capitalised word that opens a sentence is left out: it is capitalised for its place, not as a
 * name, unless `opensWithName` says it is one ("Israel's blockade of Gaza …").
 */
export function namePhrases(text: string, opensWithName: (word: string) => boolean = () => false): string[] {
  const phrases: string[] = [];
  for (const sentence of splitSentences(text)) {
    const words = sentence.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    let run: string[] = [];
    let runStart = 0;
    let opening = '';
    const close = () => {
      if (run.length > 1 || (run.length === 1 && (runStart > 0 || opensWithName(opening))))
        phrases.push(run.join(' ').toLowerCase());
      run = [];
    };
    words.forEach((word, index) => {
      if (!/^\p{Lu}/u.test(word) || NOT_NAMES.has(word.toLowerCase().replace(CONTRACTION, ''))) {
        close();
        return;
      }
      if (run.length === 0) {
        runStart = index;
        opening = word;
      }
      run.push(word.replace(/['’]s$/u, ''));
    });
    close();
  }
  return phrases;
}

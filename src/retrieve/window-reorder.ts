import { splitSentences } from '../text/sentences.js';
import { stemOf, wordTokens } from '../text/terms.js';
import { weightedCoverage } from './term-weights.js';

export interface WindowReorderOptions {
  /** How much the best window's coverage counts against the search position (0 keeps the search order). */
  weight: number;
  /** How many consecutive sentences one window spans. */
  sentences: number;
}

/**
 * The best weighted share of the question's stems found within `sentences` consecutive sentences
 * of a text: high when the question's words stand together, as they do around the fact it asks for.
 */
export function bestWindowCoverage(text: string, weights: ReadonlyMap<string, number>, sentences: number): number {
  const stemSets = splitSentences(text).map((sentence) => new Set(wordTokens(sentence.text).map(stemOf)));
  let best = 0;
  for (let start = 0; start < stemSets.length; start += 1) {
    const window = new Set(stemSets.slice(start, start + Math.max(1, sentences)).flatMap((set) => [...set]));
    best = Math.max(best, weightedCoverage(window, weights));
  }
  return best;
}

/**
 * The same items, reordered by their search position and by bestWindowCoverage: BM25 scores a
 * passage by its words wherever they stand, so a passage that mentions every name once in passing
 * can outrank the one whose sentence answers. Only the order changes, never which items are kept.
 */
export function reorderByWindowCoverage<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  weights: ReadonlyMap<string, number>,
  options: WindowReorderOptions,
): T[] {
  if (options.weight <= 0 || items.length < 2 || weights.size === 0) return [...items];
  const count = items.length;
  return items
    .map((item, position) => ({
      item,
      position,
      value: (count - position) / count + options.weight * bestWindowCoverage(textOf(item), weights, options.sentences),
    }))
    .sort((a, b) => b.value - a.value || a.position - b.position)
    .map(({ item }) => item);
}

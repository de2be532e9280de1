import { type SentenceSpan, splitSentences } from '../text/sentences.js';
import { countWords } from '../text/terms.js';
import type { PassageDraft } from './article.js';

export interface ChunkOptions {
  /** A passage closes once it holds this many words. */
  targetWords: number;
  /** A passage never holds more words than this (a longer sentence is cut into pieces). */
  maxWords: number;
  /** Up to this many words of the previous passage's last sentences open the next one. */
  overlapWords: number;
}

// Chosen by a sweep on MultiHop-RAG's dev split (docs/retrieval.md, "Passage size"): the middle of
// the plateau just under the ~200-word average the retrieval issue allows.
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetWords: 190, maxWords: 220, overlapWords: 30 };

interface Unit extends SentenceSpan {
  words: number;
}

/** Cut a sentence longer than the limit into word windows, keeping offsets. */
function splitLongSentence(sentence: SentenceSpan, maxWords: number): Unit[] {
  const words = [...sentence.text.matchAll(/\S+/g)];
  const units: Unit[] = [];
  for (let i = 0; i < words.length; i += maxWords) {
    const first = words[i];
    const last = words[Math.min(i + maxWords, words.length) - 1];
    if (!first || !last) break;
    const start = sentence.start + first.index;
    const end = sentence.start + last.index + last[0].length;
    units.push({
      text: sentence.text.slice(first.index, last.index + last[0].length),
      start,
      end,
      words: Math.min(maxWords, words.length - i),
    });
  }
  return units;
}

/**
 * Split a cleaned body into passages that end on sentence boundaries, of about `targetWords`
 * and never more than `maxWords`, each opening with the last sentence(s) of the one before.
 */
export function splitIntoPassages(body: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): PassageDraft[] {
  const units: Unit[] = splitSentences(body).flatMap((sentence) => {
    const words = countWords(sentence.text);
    return words > options.maxWords ? splitLongSentence(sentence, options.maxWords) : [{ ...sentence, words }];
  });
  const passages: PassageDraft[] = [];
  let first = 0;
  while (first < units.length) {
    let last = first;
    let words = units[first]?.words ?? 0;
    while (last + 1 < units.length && words < options.targetWords) {
      const next = units[last + 1];
      if (!next || words + next.words > options.maxWords) break;
      last += 1;
      words += next.words;
    }
    const startUnit = units[first];
    const endUnit = units[last];
    if (!startUnit || !endUnit) break;
    passages.push({
      seq: passages.length,
      text: body.slice(startUnit.start, endUnit.end),
      start: startUnit.start,
      end: endUnit.end,
    });
    if (last + 1 >= units.length) break;
    // Step back over whole sentences for the overlap, but always move forward.
    let next = last + 1;
    let overlap = 0;
    while (next - 1 > first) {
      const previous = units[next - 1];
      if (!previous || overlap + previous.words > options.overlapWords) break;
      overlap += previous.words;
      next -= 1;
    }
    first = next;
  }
  return passages;
}

import { namePhrases } from '../text/names.js';
import { stemOf, wordTokens } from '../text/terms.js';

/**
 * Questions whose answer is a name: "Who ...", "Which company ...", "What is the name of ...",
 * "What organization ...". The nouns are the usual answer types of question answering, not topics.
 */
const NAME_QUESTION =
  /^\s*(?:who|whom|whose|which|what\s+(?:is|was)\s+the\s+name|what\s+(?:company|companies|organi[sz]ation|entity|firm|person|individual|team|platform|country|city|brand|product|player|group|agency|outlet|publication|website|service|app|network|club|league|party|celebrity|athlete|artist|executive|figure|device))\b/i;

/** Whether the question asks for a name (a person, company, product...), rather than a number, a date or a yes/no. */
export function asksForName(question: string): boolean {
  return NAME_QUESTION.test(question);
}

/**
 * The name the top passages most agree on that the question does not already contain: each
 * passage counts a name once, weighted by its rank, and a lone word ("Altman") counts towards the
 * longer names it belongs to ("Sam Altman"). Undefined when no name occurs in two passages.
 */
export function likelyAnswerName(question: string, passages: readonly string[]): string | undefined {
  const questionStems = new Set(wordTokens(question).map(stemOf));
  const scores = new Map<string, number>();
  const passagesOf = new Map<string, Set<number>>();
  passages.forEach((text, rank) => {
    for (const phrase of new Set(namePhrases(text))) {
      const stems = wordTokens(phrase).map(stemOf);
      if (stems.length === 0 || stems.every((stem) => questionStems.has(stem))) continue;
      scores.set(phrase, (scores.get(phrase) ?? 0) + 1 / (rank + 1));
      passagesOf.set(phrase, (passagesOf.get(phrase) ?? new Set()).add(rank));
    }
  });
  let best: string | undefined;
  let bestScore = 0;
  for (const [phrase, score] of scores) {
    const parts = phrase.split(' ');
    if (parts.length < 2) continue;
    let total = score;
    const seenIn = new Set(passagesOf.get(phrase));
    for (const part of new Set(parts)) {
      total += scores.get(part) ?? 0;
      for (const rank of passagesOf.get(part) ?? []) seenIn.add(rank);
    }
    if (seenIn.size >= 2 && total > bestScore) {
      best = phrase;
      bestScore = total;
    }
  }
  return best;
}

/** Whether a sentence mentions the name, whole or by its last word ("Altman" for "Sam Altman"). */
export function mentionsName(sentence: string, name: string): boolean {
  const words = new Set(wordTokens(sentence));
  const parts = wordTokens(name);
  const last = parts.at(-1);
  return parts.every((part) => words.has(part)) || (last !== undefined && words.has(last));
}

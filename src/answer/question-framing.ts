import { PIECE_NOUNS } from '../retrieve/outlet-mentions.js';
import { contentWords, stemOf } from '../text/terms.js';

/** A piece of journalism, and the kinds a question names it by beyond those of an outlet's mention. */
const PIECE = String.raw`(?:(?:${PIECE_NOUNS}|profile|interview|analysis|explainer|write-?up|op-ed|newsletter|live\s?blog|obituary)s?|stories)`;
/**
 * Phrasings that say where a fact was reported or who is reported saying it, not what is asked:
 * "according to Fortune's story on …", "TechCrunch's '5 things we learned' piece says", "as
 * reported by Reuters", "quoted by The Athletic". Each runs to the next comma or the question's end.
 */
const FRAMINGS: readonly RegExp[] = [
  /\baccording\s+to\b[^,?]*/giu,
  /\b(?:as\s+)?(?:reported|quoted|cited|written|told)\s+(?:by|to|in)\s+[^,?]*/giu,
  new RegExp(
    String.raw`(?:\b(?:in|per|from)\s+)?[\p{L}\p{N}.&-]+['’]s?\s+(?:[^\s,?]+\s+){0,6}?${PIECE}\b(?:\s+(?:on|about)\b[^,?]*)?(?:\s+(?:says|said|reports|reported|notes|noted|claims|claimed|states|stated))?`,
    'giu',
  ),
];

/**
 * The stems of the question's framing: the outlet, piece or source it attributes the fact to. A
 * sentence that states the fact seldom repeats them, so they count less when sentences are chosen
 * (retrieval still reads them: they find the article).
 */
export function framingStems(question: string): Set<string> {
  const text = question.replace(/[’‘]/g, "'");
  const framing = new Set<string>();
  for (const pattern of FRAMINGS) {
    for (const match of text.matchAll(pattern)) for (const word of contentWords(match[0])) framing.add(stemOf(word));
  }
  if (framing.size === 0) return framing;
  // A word the question also uses outside its framing is part of what it asks.
  let rest = text;
  for (const pattern of FRAMINGS) rest = rest.replace(pattern, ' ');
  for (const word of contentWords(rest)) framing.delete(stemOf(word));
  return framing;
}

/** Words of a question that ask for events in general, not about a subject ("what happened", "anything new"). */
const EVENTS_IN_GENERAL = new Set([
  'happen',
  'happened',
  'happening',
  'new',
  'going',
  'go',
  'anything',
  'everything',
  'story',
  'stories',
  'headlines',
  'headline',
  'reported',
  'updates',
  'update',
]);

/**
 * Whether a question, its words of time taken out, asks only what happened ("What happened?",
 * "Any news?", "What's new?"): it has no subject, so the period's reports answer it.
 */
export function asksOnlyWhatHappened(questionWithoutTime: string): boolean {
  return contentWords(questionWithoutTime).every((word) => EVENTS_IN_GENERAL.has(word));
}

import { contentWords } from '../text/terms.js';

/** What a follow-up question leans on: the question before it and the articles its answer cited. */
export interface PreviousTurn {
  question: string;
  articleIds: readonly string[];
}

/** Words that point back to what was said before ("what did he say next?", "and the price?"). */
const POINTING_BACK =
  /\b(?:he|she|it|they|them|him|his|her|hers|its|their|theirs|this|that|these|those|there|then|the same|also|else|again|instead)\b/i;
/** How a follow-up opens when it continues the conversation ("And Germany?", "What about the ferries?"). */
const CONTINUING = /^\s*(?:and|but|so|also|then|what about|how about|and what about|why|why not|how come)\b/i;
/** A turn's question is kept to this length (a chain of follow-ups does not grow without end). */
const MAX_TURN_QUESTION_CHARS = 1000;
/** A question of this few content words names too little to stand alone ("how much?", "why?"). */
const SELF_CONTAINED_WORDS = 4;

/**
 * Whether a question leans on the one before: it points back with a pronoun, opens as a
 * continuation, or names too little to be asked alone. A self-contained question is answered as a
 * new one.
 */
export function leansOnPrevious(question: string): boolean {
  if (CONTINUING.test(question) || POINTING_BACK.test(question)) return true;
  return contentWords(question).length < SELF_CONTAINED_WORDS;
}

/**
 * The question a follow-up asks once the conversation is read into it: the follow-up first (it
 * decides what is asked for: "how much?" asks for money), then the previous question, whose
 * subject it continues. A self-contained follow-up stays as it is.
 */
export function questionInContext(followUp: string, previous: PreviousTurn | undefined): string {
  if (!previous || !leansOnPrevious(followUp)) return followUp;
  return `${followUp.trim()} ${previous.question.trim()}`;
}

/**
 * The turn a question and its answer make, as the next follow-up leans on it: the question as it
 * was read (with the turn before, when it leaned on it), so that a chain of follow-ups keeps its
 * subject, and the articles the answer cited.
 */
export function turnOf(
  question: string,
  answer: { citations: readonly { articleId: string }[] },
  previous: PreviousTurn | undefined,
): PreviousTurn {
  return {
    question: questionInContext(question, previous).slice(0, MAX_TURN_QUESTION_CHARS),
    articleIds: [...new Set(answer.citations.map((citation) => citation.articleId))],
  };
}

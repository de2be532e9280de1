import { splitSentences } from '../text/sentences.js';
import { contentWords, stemOf, wordTokens } from '../text/terms.js';

/**
 * A claim counts as supported by a passage when some stretch of one or two consecutive sentences
 * of it scores at least this (the share of the claim's content words it holds, see scoreStretch)
 * and holds every number and name of the claim. Chosen with `npm run eval-citations` (see docs/answers.md): lower lets reworded
 * fabrications through, higher drops faithful paraphrases.
 */
export const SUPPORT_THRESHOLD = 0.6;

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 't']);

/**
 * Sentences that speak to an AI rather than report news: text planted in an article to steer a
 * model. They are never evidence, so a model that obeyed one cannot cite it.
 */
const AI = String.raw`(?:ai|a\.i\.|assistants?|chat ?bots?|language models?|llms?|gpts?)`;
const INSTRUCTION_PATTERNS = [
  /\b(?:ignore|disregard|forget|override)\b[^.!?]{0,60}\b(?:instructions?|prompts?|rules|guidelines|directions)\b/i,
  new RegExp(String.raw`\b(?:note|message|attention|instructions?)\s+(?:to|for)\s+(?:all\s+|any\s+)?${AI}\b`, 'i'),
  new RegExp(String.raw`\bif you are an?\s+${AI}\b`, 'i'),
  new RegExp(
    String.raw`\b${AI}\s*[,:]\s*(?:please\s+)?(?:ignore|tell|say|reply|respond|answer|write|state|claim)\b`,
    'i',
  ),
  /\bsystem prompt\b/i,
  /\b(?:new|updated) instructions?\s*:/i,
];

/** How many words after a negation in the evidence it may govern ("did not, in the end, approve"). */
const NEGATION_REACH = 4;

/** The stems of the `reach` words after each negation of a text. */
function negatedStems(text: string, reach: number): Set<string> {
  const words = wordTokens(text);
  const stems = new Set<string>();
  words.forEach((word, index) => {
    if (!NEGATIONS.has(word)) return;
    for (const next of words.slice(index + 1, index + 1 + reach)) stems.add(stemOf(next));
  });
  return stems;
}

/** Whether a sentence addresses a language model instead of the reader. */
export function isInstructionLike(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** The numbers a text states, with thousands separators removed ("1,000" and "1000" are one number). */
export function numbersIn(text: string): Set<string> {
  const matches = text.match(/\d[\d,.]*\d|\d/g) ?? [];
  return new Set(matches.map((number) => number.replace(/,/g, '').replace(/\.0+$/, '')));
}

/** Capitalised words inside a sentence (not its first word), lower-cased: the names a claim rests on. */
export function namesIn(sentence: string): Set<string> {
  const names = new Set<string>();
  const words = sentence.match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
  words.forEach((word, index) => {
    if (index === 0 || !/^\p{Lu}/u.test(word)) return;
    for (const part of wordTokens(word)) if (part.length > 1) names.add(stemOf(part));
  });
  return names;
}

/** A passage prepared once for scoring many claims against it. */
export interface Evidence {
  /** Stretches of one or two consecutive sentences, instruction-like sentences left out. */
  stretches: { stems: Set<string>; numbers: Set<string>; negated: Set<string> }[];
  /** Stems of the article's headline, which may supply names the passage leaves implicit. */
  titleStems: Set<string>;
}

function stemSet(text: string): Set<string> {
  return new Set(wordTokens(text).map(stemOf));
}

/** Prepare a passage (and its article's headline) as evidence. */
export function prepareEvidence(passage: string, title = ''): Evidence {
  const sentences = splitSentences(passage)
    .map((sentence) => sentence.text)
    .filter((sentence) => !isInstructionLike(sentence));
  const stretches = sentences.flatMap((sentence, index) => {
    const next = sentences[index + 1];
    const texts = next === undefined ? [sentence] : [sentence, `${sentence} ${next}`];
    return texts.map((text) => ({
      stems: stemSet(text),
      numbers: numbersIn(text),
      negated: negatedStems(text, NEGATION_REACH),
    }));
  });
  return { stretches, titleStems: stemSet(title) };
}

/** A claim prepared once for scoring against many passages. */
export interface Claim {
  stems: string[];
  numbers: Set<string>;
  names: Set<string>;
  /** The stem right after each negation ("not approve" gives approv). */
  negated: Set<string>;
}

/** Prepare one sentence of an answer (citation markers already removed) as a claim. */
export function prepareClaim(sentence: string): Claim {
  return {
    // Numbers are checked exactly (numbersIn), not as words: "1,240" is two word tokens.
    stems: [
      ...new Set(
        contentWords(sentence)
          .filter((word) => !/^\d+$/.test(word))
          .map(stemOf),
      ),
    ],
    numbers: numbersIn(sentence),
    names: namesIn(sentence),
    negated: negatedStems(sentence, 1),
  };
}

function scoreStretch(claim: Claim, stretch: Evidence['stretches'][number], titleStems: Set<string>): number {
  for (const number of claim.numbers) if (!stretch.numbers.has(number)) return 0;
  for (const name of claim.names) if (!stretch.stems.has(name) && !titleStems.has(name)) return 0;
  // A claim that denies something needs the evidence to deny the same thing.
  for (const stem of claim.negated) if (!stretch.negated.has(stem)) return 0;
  if (claim.stems.length === 0) return 0;
  const covered = claim.stems.filter((stem) => stretch.stems.has(stem) || titleStems.has(stem)).length;
  // One word more than the claim has in the denominator: a short claim must match all of its words
  // (its one missing word is usually the whole claim), a long one may paraphrase a few.
  return covered / (claim.stems.length + 1);
}

/**
 * How well a passage supports a claim, 0..1: the best share of the claim's content words (plus
 * one) found in one or two consecutive sentences that also state all of the claim's numbers and names (and its
 * negation, if it has one); 0 when no stretch does.
 */
export function supportScore(claim: Claim, evidence: Evidence): number {
  let best = 0;
  for (const stretch of evidence.stretches) {
    best = Math.max(best, scoreStretch(claim, stretch, evidence.titleStems));
  }
  return best;
}

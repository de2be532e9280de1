import { stemOf } from '../text/terms.js';
import { type TypedSentence, type TypedSpan, typedSpans } from '../text/typed-spans.js';
import { type QuestionType, SPAN_KINDS_FOR } from './question-type.js';

/** A span that answers the question, with how near the question's words it stands (0..1). */
export interface AnswerSpan {
  text: string;
  kind: TypedSpan['kind'];
  proximity: number;
  /** A count followed by the unit the question asks about ("80,065 fans" for "how many fans"). */
  unitMatch: boolean;
}

/** How many tokens away a question word still counts half (the classic factoid-QA window). */
const HALF_WEIGHT_DISTANCE = 4;
/** A later kind of the type's list (a count read as a duration) is worth this much less per place. */
const KIND_RANK_PENALTY = 0.15;
/** A count followed by the unit the question names ("400 passengers") within this many tokens. */
const UNIT_WINDOW = 3;
const UNIT_BONUS = 0.3;

/** Pronouns and roles that attribute a quotation to someone named before ("he said", "the spokesman added"). */
const ATTRIBUTING_WORDS = new Set(['he', 'she', 'they', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'ceo']);

/** What the answer reader needs of the question, computed once per question. */
export interface QuestionReading {
  type: QuestionType;
  /** The stems of the question's content words. */
  stems: ReadonlySet<string>;
  /** Rarity weights of those stems. */
  weights: ReadonlyMap<string, number>;
  /** The question's own names, lower-cased words ("siya", "kolisi"): the speaker of a quote question. */
  nameWords: ReadonlySet<string>;
  /** The stem of the question's focus ("directed" in "who directed ..."), which the answer should stand beside. */
  focus?: string | undefined;
}

/** Proximity reads the question's rarest words only, so a long question is judged like a short one. */
export const PROXIMITY_WORDS = 6;
/** How much more the question's focus word counts, near a span, than its other words. */
const FOCUS_WEIGHT = 3;
/** Titles and roles that the tagger reads as names but never answer "who" or "which company". */
const TITLES = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chairman',
  'chairwoman',
  'president',
  'chief',
  'director',
  'minister',
  'senator',
  'judge',
  'mr',
  'mrs',
  'ms',
  'dr',
]);

/**
 * The span of a sentence that answers the question: of a kind the question asks for, not already
 * in the question, nearest to the question's words. For someone's words, the quotation must be
 * theirs: the sentence names them, or attributes it with "he said" after `lastNamed` named them.
 */
export function answerSpanIn(
  sentence: TypedSentence | string,
  reading: QuestionReading,
  lastNamed: readonly string[] = [],
): AnswerSpan | undefined {
  const typed = typeof sentence === 'string' ? typedSpans(sentence) : sentence;
  const kinds = SPAN_KINDS_FOR[reading.type.type];
  if (kinds.length === 0) return undefined;
  const stems = typed.tokens.map((token) => stemOf(token));
  if (reading.type.type === 'quote' && !quotesTheSpeaker(typed, reading.nameWords, lastNamed)) return undefined;
  let best: AnswerSpan | undefined;
  let bestScore = 0;
  for (const span of typed.spans) {
    const rank = kinds.indexOf(span.kind);
    if (rank < 0 || !fitsType(span, reading.type, typed.tokens)) continue;
    if (alreadyInQuestion(stems.slice(span.start, span.end + 1), reading.stems)) continue;
    const proximity = proximityOf(stems, span, reading);
    let score = (0.2 + proximity) * (1 - KIND_RANK_PENALTY * rank) * specificity(span);
    const unitAt = reading.type.unit === undefined ? -1 : unitIndex(stems, span, stemOf(reading.type.unit));
    if (unitAt >= 0) score += UNIT_BONUS;
    if (score > bestScore) {
      bestScore = score;
      // "400 passengers", not "400": the count with what it counts.
      const text = unitAt > span.end ? typed.textBetween(span.start, unitAt) : span.text;
      best = { text, kind: span.kind, proximity, unitMatch: unitAt >= 0 };
    }
  }
  return best;
}

const YEAR = /\b(?:1[89]|20)\d\d\b/;
const MONTH_OR_DAY =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}(?:st|nd|rd|th)?\b/i;
const SMALL_SPELLED_NUMBER = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)$/i;

/**
 * Whether a span can be the kind of answer asked: a person is named in two words or more (one
 * capitalised word is as often a brand, a people or a place); "what year" wants a year.
 */
function fitsType(span: TypedSpan, type: QuestionType, tokens: readonly string[]): boolean {
  if (span.kind === 'name' && TITLES.has(span.text.toLowerCase())) return false;
  if (type.type === 'person') return span.end > span.start && !/[&]/.test(span.text);
  if (type.type === 'date' && type.unit === 'year') return YEAR.test(span.text);
  if (type.type === 'number' && type.unit === undefined && SMALL_SPELLED_NUMBER.test(span.text)) {
    // "one of", "two-thirds", "three-story": a spelled-out small number is rarely the count asked for.
    return !/^[-–]$|^of$/.test(tokens[span.end + 1] ?? '');
  }
  return true;
}

/** Absolute dates and written figures say more than "this month" or "Wednesday". */
function specificity(span: TypedSpan): number {
  if (span.kind === 'date' || span.kind === 'time')
    return YEAR.test(span.text) || MONTH_OR_DAY.test(span.text) ? 1 : 0.6;
  return 1;
}

/** Whether every content word of the span is a question word: the question already holds it. */
function alreadyInQuestion(spanStems: readonly string[], questionStems: ReadonlySet<string>): boolean {
  const words = spanStems.filter((stem) => /[\p{L}\p{N}]/u.test(stem));
  return words.length > 0 && words.every((stem) => questionStems.has(stem));
}

/** The rarity-weighted share of question words near the span, each counting less with distance. */
function proximityOf(stems: readonly string[], span: TypedSpan, reading: QuestionReading): number {
  let total = 0;
  let near = 0;
  for (const [stem, rarity] of reading.weights) {
    const weight = stem === reading.focus ? rarity * FOCUS_WEIGHT : rarity;
    total += weight;
    let closest = Number.POSITIVE_INFINITY;
    stems.forEach((token, index) => {
      if (!sameWordFamily(token, stem) || (index >= span.start && index <= span.end)) return;
      closest = Math.min(closest, index < span.start ? span.start - index : index - span.end);
    });
    if (Number.isFinite(closest)) near += weight / (1 + (closest - 1) / HALF_WEIGHT_DISTANCE);
  }
  return total > 0 ? near / total : 0;
}

/** Stems of one word family ("direct" / "director", "testimoni" / "testifi"): equal, or sharing their first five letters. */
function sameWordFamily(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/** Where the unit asked about follows the span (within UNIT_WINDOW tokens), or -1. */
function unitIndex(stems: readonly string[], span: TypedSpan, unit: string): number {
  for (let index = span.start; index <= Math.min(stems.length - 1, span.end + UNIT_WINDOW); index += 1) {
    if (stems[index] === unit) return index;
  }
  return -1;
}

/**
 * Whether a sentence's quotation is the asked-about person's: the sentence names them outside the
 * quotation, or attributes it ("he said") and the person named last before it is them. A question
 * that names nobody accepts any quotation.
 */
function quotesTheSpeaker(typed: TypedSentence, nameWords: ReadonlySet<string>, lastNamed: readonly string[]): boolean {
  const quotations = typed.spans.filter((span) => span.kind === 'quotation');
  if (quotations.length === 0) return false;
  if (nameWords.size === 0) return true;
  const inside = (index: number) => quotations.some((span) => index >= span.start && index <= span.end);
  const outside = typed.tokens.filter((_, index) => !inside(index));
  if (outside.some((token) => nameWords.has(token))) return true;
  return outside.some((token) => ATTRIBUTING_WORDS.has(token)) && lastNamed.some((word) => nameWords.has(word));
}

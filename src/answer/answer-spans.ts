import { isChangeVerb } from '../text/change-verbs.js';
import { lemmaStemOf } from '../text/lemmas.js';
import { spelledOffices } from '../text/offices.js';
import {
  isDemonym,
  isOrdinaryWord,
  isPersonNoun,
  type PersonLikeness,
  type PlaceOrOrganization,
  personLikeness,
  placeOrOrganization,
} from '../text/person-names.js';
import { stemOf } from '../text/terms.js';
import { OPENING_QUOTES, type TypedSentence, type TypedSpan, typedSpans } from '../text/typed-spans.js';
import { CHANGE_KINDS, type Measure, type QuestionType, SPAN_KINDS_FOR } from './question-type.js';

/** A span that answers the question, with how near the question's words it stands (0..1). */
export interface AnswerSpan {
  text: string;
  kind: TypedSpan['kind'];
  proximity: number;
  /** The proximity of the sentence's own words, without the headline's subject: what says the span is stated. */
  ownProximity: number;
  /** A count followed by the unit the question asks about ("80,065 fans" for "how many fans"). */
  unitMatch: boolean;
  /** How well the span is of the asked kind (0..1): 1 unless a name's kind is in doubt ("who" answered by "Eras Tour"). */
  fit: number;
}

const NO_STEMS: ReadonlySet<string> = new Set();
/** What a name that repeats a word of one of the question's names ("Jason Kelce" for "which Kelce") still fits. */
const REPEATED_NAME_FIT = 0.5;
/** How far away a question word only the headline holds counts, in tokens. */
const HEADLINE_DISTANCE = 8;
/** How many tokens away a question word still counts half (the classic factoid-QA window). */
const HALF_WEIGHT_DISTANCE = 4;
/** A later kind of the type's list (a count read as a duration) is worth this much less per place. */
const KIND_RANK_PENALTY = 0.15;
/** A count followed by the unit the question names ("400 passengers") within this many tokens. */
const UNIT_WINDOW = 3;
const UNIT_BONUS = 0.3;
/**
 * How well a name answers "who" by how it reads (person-names.ts), and "which company" or "where":
 * a name that reads as a person's answers those less well.
 */
const PERSON_FIT: Record<PersonLikeness, number> = { person: 1, unknown: 0.7, not: 0.35 };
const THING_FIT: Record<PersonLikeness, number> = { person: 0.6, unknown: 1, not: 1 };
/** "Where" is answered best by a place, "which company" by an organization (person-names.ts). */
const PLACE_FIT: Record<PlaceOrOrganization, number> = { place: 1, unknown: 0.85, organization: 0.5 };
/** "Zhao pleaded guilty": a name before its verb is who did it, rarely where. */
const PLACE_SUBJECT_FIT = 0.3;
const ORGANIZATION_FIT: Record<PlaceOrOrganization, number> = { organization: 1, unknown: 0.85, place: 0.6 };

/** Pronouns and roles that attribute a quotation to someone named before ("he said", "the spokesman added"). */
const ATTRIBUTING_WORDS = new Set(['he', 'she', 'they', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'ceo']);

/** What a quote question reads around a sentence: who spoke last before it, and the words just before it. */
export interface QuoteContext {
  /** The names of the nearest sentence before it that names anyone, lower-cased words. */
  lastNamed: readonly string[];
  /** The stems of the sentences just before it: a quotation is often introduced by what it is about. */
  stemsBefore: ReadonlySet<string>;
  /** The stems of the sentences its quotation runs on into, when it does not close in the sentence. */
  stemsRunOn: ReadonlySet<string>;
}

const NO_QUOTE_CONTEXT: QuoteContext = { lastNamed: [], stemsBefore: new Set(), stemsRunOn: new Set() };
/** What a question word found only in the sentences before a quotation counts, against one in it. */
const WORD_BEFORE_WEIGHT = 0.5;

/** What the answer reader needs of the question, computed once per question. */
export interface QuestionReading {
  type: QuestionType;
  /** The stems of the question's content words. */
  stems: ReadonlySet<string>;
  /** Rarity weights of those stems. */
  weights: ReadonlyMap<string, number>;
  /** The question's own names, each as lower-cased words (["siya", "kolisi"]): a quote question's speaker is one. */
  names: readonly (readonly string[])[];
  /** The question holds no hedge ("could", "faces", "up to"): a hedged figure does not answer it. */
  asksFact?: boolean;
  /** The question asks what happened: a figure said in the future tense does not answer it. */
  asksPast?: boolean;
  /** The stem of the noun naming the kind asked for ("exchange" in "which crypto exchange"). */
  kindNoun?: string | undefined;
  /** "Who are Mikaela Shiffrin's parents": a relative's name may share the person's surname. */
  asksRelative?: boolean;
  /** The stem of the question's focus ("directed" in "who directed ..."), which the answer should stand beside. */
  focus?: string | undefined;
  /** "Who died?": the question asks who did something other than speak. */
  asksDoer?: boolean;
}

/** Proximity reads the question's rarest words only, so a long question is judged like a short one. */
export const PROXIMITY_WORDS = 6;
/** How much more the question's focus word counts, near a span, than its other words. */
const FOCUS_WEIGHT = 3;
/** Titles and roles that the tagger reads as names but never answer "who" or "which company". */
export const TITLES: ReadonlySet<string> = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chairman',
  'chairwoman',
  'chair',
  'leader',
  'officer',
  'executive',
  'president',
  'chief',
  'director',
  'minister',
  'senator',
  'judge',
  'secretary',
  'governor',
  'commissioner',
  'ambassador',
  'mayor',
  'deputy',
  // Police and military ranks ("Detective Inspector Carla Nunes").
  'detective',
  'inspector',
  'sergeant',
  'constable',
  'superintendent',
  'colonel',
  'lieutenant',
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
  quoteContext: QuoteContext = NO_QUOTE_CONTEXT,
  headlineStems: ReadonlySet<string> = NO_STEMS,
): AnswerSpan | undefined {
  const typed = typeof sentence === 'string' ? typedSpans(sentence) : sentence;
  const kinds =
    reading.type.measure === 'change'
      ? CHANGE_KINDS
      : reading.type.measure === 'rank'
        ? RANK_KINDS
        : SPAN_KINDS_FOR[reading.type.type];
  if (kinds.length === 0) return undefined;
  const stems = typed.tokens.map((token) => stemOf(token));
  // "began" stands near a question's "begin": each word's dictionary form counts as well as its stem.
  const lemmas = typed.tokens.map((token) => lemmaStemOf(token));
  // "Chief Executive Officer Tony Staffieri" is named as the CEO, where the office ends.
  for (const { index, abbreviation } of spelledOffices(typed.tokens)) stems[index] = abbreviation;
  if (reading.type.type === 'quote')
    return quotationSpan(typed, [...stems, ...lemmas.filter((lemma) => lemma !== null)], reading, quoteContext);
  let best: AnswerSpan | undefined;
  let bestScore = 0;
  // "A 71-year-old man died": who did it may be said by what they are, not by name.
  const doer =
    reading.type.type === 'person' && reading.asksDoer ? doerPhrase(typed, stems, lemmas, reading.focus) : undefined;
  for (const found of doer ? [...typed.spans, doer] : typed.spans) {
    const span = reading.type.type === 'person' ? personalName(found, typed) : found;
    const rank = kinds.indexOf(span.kind);
    // "Who's the CEO": "then-CEO Joe Natale" and "former CEO" held the office before.
    const former =
      reading.type.type === 'person' && !reading.asksPast && heldBefore(typed.tokens, found.start, span.start);
    if (rank < 0 || !fitsType(span, reading.type, typed)) continue;
    if (alreadyInQuestion(stems.slice(span.start, span.end + 1), reading.stems)) continue;
    // "Why did profit fall?": "after its profit fell by 38 per cent" restates the event, not its cause.
    if (span.kind === 'reason' && restatesQuestion(stems, lemmas, span, reading)) continue;
    if (span.kind === 'name' && holdsQuestionName(typed.tokens.slice(span.start, span.end + 1), reading.names))
      continue;
    // "A man died …, West Mercia Police said": for "who died", the police are the source, not the
    // answer, unless called by the deed ("as founder Valentina Milanova explained", for "who founded").
    if (
      span.kind === 'name' &&
      reading.asksDoer &&
      isAttributedSource(typed, found) &&
      !calledByFocus(stems, found.start, reading.focus)
    )
      continue;
    if (reading.asksFact && hedged(typed.tokens, span)) continue;
    if (reading.asksPast && hedged(typed.tokens, span, FUTURE)) continue;
    const unitAt =
      reading.type.unit !== undefined
        ? unitIndex(stems, span, stemOf(reading.type.unit))
        : reading.type.measure !== undefined && reading.type.measure !== 'change'
          ? measureIndex(typed, span, reading.type.measure)
          : -1;
    // "two people were killed and 57 injured": a count right before the question's own verb counts
    // what is asked, its noun left out as said once before.
    const elided =
      unitAt < 0 &&
      reading.type.type === 'number' &&
      reading.type.unit !== undefined &&
      span.kind === 'number' &&
      countsAskedVerb(typed, stems, span.end + 1, reading, stemOf(reading.type.unit));
    // Read as if the left-out noun stood before the count ("[people] 57 injured").
    const read = elided ? withWordBefore(stems, span.start, stemOf(reading.type.unit ?? '')) : stems;
    const { proximity, ownProximity } = proximityOf(read, lemmas, span, reading, headlineStems);
    // "Why was the shop assistant treated in hospital?": a cause in a sentence that holds none of the
    // question's words but inside the cause itself is another event's.
    if (proximity === 0 && span.kind === 'reason') continue;
    // "Binance, the world's largest crypto exchange", "AI startup Anthropic": the sentence itself
    // says the name is of the kind asked ("which exchange", "which startup").
    const namedAsAsked =
      span.kind === 'name' && reading.kindNoun !== undefined && namedAs(stems, span, reading.kindNoun);
    // "Jesus Christ" for "who plays Jesus": a name that repeats one of the question's names is its
    // subject more often than its answer, unless the sentence calls it the asked kind ("with wife Kylie Kelce").
    const repeatsName =
      span.kind === 'name' &&
      !reading.asksRelative &&
      holdsQuestionName(typed.tokens.slice(span.start, span.end + 1), reading.names, 1);
    const fit = namedAsAsked ? 1 : nameFit(span, reading.type, typed) * (repeatsName ? REPEATED_NAME_FIT : 1);
    const specific = specificity(span);
    let score = (0.2 + proximity) * (1 - KIND_RANK_PENALTY * rank) * specific * fit;
    if (namedAsAsked) score += UNIT_BONUS;
    // Named as the office's former holder, the name is named as the asked kind no more than any other.
    if (former) score *= FORMER_FIT;
    // "was only 2½ years old when her mother died": an age then, not now.
    if (reading.type.measure === 'age' && !reading.asksPast && typed.tokens[unitAt + 1] === 'when') continue;
    if (unitAt >= 0 || elided) score += UNIT_BONUS;
    if (score > bestScore) {
      bestScore = score;
      // "400 passengers", not "400": the count with what it counts.
      const placeEnd = reading.type.type === 'place' && span.kind === 'name' ? regionAfter(typed, span) : -1;
      // "suspended for three games": how long, counted in games.
      const countedIn =
        reading.type.type === 'duration' && span.kind === 'number' && EVENT_COUNT.test(typed.tokens[span.end + 1] ?? '')
          ? span.end + 1
          : -1;
      // "More than 400 people": a figure is told with the bound the article gives it, a sum with its
      // rate ("38 kronor a share"), a length of time with what lasts it ("a five-year contract").
      const from = FIGURE_KINDS.has(span.kind) ? boundStart(typed.tokens, span.start) : span.start;
      const rate = span.kind === 'money' ? rateEnd(typed.tokens, span.end) : -1;
      const end = Math.max(span.end, unitAt, countedIn, placeEnd, rate, lasting(typed, span));
      const text = from < span.start || end > span.end ? typed.textBetween(from, end) : span.text;
      // "Wednesday" says when less well than "October 4": between sentences too, the written date wins.
      const spanFit = reading.type.type === 'date' ? fit * specific : fit;
      // Called by the asked kind ("agent Greg Landry"), a name is said to be what was asked, as a count is by its unit.
      best = {
        text,
        kind: span.kind,
        proximity,
        ownProximity,
        unitMatch: unitAt >= 0 || elided || namedAsAsked,
        fit: spanFit,
      };
    }
  }
  return best;
}

/** Words a described doer may run to ("a 34-year-old man from Bristol and a 29-year-old man from Swindon"). */
const DOER_WORDS = 20;
/** Words inside a described doer besides its nouns and their modifiers. */
const DOER_JOINS = new Set(['from', 'of', 'in', 'and', '-']);

/**
 * The phrase of a kind of person right before the question's verb ("A 71-year-old man died",
 * "two teenagers from Leeds were arrested"), for a sentence that tells the deed of someone unnamed.
 */
function doerPhrase(
  typed: TypedSentence,
  stems: readonly string[],
  lemmas: readonly (string | null)[],
  focus: string | undefined,
): TypedSpan | undefined {
  if (focus === undefined) return undefined;
  const { tokens, pos } = typed;
  const verb = stems.findIndex(
    (stem, index) => (sameWordFamily(stem, focus) || lemmas[index] === focus) && pos[index] === 'VERB',
  );
  let end = verb - 1;
  while (end >= 0 && pos[end] === 'AUX') end -= 1;
  if (end < 0 || (pos[end] !== 'NOUN' && pos[end] !== 'PROPN')) return undefined;
  let start = end;
  while (
    start > 0 &&
    end - start < DOER_WORDS &&
    (/^(?:NOUN|PROPN|ADJ|NUM|DET)$/.test(pos[start - 1] ?? '') || DOER_JOINS.has(tokens[start - 1] ?? ''))
  )
    start -= 1;
  // The phrase opens with its first determiner or count ("A 34-year-old man …"), else its first word of substance.
  while (start < end && !/^(?:DET|NUM|NOUN|ADJ)$/.test(pos[start] ?? '')) start += 1;
  const nouns = tokens.slice(start, end + 1).filter((_, index) => pos[start + index] === 'NOUN');
  if (!nouns.some((noun) => isPersonNoun(noun))) return undefined;
  return { kind: 'name', text: typed.textBetween(start, end), start, end };
}

/** "14th in the league", "No. 3": a rank is an ordinal first. */
const RANK_KINDS: readonly TypedSpan['kind'][] = ['ordinal', 'number'];
/** What a sum may be given per ("38 kronor a share", "$9.99 a month", "£20 per person"). */
const RATE_NOUNS = new Set(['share', 'month', 'year', 'week', 'day', 'hour', 'night', 'person', 'head', 'ticket']);

/** Where a sum's rate ends after it ("a share", "per person", "each"), or -1. */
function rateEnd(tokens: readonly string[], end: number): number {
  if (tokens[end + 1] === 'each') return end + 1;
  return /^(?:a|an|per)$/.test(tokens[end + 1] ?? '') && RATE_NOUNS.has(tokens[end + 2] ?? '') ? end + 2 : -1;
}

/** "a five-year contract": where the nouns a length of time written as a modifier qualifies end, or -1. */
function lasting(typed: TypedSentence, span: TypedSpan): number {
  if (span.kind !== 'duration' || typed.tokens[span.end - 1] !== '-') return -1;
  let end = span.end;
  while (typed.pos[end + 1] === 'NOUN') end += 1;
  return end > span.end ? end : -1;
}

/** Kinds of span that are figures. */
const FIGURE_KINDS: ReadonlySet<string> = new Set(['number', 'money', 'percent']);
/** Words that bound a figure ("more than 400", "at least $2 million", "over 100"). */
const BOUNDS_OF_TWO = new Set(['more than', 'less than', 'fewer than', 'at least', 'at most', 'up to', 'as many']);
const BOUNDS_OF_ONE = new Set(['over', 'almost', 'roughly', 'approximately', 'around']);

/** Where a figure's bound starts before it ("more than 400"), else the figure's own start. */
function boundStart(tokens: readonly string[], start: number): number {
  if (BOUNDS_OF_TWO.has(`${tokens[start - 2]} ${tokens[start - 1]}`)) return start - 2;
  if (tokens[start - 1] === 'as' && BOUNDS_OF_TWO.has(`${tokens[start - 3]} ${tokens[start - 2]}`)) return start - 3;
  return BOUNDS_OF_ONE.has(tokens[start - 1] ?? '') ? start - 1 : start;
}

/** How many words an attribution may put between a name and its verb of speech. */
const ATTRIBUTION_WORDS = 8;

/**
 * Whether a name is who its sentence is attributed to, or stands in that attribution: "X said",
 * "X, the manager, said", "The Agency's manager, Tom Reddy, said" (the first verb after it, within a
 * few words, is one of speech), "said X, leader of Y" (the last verb before it is "said"), "according to X".
 */
function isAttributedSource(typed: TypedSentence, name: TypedSpan): boolean {
  const { tokens, pos } = typed;
  if (tokens[name.start - 1] === 'to' && tokens[name.start - 2] === 'according') return true;
  // "said Councillor Janet Morrow, leader of Shropshire Council": the last verb before it is "said".
  for (let index = name.start - 1; index >= Math.max(0, name.start - ATTRIBUTION_WORDS); index -= 1) {
    if (pos[index] === 'VERB' || pos[index] === 'AUX') {
      if (tokens[index] === 'said' || tokens[index] === 'says') return true;
      break;
    }
  }
  for (let index = name.end + 1; index < Math.min(tokens.length, name.end + 1 + ATTRIBUTION_WORDS); index += 1) {
    if (pos[index] === 'VERB' || pos[index] === 'AUX') return SPEECH_AFTER.test(tokens[index] ?? '');
  }
  return false;
}

/** Whether one of the few words before a name is of the question's focus ("founder" before a name, for "who founded"). */
function calledByFocus(stems: readonly string[], start: number, focus: string | undefined): boolean {
  if (focus === undefined) return false;
  // "owner" for "owns", "founder" for "founded": one word family.
  return stems.slice(Math.max(0, start - 3), start).some((stem) => sameWordFamily(stem, focus));
}

/**
 * A person's own name within a name run: "Bundesbank President Joachim Nagel" is Joachim Nagel,
 * "American Drew Weissman" Drew Weissman (the office and the people before a name are not part of it).
 */
function personalName(span: TypedSpan, typed: TypedSentence): TypedSpan {
  if (span.kind !== 'name') return span;
  let start = span.start;
  for (let index = span.start; index < span.end - 1; index += 1)
    if (isTitle(typed.tokens[index] ?? '')) start = index + 1;
  // "Chief of Staff Bruce Reed", "Secretary of State Antony Blinken": the rest of the office.
  while (start < span.end - 2 && OFFICE_CONNECTIVES.has(typed.tokens[start] ?? '')) start += 2;
  while (start < span.end - 1 && (typed.tokens[start] === '-' || isDemonym(typed.tokens[start] ?? ''))) start += 1;
  return start === span.start ? span : { ...span, start, text: typed.textBetween(start, span.end) };
}

/** What a length of time is counted in besides units of time ("banned for three matches", "out for two games"). */
const EVENT_COUNT = /^(?:games?|match(?:es)?|fixtures?|races?|starts?|rounds?|bouts?|tests?)$/;
/** What a name said to have held the office before ("former CEO X") fits a question of who holds it now. */
const FORMER_FIT = 0.4;
const FORMER_WORDS = new Set(['former', 'ex', 'late', 'onetime', 'erstwhile', 'previous']);
/** How far before a name its office's "former" may stand ("former Manchester United manager Alex Ferguson"). */
const FORMER_WINDOW = 4;

/** Whether the words before a person's name (from `nameStart`, back past its run from `runStart`) say they held the office before. */
function heldBefore(tokens: readonly string[], runStart: number, nameStart: number): boolean {
  for (let index = nameStart - 1; index >= Math.max(0, runStart - FORMER_WINDOW); index -= 1) {
    const token = (tokens[index] ?? '').toLowerCase();
    if (FORMER_WORDS.has(token) || (token === 'then' && tokens[index + 1] === '-')) return true;
    if (/^[,;:.()]$/.test(token)) return false;
  }
  return false;
}

/** Words that continue an office's title after its head ("Chief of Staff", "Minister for Health"). */
const OFFICE_CONNECTIVES = new Set(['of', 'for']);

/** A title or its plural ("president", "senators"). */
function isTitle(token: string): boolean {
  return TITLES.has(token) || (token.endsWith('s') && TITLES.has(token.slice(0, -1)));
}

/** Tokens after a name searched for its appositive ("Binance, the world's largest crypto exchange"). */
const APPOSITIVE_WINDOW = 7;

/**
 * Whether the sentence names the span as a `noun` (a stem): the noun just before it ("crypto
 * exchange Binance", "the club Inter Miami"), or in an appositive or a copula just after it
 * ("Binance, the world's largest crypto exchange", "Hynes is the new coach").
 */
function namedAs(stems: readonly string[], span: TypedSpan, noun: string): boolean {
  const before = stems[span.start - 1] === 'the' ? span.start - 2 : span.start - 1;
  if (before >= 0 && stems[before] === noun) return true;
  const opener = stems[span.end + 1];
  if (opener !== ',' && opener !== 'is' && opener !== 'was' && opener !== 'are' && opener !== 'were') return false;
  for (let index = span.end + 2; index <= Math.min(stems.length - 1, span.end + 1 + APPOSITIVE_WINDOW); index += 1) {
    const stem = stems[index] ?? '';
    if (stem === noun) return true;
    if (/^[,.;:!?()]$/.test(stem)) return false;
  }
  return false;
}

const YEAR = /\b(?:1[89]|20)\d\d\b/;
const MONTH_OR_DAY =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}(?:st|nd|rd|th)?\b/i;
/** Days, months and feasts: capitalised, but dates rather than names. */
export const CALENDAR_NAME =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter|thanksgiving|halloween|hanukkah|ramadan|diwali|eid)$/i;
/** Words before "one day" that make it a length of time ("for one day", "lasted one day"). */
const LASTS_BEFORE = new Set([
  'for',
  'in',
  'within',
  'after',
  'over',
  'about',
  'than',
  'just',
  'only',
  'nearly',
  'almost',
  'around',
  'least',
  'lasted',
  'lasts',
  'last',
  'took',
  'takes',
  'spent',
  'spend',
]);
/** Verbs of speech and testimony: the one-word name before one is a person named by surname ("Kaplan told the jury"). */
const SPEECH_AFTER =
  /^(?:said|says|told|tells|added|wrote|testified|argued|explained|recalled|asked|insisted|noted|replied|warned|claimed|admitted|announced)$/;
const TIME_UNIT =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|millennium|millennia|mins?|hrs?)$/;
const COUNTED =
  /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|several|few|half|dozen|couple|many)\b/i;
const DAY_OF_MONTH = /\b\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:years?|months?|weeks?|days?)\b)|\b\d{1,2}[/.-]\d{1,2}\b/i;
const SCORE = /^\d{1,3}\s*[-–]\s*\d{1,3}$/;
const TIME_OF_DAY = /\b(?:[ap]\.?m\b\.?|tonight|morning|afternoon|evening|noon|midnight|o'clock)/i;
const PEOPLE = new Set(['people', 'persons', 'individuals']);
const RATE = /^(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)$/i;
const SMALL_SPELLED_NUMBER = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)$/i;

/**
 * Whether a span can be the kind of answer asked: a person is named in two words or more (one
 * capitalised word is as often a brand, a people or a place); "what year" wants a year.
 */
function fitsType(span: TypedSpan, type: QuestionType, typed: TypedSentence): boolean {
  const { tokens } = typed;
  const after = tokens[span.end + 1] ?? '';
  // "rose $5 million", "down by $3": a sum says by how much only right after the change it measures.
  if (type.measure === 'change' && span.kind === 'money') {
    const before = tokens[span.start - 1] ?? '';
    const verb = before === 'by' ? (tokens[span.start - 2] ?? '') : before;
    return /^(?:up|down)$/.test(before) || isChangeVerb(verb);
  }
  // "Gun import Jordon Crawford …": one ordinary word opening the sentence is capitalised for that.
  if (
    span.kind === 'name' &&
    span.start === firstWordIndex(tokens) &&
    span.end === span.start &&
    isOrdinaryWord(tokens[span.start] ?? '')
  )
    return false;
  // "Principal Chief", "CEO": a title is who someone is, not their name; "Monday" is a day.
  if (span.kind === 'name' && (TITLES.has(tokens[span.end] ?? '') || CALENDAR_NAME.test(span.text))) return false;
  // "CEO of Ratcliffe's Ineos Sport": a title of a firm, not a name.
  if (span.kind === 'name' && TITLES.has(tokens[span.start] ?? '') && tokens[span.start + 1] === 'of') return false;
  // "the second week", "days before": a length of time is said with how many.
  if (span.kind === 'duration' && !COUNTED.test(span.text)) return false;
  // "maybe one day MrBeast will…": "one day" is "some day" unless something lasts it ("for one day").
  if (span.kind === 'duration' && /^one day$/i.test(span.text) && !LASTS_BEFORE.has(tokens[span.start - 1] ?? ''))
    return false;
  // "how many subscribers" is not answered by a price, a share or a length of time, nor by "three
  // variants": a count of some other thing.
  // "how much damage" is answered by a sum too.
  if (
    type.type === 'number' &&
    type.unit !== undefined &&
    type.unit !== 'year' &&
    !(type.amount && span.kind === 'money')
  ) {
    if (span.kind !== 'number') return false;
    // A count answers "how many bones" only in a sentence that speaks of bones, and counts them;
    // "how many people" is answered by a count of participants, residents or fans too.
    const unit = stemOf(type.unit);
    if (!PEOPLE.has(type.unit)) {
      if (!typed.tokens.some((token) => sameWordFamily(stemOf(token), unit))) return false;
      const counted = countedNouns(typed, span);
      if (counted.length > 0 && !counted.some((noun) => stemOf(noun) === unit)) return false;
    }
  }
  // "250,000 Cybertrucks a year", "$50 a month": a rate, not a length of time.
  if (
    span.kind === 'duration' &&
    RATE.test(span.text) &&
    /^(?:NOUN|PROPN|NUM|SYM)$/.test(typed.pos[span.start - 1] ?? '')
  )
    return false;
  // "One wrote in 2018": "one" before its verb is a pronoun, not a count.
  if (span.kind === 'number' && /^one$/i.test(span.text) && /^(?:VERB|AUX)$/.test(typed.pos[span.end + 1] ?? ''))
    return false;
  // "7:50 p.m.", "tonight": a time of day is not a length of time.
  if (type.type === 'duration' && span.kind === 'time') return !TIME_OF_DAY.test(span.text) && COUNTED.test(span.text);
  // "how many years": a length of time in years, not "seven weeks".
  if (type.type === 'duration' && type.unit !== undefined && span.kind === 'duration') {
    const unit = stemOf(type.unit);
    const units = typed.tokens.slice(span.start, span.end + 1).filter((token) => TIME_UNIT.test(token));
    if (units.length > 0 && !units.some((token) => stemOf(token) === unit)) return false;
  }
  // "what was the score": a game's score is written "23-20"; "their record to 3-4", "at 7-8" and
  // "(1-8)" are a team's record (`isRecord`).
  if (type.measure === 'score') return SCORE.test(span.text) && !isRecord(tokens, span);
  // "How fast", "the height of": a bare figure states a dimension only with its unit (a share or a sum
  // can say how big: "a 40% increase").
  if (type.measure !== undefined && type.measure !== 'rank' && type.measure !== 'change') {
    // "not even two years old": an age is a length of time said with "old".
    if (span.kind === 'duration') return type.measure === 'age' && measureIndex(typed, span, type.measure) >= 0;
    if (span.kind === 'number' || span.kind === 'ordinal') return measureIndex(typed, span, type.measure) >= 0;
    // Only a size is said as a share or a sum: "$399" is no age, "40%" no length.
    if (type.measure !== 'size') return false;
  }
  // "the Uruguayan striker": a people's adjective names no club, company or place (compromise does
  // not know every one: one ending as such adjectives do, before a common noun, is one too).
  if (
    (type.type === 'organization' || type.type === 'place') &&
    span.kind === 'name' &&
    span.start === span.end &&
    (isDemonym(tokens[span.start] ?? '') ||
      (/(?:ian|ean|yan|ese|ish)$/.test(tokens[span.start] ?? '') && typed.pos[span.start + 1] === 'NOUN'))
  )
    return false;
  // "the Aria 3", "Paris 2024": a name with a number after it is a product's or an event's, not a place.
  if (type.type === 'place' && span.kind === 'name' && typed.pos[span.end + 1] === 'NUM') return false;
  // "Steam Deck 2", "iPhone 15": a number right after a name is part of it, not a count.
  if (type.type === 'number' && span.kind === 'number' && typed.pos[span.start - 1] === 'PROPN') return false;
  // "how long": a bare number is a length of time only as a clock reading or before a unit of time.
  if (type.type === 'duration' && span.kind === 'number')
    return /^\d+:\d\d/.test(span.text) || TIME_UNIT.test(after) || EVENT_COUNT.test(after);
  // "since 2003" answers "when" (the recogniser reads it as a length of time); "for five years" does not.
  if (type.type === 'date' && span.kind === 'duration' && !(tokens[span.start] === 'since' && YEAR.test(span.text)))
    return false;
  // "on what date": a day of a month, not "February" or "this week".
  if (type.type === 'date' && type.unit === 'day') return DAY_OF_MONTH.test(span.text);
  if (type.type === 'person') return (span.end > span.start || SPEECH_AFTER.test(after)) && !/[&]/.test(span.text);
  if (type.type === 'date' && type.unit === 'year') return YEAR.test(span.text);
  if (type.type === 'number' && type.unit === undefined && SMALL_SPELLED_NUMBER.test(span.text)) {
    // "one of", "two-thirds", "three-story": a spelled-out small number is rarely the count asked for.
    return !/^[-–]$|^of$/.test(tokens[span.end + 1] ?? '');
  }
  return true;
}

/**
 * Whether a won-lost figure is a team's record or a score on the way, not a final score: after
 * "record", or right after "at", "to" or an opening bracket ("dropped to 3-4", "cut the lead to 16-13").
 */
function isRecord(tokens: readonly string[], span: TypedSpan): boolean {
  const before = tokens.slice(Math.max(0, span.start - 3), span.start);
  return before.includes('record') || INTERIM_BEFORE.has(before[before.length - 1] ?? '');
}

/** Words right before a won-lost figure that make it a record or a score on the way ("put the Raiders up 16-9"). */
const INTERIM_BEFORE = new Set(['(', 'at', 'to', 'up', 'down', 'led', 'leading', 'trailed', 'trailing']);

/** Words a range or a list of counts puts between a count and what it counts ("1 to 1.5g", "2 or 3 goals"). */
const RANGE_WORDS = new Set(['to', '-', '–', 'and', 'or']);

/**
 * The nouns a count counts: the first run of common nouns after it, past a range's other end and
 * the words that qualify it ("1 to 1.5g" counts grams, "8,500 U.S. troops" troops), else the
 * first proper noun after it.
 */
function countedNouns(typed: TypedSentence, span: TypedSpan): string[] {
  // Without a common noun after them, proper nouns are what is counted ("64 GB LCD Steam Deck").
  let properNoun: string | undefined;
  // "2½ million podcast downloads": every noun of the compound names what is counted.
  const nouns: string[] = [];
  for (let index = span.end + 1; index < typed.tokens.length; index += 1) {
    const pos = typed.pos[index];
    const token = typed.tokens[index] ?? '';
    // "8,500 U.S.-stationed service members": the word after a hyphen ends a modifier, not the count.
    if (token === '-' && nouns.length === 0) {
      index += 1;
      continue;
    }
    if (pos === 'NOUN') nouns.push(token);
    else if (nouns.length > 0) {
      // "podcast downloads": a tagger reads a compound's plural head as a verb now and then.
      if (/^\p{Ll}{3,}s$/u.test(token)) nouns.push(token);
      // "140 millimetres of rain", "3 tonnes of cocaine": a unit of measure counts the noun after "of".
      else if (token === 'of' && nouns.every((noun) => MEASURE_NOUNS.has(noun))) {
        const next = typed.tokens[index + 1] ?? '';
        if (typed.pos[index + 1] === 'NOUN') nouns.push(next);
      }
      break;
    } else if (pos === 'PROPN') properNoun ??= token;
    else if (pos !== 'NUM' && pos !== 'SYM' && pos !== 'ADJ' && !RANGE_WORDS.has(token)) break;
  }
  return nouns.length > 0 ? nouns : properNoun !== undefined ? [properNoun] : [];
}

/** Nouns that make the name before them a place or places. */
const PLACE_NOUNS = new Set([
  'city',
  'cities',
  'country',
  'countries',
  'county',
  'state',
  'states',
  'region',
  'regions',
  'province',
  'island',
  'islands',
  'town',
  'village',
  'border',
  'coast',
  'capital',
]);

/** How well a name span is of the kind asked: a person for "who", anything else for "which company" and "where". */
function nameFit(span: TypedSpan, type: QuestionType, typed: TypedSentence): number {
  if (span.kind !== 'name' || (type.type !== 'person' && type.type !== 'organization' && type.type !== 'place'))
    return 1;
  const words = typed.tokens.slice(span.start, span.end + 1);
  const likeness = personLikeness(words, typed.tokens[span.start - 1]);
  if (type.type === 'place') {
    // "Binance's guilty plea": a name in the possessive owns something; it does not say where.
    if (/^['’]s$/.test(typed.tokens[span.end + 1] ?? '')) return PLACE_FIT.organization;
    // "Born in Alice Springs": after a locative preposition, a name that could be a person's names a place.
    if (likeness === 'person' && afterLocative(typed, span.start)) return PLACE_FIT.unknown;
    // "Zhao pleaded guilty": a person's name before its verb is who did it.
    if (likeness === 'person' && /^(?:VERB|AUX)$/.test(typed.pos[span.end + 1] ?? '')) return PLACE_SUBJECT_FIT;
    // "Reehil told Fox News Digital": whom someone told is an audience, not a place.
    if (TOLD.has(typed.tokens[span.start - 1] ?? '')) return PLACE_FIT.organization;
  }
  if (type.type === 'person' || likeness === 'person')
    return (type.type === 'person' ? PERSON_FIT : THING_FIT)[likeness];
  // "NATO countries", "Kent county": a name before a noun of places names places.
  const kind = PLACE_NOUNS.has(typed.tokens[span.end + 1] ?? '') ? 'place' : placeOrOrganization(words);
  if (type.type === 'place' && kind === 'unknown') {
    // "in a Seattle federal court" names where, as does "Minnetonka, Minnesota"; "Franke pleaded" names who.
    if (afterLocative(typed, span.start) || regionAfter(typed, span) >= 0) return PLACE_FIT.place;
    if (/^(?:VERB|AUX)$/.test(typed.pos[span.end + 1] ?? '')) return PLACE_SUBJECT_FIT;
  }
  return (type.type === 'place' ? PLACE_FIT : ORGANIZATION_FIT)[kind];
}

const TOLD = new Set(['told', 'tells', 'tell', 'telling']);

/**
 * Where the region or country that locates a place ends ("Minnetonka, Minnesota"; "Baltimore,
 * Maryland"), when one follows it after a comma; else -1.
 */
function regionAfter(typed: TypedSentence, span: TypedSpan): number {
  if (typed.tokens[span.end + 1] !== ',') return -1;
  const next = typed.spans.find((other) => other.kind === 'name' && other.start === span.end + 2);
  if (!next) return -1;
  return placeOrOrganization(typed.tokens.slice(next.start, next.end + 1)) === 'place' ? next.end : -1;
}

/** The index of a sentence's first word, past opening quotation marks and brackets. */
function firstWordIndex(tokens: readonly string[]): number {
  let index = 0;
  while (index < tokens.length && /^[“"‘'([]$/.test(tokens[index] ?? '')) index += 1;
  return index;
}

/** Prepositions of place, the classic cue of a locative phrase. */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'from', 'across', 'throughout', 'around']);

/** Whether a name opens a phrase of place: a locative preposition before it, past an article or a modifier. */
function afterLocative(typed: TypedSentence, start: number): boolean {
  for (let index = start - 1; index >= Math.max(0, start - 3); index -= 1) {
    const token = typed.tokens[index] ?? '';
    if (LOCATIVES.has(token)) return true;
    if (!/^(?:DET|ADJ|NUM)$/.test(typed.pos[index] ?? '')) return false;
  }
  return false;
}

/** Absolute dates and written figures say more than "this month" or "Wednesday". */
function specificity(span: TypedSpan): number {
  if (span.kind === 'date' || span.kind === 'time')
    return YEAR.test(span.text) || MONTH_OR_DAY.test(span.text) ? 1 : 0.6;
  return 1;
}

/**
 * Whether a name span holds two words or more of a name of the question ("Wilma Mankiller Barbie" for "who
 * criticised Mattel's Wilma Mankiller doll"): it names the question's subject, not its answer.
 */
function holdsQuestionName(spanWords: readonly string[], names: readonly (readonly string[])[], words = 2): boolean {
  return names.some((name) => name.filter((word) => spanWords.includes(word)).length >= words);
}

/** Words that make a figure a possibility rather than a fact ("faces up to 50 years", "could cost $1bn"). */
const HEDGES = new Set([
  'could',
  'would',
  'might',
  'faces',
  'face',
  'facing',
  'potential',
  'potentially',
  'possible',
  'maximum',
]);
/** How far before a span a hedge still governs it, within its clause. */
const HEDGE_WINDOW = 4;

/** Words that put a figure in the future ("will not pitch in 2024"): no answer to what happened. */
const FUTURE = new Set(['will', "'ll", 'wo']);

/** Whether a hedge (or another of `words`) stands shortly before the span in its clause. */
function hedged(tokens: readonly string[], span: TypedSpan, words: ReadonlySet<string> = HEDGES): boolean {
  for (let index = span.start - 1; index >= Math.max(0, span.start - HEDGE_WINDOW); index -= 1) {
    const token = tokens[index] ?? '';
    if (/^[,;:—–(]$/.test(token)) return false;
    if (words.has(token)) return !(token === 'would' && reportedBefore(tokens, index));
  }
  return false;
}

/** "said the deal would cost": after a verb of saying, "would" is the reported "will", not a hedge. */
function reportedBefore(tokens: readonly string[], index: number): boolean {
  for (let before = index - 1; before >= Math.max(0, index - REPORTED_WINDOW); before -= 1)
    if (REPORTING.test(tokens[before] ?? '')) return true;
  return false;
}
const REPORTED_WINDOW = 6;

const PAST_AUXILIARIES = new Set(['did', 'was', 'were', 'had']);

/** Whether a question asks what happened ("when did", "how many were"). */
export function asksPast(questionTokens: readonly string[]): boolean {
  return questionTokens.some((token) => PAST_AUXILIARIES.has(token));
}

/** Whether a question asks what was or is, not what could be: it holds no hedge itself. */
export function asksFact(questionTokens: readonly string[]): boolean {
  return !questionTokens.some((token) => HEDGES.has(token) || token === 'up');
}

/**
 * Whether a span holds every content word of the question but its names (two or more), each as a
 * stem or as a word's dictionary form: "its profit fell" for "Why did Brightwater's profit fall?".
 */
function restatesQuestion(
  stems: readonly string[],
  lemmas: readonly (string | null)[],
  span: TypedSpan,
  reading: QuestionReading,
): boolean {
  const named = new Set(reading.names.flat().map(stemOf));
  const asked = [...reading.stems].filter((stem) => !named.has(stem));
  if (asked.length < 2) return false;
  const held = new Set([...stems.slice(span.start, span.end + 1), ...lemmas.slice(span.start, span.end + 1)]);
  return asked.every((stem) => held.has(stem));
}

/** Whether every content word of the span is a question word: the question already holds it. */
function alreadyInQuestion(spanStems: readonly string[], questionStems: ReadonlySet<string>): boolean {
  const words = spanStems.filter((stem) => /[\p{L}\p{N}]/u.test(stem));
  return words.length > 0 && words.every((stem) => questionStems.has(stem));
}

/** The rarity-weighted share of question words near the span, each counting less with distance. */
function proximityOf(
  stems: readonly string[],
  lemmas: readonly (string | null)[],
  span: TypedSpan,
  reading: QuestionReading,
  headlineStems: ReadonlySet<string>,
): { proximity: number; ownProximity: number } {
  let total = 0;
  let near = 0;
  let fromHeadline = 0;
  for (const [stem, rarity] of reading.weights) {
    const weight = stem === reading.focus ? rarity * FOCUS_WEIGHT : rarity;
    total += weight;
    let closest = Number.POSITIVE_INFINITY;
    stems.forEach((token, index) => {
      if (!(sameWordFamily(token, stem) || lemmas[index] === stem) || (index >= span.start && index <= span.end))
        return;
      closest = Math.min(closest, index < span.start ? span.start - index : index - span.end);
    });
    if (Number.isFinite(closest)) near += weight / (1 + (closest - 1) / HALF_WEIGHT_DISTANCE);
    // The article's subject, named in its headline, is what its sentences speak of without naming
    // it ("a ground that dates to 1910" in a piece about Old Trafford): it stands a clause away.
    else if (headlineStems.has(stem)) fromHeadline += weight / (1 + (HEADLINE_DISTANCE - 1) / HALF_WEIGHT_DISTANCE);
  }
  if (total === 0) return { proximity: 0, ownProximity: 0 };
  return { proximity: (near + fromHeadline) / total, ownProximity: near / total };
}

/**
 * Stems of one word family ("direct" / "director", "testimoni" / "testifi"): equal, sharing their
 * first five letters, or a verb and the noun of who does it ("own" / "owner", "lead" / "leader").
 */
function sameWordFamily(a: string, b: string): boolean {
  if (a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5))) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long === `${short}er` || long === `${short}or`);
}

/** Units of length, which also give a size ("a 9450-square-foot penthouse", "30,000 square feet"). */
const LENGTH_UNITS = [
  'feet',
  'foot',
  'ft',
  'metres',
  'meters',
  'metre',
  'meter',
  'inches',
  'inch',
  ...['milli', 'centi', 'micro', 'nano'].flatMap((prefix) =>
    ['metre', 'metres', 'meter', 'meters'].map((unit) => prefix + unit),
  ),
  'microns',
  'micron',
  'nm',
];

/** The units each measure is given in. */
const MEASURE_UNITS: Record<Measure, ReadonlySet<string>> = {
  size: new Set([
    ...LENGTH_UNITS,
    'square',
    'sq',
    'acre',
    'acres',
    'hectare',
    'hectares',
    'gb',
    'tb',
    'seats',
    'seater',
    'rooms',
    'bedrooms',
    'storeys',
    'stories',
    // "a swing of 24 points", "a 12-point lead".
    'points',
    'point',
  ]),
  length: new Set([
    ...LENGTH_UNITS,
    'm',
    'km',
    'kilometres',
    'kilometers',
    'miles',
    'mile',
    'yards',
    'yard',
    'cm',
    'mm',
  ]),
  weight: new Set([
    'pounds',
    'pound',
    'lb',
    'lbs',
    'kg',
    'kilograms',
    'kilos',
    'grams',
    'g',
    'tons',
    'tonnes',
    'ton',
    'tonne',
    'ounces',
    'oz',
    'stone',
  ]),
  speed: new Set(['mph', 'kph', 'km/h', 'knots', 'miles', 'kilometres', 'kilometers']),
  age: new Set(['old']),
  rank: new Set(),
  score: new Set(),
  // A change is a share, a multiple or a sum, never a figure read by its unit.
  change: new Set(),
};

/** Units a quantity is measured in, whatever the measure ("140 millimetres of rain", "2 million barrels of oil"). */
const MEASURE_NOUNS: ReadonlySet<string> = new Set([
  ...Object.values(MEASURE_UNITS).flatMap((units) => [...units]),
  ...['litres', 'liters', 'gallons', 'barrels', 'cubic', 'millimetres', 'millimeters', 'centimetres', 'centimeters'],
  ...['megawatts', 'gigawatts', 'kilowatts', 'bags', 'bottles', 'doses', 'pieces', 'units', 'cases'],
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'our']);

// "aged 78", "who turns 80 in November".
const AGE_BEFORE = /\b(?:aged|age\s+of|age|turns|turned|turning|turn)$/;

/** Where a unit of the asked measure follows the span (past hyphens, within UNIT_WINDOW tokens), or -1; an ordinal is a rank. */
function measureIndex(typed: TypedSentence, span: TypedSpan, measure: Measure): number {
  if (measure === 'rank') return span.kind === 'ordinal' ? span.end : -1;
  if (measure === 'score') return SCORE.test(span.text) ? span.end : -1;
  // "aged 78", "at the age of 78", as well as "78 years old" and "a 78-year-old".
  if (measure === 'age') {
    if (AGE_BEFORE.test(typed.tokens.slice(Math.max(0, span.start - 3), span.start).join(' '))) return span.end;
    // "She was 88.": an obituary's age, said alone after the person.
    if (
      span.start === span.end &&
      /^(?:was|is)$/.test(typed.tokens[span.start - 1] ?? '') &&
      /^(?:he|she)$/.test(typed.tokens[span.start - 2] ?? '') &&
      /^[.,;]$/.test(typed.tokens[span.end + 1] ?? '') &&
      /^\d{1,3}$/.test(span.text)
    )
      return span.end;
    // "Bill Kenwright, 78, has died": a bare number set off after a name is the person's age.
    const { tokens, pos } = typed;
    // "The supermodel, 32, recently shared …": so too after the noun that names them.
    const named =
      pos[span.start - 2] === 'PROPN' ||
      (pos[span.start - 2] === 'NOUN' && DETERMINERS.has(tokens[span.start - 3] ?? '') && /^\d{1,3}$/.test(span.text));
    if (span.start === span.end && tokens[span.start - 1] === ',' && named && tokens[span.end + 1] === ',')
      return span.end;
  }
  const units = MEASURE_UNITS[measure];
  for (let index = span.start; index <= Math.min(typed.tokens.length - 1, span.end + UNIT_WINDOW); index += 1) {
    if (!units.has(typed.tokens[index] ?? '')) continue;
    // "square feet": the unit's last word.
    let last = index;
    while (units.has(typed.tokens[last + 1] ?? '')) last += 1;
    return last;
  }
  return -1;
}

/** Where the unit asked about follows the span (within UNIT_WINDOW tokens), or -1. */
function unitIndex(stems: readonly string[], span: TypedSpan, unit: string): number {
  // "65 all-women teams", "8,500 U.S.-stationed service members": a hyphenated word counts as one.
  let words = 0;
  for (let index = span.start; index < stems.length && words <= span.end - span.start + UNIT_WINDOW; index += 1) {
    if (stems[index] === unit) return index;
    if (stems[index] !== '-' && stems[index + 1] !== '-') words += 1;
  }
  return -1;
}

/**
 * The quotation of a sentence that is the asked-about person's words, with how much of what the
 * question asks about (its words other than the speaker's name) it and its sentence hold. Unlike a
 * figure or a name, a quotation answers with its content, so the question's words count inside it;
 * words found only in the sentences just before it (which often say what it is about) count half.
 */
function quotationSpan(
  typed: TypedSentence,
  stems: readonly string[],
  reading: QuestionReading,
  context: QuoteContext,
): AnswerSpan | undefined {
  // "a song titled “The Ballad of Travis Kelce”": a title in quotation marks is nobody's words.
  const marked = typed.spans.filter((span) => span.kind === 'quotation' || span.kind === 'label');
  // "What did she call the tackle?": a word or two in quotation marks is what someone called it.
  const asksLabel = CALLING_STEMS.some((stem) => reading.stems.has(stem));
  // A word or two in quotation marks is what someone called something only after a verb of calling
  // ("lauded the deal as a “global first”"), not wherever it stands ("even though “walled garden” rival").
  const calledAs = asksLabel
    ? marked.find((span) => span.kind === 'label' && !readsAsTitle(span.text) && callsBefore(typed.tokens, span.start))
    : undefined;
  const quotations = marked.filter((span) => span.kind === 'quotation' && !readsAsTitle(span.text));
  const quotation =
    calledAs ??
    quotations.reduce<TypedSpan | undefined>(
      (longest, span) => (!longest || span.end - span.start > longest.end - longest.start ? span : longest),
      undefined,
    );
  // "He warned that fares could rise": without quotation marks, the words reported after "that".
  const reported = quotation ? undefined : reportedClause(typed);
  const words = quotation ?? reported;
  if (!words) return undefined;
  const speaker = speakerWords(typed, reported ? [reported] : marked, reading.names, context.lastNamed);
  if (!speaker) return undefined;
  // The speaker's name says whose words these are, not what they are about: it neither counts nor is looked for.
  const own = [...new Set([...stems, ...context.stemsRunOn])];
  let total = 0;
  let found = 0;
  for (const [stem, rarity] of reading.weights) {
    if (speaker.has(stem)) continue;
    total += rarity;
    if (own.some((token) => sameWordFamily(token, stem))) found += rarity;
    else if (context.stemsBefore.has(stem)) found += WORD_BEFORE_WEIGHT * rarity;
  }
  const proximity = total > 0 ? found / total : 0.5;
  return {
    text: words.text,
    kind: words.kind,
    proximity,
    ownProximity: proximity,
    unitMatch: false,
    // Words in quotation marks are the speaker's own; a clause reported without "that" ("said he
    // spoke about it") as often tells what happened as what was said.
    fit: words.kind === 'reported' && typed.tokens[words.start - 1] !== 'that' ? BARE_REPORTED_FIT : 1,
  };
}

/** The stems with the word before `start` replaced by `stem`: an elided noun read in its place. */
function withWordBefore(stems: readonly string[], start: number, stem: string): string[] {
  const read = [...stems];
  if (start > 0) read[start - 1] = stem;
  return read;
}

/** Whether the token at `index` is one of the question's verbs (not its counted noun): "57 injured" for "how many people were injured". */
function countsAskedVerb(
  typed: TypedSentence,
  stems: readonly string[],
  index: number,
  reading: QuestionReading,
  unit: string,
): boolean {
  const stem = stems[index];
  return (
    stem !== undefined &&
    stem !== unit &&
    reading.stems.has(stem) &&
    /^(?:VERB|ADJ)$/.test(typed.pos[index] ?? '') &&
    !/^(?:and|or|of)$/.test(typed.tokens[index] ?? '')
  );
}

/** Verbs that report someone's words ("warned that …", "told reporters that …", "said the deal would …"). */
const REPORTING =
  /^(?:said|says|warned|warns|claimed|claims|added|argued|argues|admitted|admits|revealed|announced|insisted|insists|noted|stressed|explained|predicted|suggested|believes|believed|confirmed|told|tells|estimated|expected|promised|pledged|stated)$/;
/** Words that may stand between a reporting verb and its "that" ("told reporters on Tuesday that"). */
const REPORTED_GAP = 3;
/** What a clause reported without "that" fits as someone's words, against a quotation's 1. */
const BARE_REPORTED_FIT = 0.6;
/** Fewer words than this after "that" are no one's reported words. */
const MIN_REPORTED_WORDS = 4;

/** Words that open a reported clause whose "that" is left out ("said they would", "warned the ground was"). */
const OPENS_CLAUSE = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'the',
  'this',
  'there',
  'its',
  'his',
  'her',
  'their',
]);

/** Verbs that tell of a talk, not what was said in it ("said he spoke to her about it"). */
const TALK_VERBS = new Set(['spoke', 'spoken', 'talked', 'discussed', 'met', 'chatted', 'asked']);

/** Whether a name opens a clause at `from`: a run of proper nouns right before an auxiliary or a verb. */
function namedSubjectThenVerb(typed: TypedSentence, from: number): boolean {
  let at = from;
  while (typed.pos[at] === 'PROPN' && at < from + 3) at += 1;
  return at > from && /^(?:AUX|VERB)$/.test(typed.pos[at] ?? '') && tellsContent(typed, at);
}

/** Whether the words from `from` on are a clause (they hold a verb) that is not about a talk. */
function tellsContent(typed: TypedSentence, from: number): boolean {
  const verb = typed.pos.findIndex((tag, index) => index >= from && (tag === 'VERB' || tag === 'AUX'));
  return verb >= 0 && !TALK_VERBS.has(typed.tokens[verb] ?? '');
}

/** The clause of reported speech in a sentence ("He warned that fares could rise next spring"), if any. */
function reportedClause(typed: TypedSentence): TypedSpan | undefined {
  const { tokens } = typed;
  for (let verb = 1; verb < tokens.length; verb += 1) {
    if (!REPORTING.test(tokens[verb] ?? '')) continue;
    let that = -1;
    for (let at = verb + 1; at <= Math.min(tokens.length - 1, verb + 1 + REPORTED_GAP); at += 1) {
      if (tokens[at] === 'that') {
        that = at;
        break;
      }
      if (/^[,;:.—–"“”]$/.test(tokens[at] ?? '')) break;
    }
    // "said they welcomed the promise", "said the price was high": the "that" left out, before a subject.
    if (that < 0 && OPENS_CLAUSE.has(tokens[verb + 1] ?? '') && tellsContent(typed, verb + 2)) that = verb;
    // "said Ruiz had been his first choice": a name, then its verb.
    if (that < 0 && namedSubjectThenVerb(typed, verb + 1)) that = verb;
    if (that < 0) continue;
    let end = tokens.length - 1;
    while (end > that && /^[.!?,;:]$/.test(tokens[end] ?? '')) end -= 1;
    const words = tokens.slice(that + 1, end + 1).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
    if (words < MIN_REPORTED_WORDS) continue;
    return { kind: 'reported', text: typed.textBetween(that + 1, end), start: that + 1, end };
  }
  return undefined;
}

/** Stems of a question that asks what someone called something ("call", "dubbed", "described as"). */
const CALLING_STEMS = ['call', 'dub', 'describ', 'label', 'nicknam', 'brand', 'term'];
/** How far before a label its calling verb may stand ("called it a “monster tackle”", "as a “global first”"). */
const CALLING_WINDOW = 4;

/** Whether a verb of calling, or "as", stands shortly before a label. */
function callsBefore(tokens: readonly string[], start: number): boolean {
  for (let index = start - 1; index >= Math.max(0, start - CALLING_WINDOW); index -= 1) {
    const token = tokens[index] ?? '';
    if (token === 'as' || CALLING_STEMS.some((stem) => stemOf(token) === stem)) return true;
  }
  return false;
}

/** Longest title read as one (a song, a book, a show), in words. */
const TITLE_MAX_WORDS = 8;

/**
 * Whether a quotation reads as a title rather than someone's words: a few words, each longer one
 * capitalised ("Christmas Memories: Remixed & Remastered"), not ending as speech does ("Javelins in Kyiv!").
 */
function readsAsTitle(quotation: string): boolean {
  const words = quotation.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > TITLE_MAX_WORDS || /[.!?]\s*$/.test(quotation.trim())) return false;
  return words.every((word) => word.length < 4 || /^\p{Lu}/u.test(word)) && words.some((word) => /^\p{Lu}/u.test(word));
}

/**
 * The stems of the question's name that the sentence's quotation is attributed to, or undefined when
 * it is not the words of anyone the question names. A quotation is a named person's when the
 * sentence names them outside it; or attributes it ("he said"), or is nothing but a quotation (a
 * paragraph that goes on quoting), and the person named last before it is them. A question that
 * names nobody accepts any quotation. Words in quotation marks name no speaker (the song "Silent Night").
 */
function speakerWords(
  typed: TypedSentence,
  quotations: readonly TypedSpan[],
  names: readonly (readonly string[])[],
  lastNamed: readonly string[],
): Set<string> | undefined {
  if (names.length === 0) return new Set();
  const inside = (index: number) => quotations.some((span) => index >= span.start && index <= span.end);
  const outside = typed.tokens.filter((token, index) => !inside(index) && /[\p{L}\p{N}]/u.test(token));
  const continues = outside.length === 0 || outside.some((token) => ATTRIBUTING_WORDS.has(token));
  const attributed = new Set([...outside, ...(continues ? lastNamed : [])]);
  // A name opened by a quotation mark is a title ("Silent Night"), however short.
  const quoted = (words: readonly string[]) => {
    const at = typed.tokens.indexOf(words[0] ?? '');
    return at > 0 && OPENING_QUOTES.has(typed.tokens[at - 1] ?? '');
  };
  const speakers = names.filter((words) => !quoted(words) && words.some((word) => attributed.has(word)));
  if (speakers.length === 0) return undefined;
  return new Set(speakers.flat().map(stemOf));
}

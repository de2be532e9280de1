import type { ItemEntity } from 'wink-nlp';
import { isChangeVerb } from './change-verbs.js';
import { its, english as nlp } from './english-model.js';

/** What a span of a sentence is: the kinds of answer a question can ask for. */
export type SpanKind =
  | 'money'
  | 'percent'
  | 'number'
  | 'date'
  | 'time'
  | 'duration'
  | 'ordinal'
  | 'fraction'
  | 'name'
  | 'quotation'
  | 'label'
  | 'reported'
  | 'reason';

/** A typed stretch of a sentence: its text and its first and last token. */
export interface TypedSpan {
  kind: SpanKind;
  text: string;
  start: number;
  end: number;
}

/** A sentence read into tokens and typed spans. */
export interface TypedSentence {
  /** Lower-cased token texts, in order. */
  tokens: string[];
  /** Each token's universal part-of-speech tag ("NOUN", "NUM", "PROPN", ...). */
  pos: string[];
  spans: TypedSpan[];
  /** The sentence's text from one token to another, as written. */
  textBetween(start: number, end: number): string;
}

const ENTITY_KINDS: Record<string, SpanKind> = {
  MONEY: 'money',
  PERCENT: 'percent',
  CARDINAL: 'number',
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
  ORDINAL: 'ordinal',
};

/** Words that join proper nouns into one name ("Cohen & Gresser", "Bank of America"). */
const NAME_JOINERS = new Set(['&', 'of', 'de']);
/** Particles inside a family name ("Mickey van de Ven", "Ursula von der Leyen", "Luis de la Fuente"). */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'du',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'ibn',
  'la',
  'le',
]);
/** Words that name a share ("a third of", "half of", "two-thirds"), and the counts before them. */
const FRACTIONS = new Set([
  'half',
  'third',
  'thirds',
  'quarter',
  'quarters',
  'fifth',
  'fifths',
  'two-thirds',
  'three-quarters',
]);
const COUNT_WORDS = new Set(['a', 'one', 'two', 'three', 'four']);
/** Share words that are ordinals too. */
const ORDINAL_FRACTIONS = new Set(['third', 'fifth']);
/** Words before "half" or "quarter" that make it a period ("third-quarter", "the second half"). */
const PERIOD_BEFORE = /^(?:first|second|third|fourth|final|last|next|previous)$/;
/** Verbs that say by how much something changed as a multiple ("doubled", "halved", "tripled"). */
const MULTIPLE_VERBS = new Set(['doubled', 'tripled', 'trebled', 'quadrupled', 'halved']);
/** Hedges before a multiple that belong to the answer ("more than doubled", "nearly tripled"). */
const MULTIPLE_HEDGES = new Set(['nearly', 'almost', 'roughly', 'about', 'more than', 'less than']);
const TIME_UNITS = new Set(
  ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade'].flatMap((unit) => [unit, `${unit}s`]),
);
/** Opening and closing quotation marks. */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '"', '‘']);
const CLOSING_QUOTES = new Set(['”', '"', '’']);
/** A quotation shorter than this many words is a scare quote ("tumultuous"), not someone's words. */
const MIN_QUOTATION_WORDS = 3;
/**
 * Words that introduce a cause: the reason is the clause they open. These are English's causal
 * connectives, not topics.
 */
const CAUSE_CUES = new Set([
  'because',
  'for',
  'due',
  'since',
  'after',
  'amid',
  'over',
  'so',
  'reference',
  'thanks',
  'result',
  'order',
  'citing',
  'following',
  'response',
  'bid',
  'effort',
  'aimed',
  'designed',
  'intended',
  'given',
  'driven',
  'fueled',
  'fuelled',
  'caused',
  'prompted',
  'sparked',
  'stemming',
  'stems',
  'blamed',
  'attributed',
]);
const CAUSE_FOLLOWERS: Record<string, ReadonlySet<string>> = {
  due: new Set(['to']),
  thanks: new Set(['to']),
  so: new Set(['that']),
  reference: new Set(['to']),
  result: new Set(['of']),
  order: new Set(['to']),
  response: new Set(['to']),
  bid: new Set(['to']),
  effort: new Set(['to']),
  aimed: new Set(['at', 'to']),
  designed: new Set(['to']),
  intended: new Set(['to']),
  given: new Set(['that']),
  driven: new Set(['by']),
  fueled: new Set(['by']),
  fuelled: new Set(['by']),
  caused: new Set(['by']),
  prompted: new Set(['by']),
  sparked: new Set(['by']),
  stemming: new Set(['from']),
  stems: new Set(['from']),
  blamed: new Set(['on']),
  attributed: new Set(['to']),
};

/** Currency nouns written after a figure that wink-eng-lite does not read as money. */
const CURRENCY_NOUNS: ReadonlySet<string> = new Set([
  ...['kronor', 'krona', 'kroner', 'kronur', 'yuan', 'renminbi', 'roubles', 'rubles', 'rouble', 'ruble'],
  ...['francs', 'pesos', 'reais', 'rand', 'lira', 'liras', 'shekels', 'dirhams', 'riyals', 'rials'],
  ...['ringgit', 'baht', 'zloty', 'zlotys', 'forint', 'dinars', 'rupiah', 'naira', 'shillings', 'hryvnias'],
  ...['euros', 'dollars', 'rupees', 'yen', 'pence', 'cents'],
]);

/** Read a sentence into tokens and its typed spans: entities, numbers, names, quotations and causes. */
export function typedSpans(sentence: string): TypedSentence {
  // "$US27.6 million": the tokenizer reads the code written after the sign as a word ("us27"); written
  // before it ("US$27.6") the sum is read whole, and the span is given back as the article wrote it.
  const codeAfterSign = CODE_AFTER_SIGN.test(sentence) && !CODE_BEFORE_SIGN.test(sentence);
  const doc = nlp.readDoc(codeAfterSign ? sentence.replace(new RegExp(CODE_AFTER_SIGN, 'g'), '$1$$') : sentence);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const textOf = (start: number, end: number) => {
    let text = '';
    for (let index = start; index <= end; index += 1)
      text += (index > start ? (spaces[index] ?? '') : '') + values[index];
    return codeAfterSign ? text.replace(new RegExp(CODE_BEFORE_SIGN, 'g'), '$$$1') : text;
  };
  const spans: TypedSpan[] = [];
  const covered = new Set<number>();
  doc.entities().each((entity: ItemEntity) => {
    const kind = ENTITY_KINDS[entity.out(its.type) as string];
    const [start, end] = entity.out(its.span) as unknown as [number, number];
    if (!kind) return;
    if (kind === 'number' && gluedToWord(values[end + 1], spaces[end + 1])) return;
    // "some $" (before "$2 billion"): a sum or a share without its figure is no answer.
    if ((kind === 'money' || kind === 'percent') && !pos.slice(start, end + 1).includes('NUM')) return;
    // "$" and "US$" precede the entity wink reads as a plain number.
    const currency = start > 0 && /^(?:US|A|C|NZ|HK)?[$€£¥]$|^(?:US|A)\$$/.test(values[start - 1] ?? '');
    let first = currency ? start - 1 : start;
    let last = end;
    // "two-and-a-half years", "a year and a half": the recogniser tags only the unit.
    if (kind === 'duration') [first, last] = withSpelledCount(values, pos, first, end);
    spans.push({ kind: currency ? 'money' : kind, text: textOf(first, last), start: first, end: last });
    for (let index = first; index <= last; index += 1) covered.add(index);
    // "10,353 days ago" is a date, and says how long ago too.
    if (
      kind === 'date' &&
      end > first + 1 &&
      values[end]?.toLowerCase() === 'ago' &&
      TIME_UNITS.has(values[end - 1]?.toLowerCase() ?? '')
    ) {
      spans.push({ kind: 'duration', text: textOf(first, end - 1), start: first, end: end - 1 });
    }
  });
  for (let index = 0; index < values.length; index += 1) {
    // "a third", "two-thirds", "half": a share said in words.
    const word = (values[index] ?? '').toLowerCase();
    const before = (values[index - 1] ?? '').toLowerCase();
    // "third-quarter profit", "the first half": a part of a year or a game, not a share.
    // "the third game" is an ordinal: "third" and "fifth" are shares after a count ("a third") or before "of".
    const ordinal =
      ORDINAL_FRACTIONS.has(word) && !COUNT_WORDS.has(before) && values[index + 1]?.toLowerCase() !== 'of';
    const periodWord = before === '-' ? (values[index - 2] ?? '').toLowerCase() : before;
    if (FRACTIONS.has(word) && !PERIOD_BEFORE.test(periodWord) && !ordinal && values[index + 1] !== '-') {
      const start = COUNT_WORDS.has(before) ? index - 1 : COUNT_WORDS.has(periodWord) ? index - 2 : index;
      spans.push({ kind: 'fraction', text: textOf(start, index), start, end: index });
    }
    // "more than doubled its share price", "a threefold rise": a change told as a multiple is a share too.
    const multipleVerb =
      MULTIPLE_VERBS.has(word) && pos[index] === 'VERB' && (values[index + 1] ?? '').toLowerCase() !== 'down';
    if (multipleVerb || /^\p{L}+fold$/u.test(word)) {
      const twoBefore = `${(values[index - 2] ?? '').toLowerCase()} ${before}`;
      const start = MULTIPLE_HEDGES.has(twoBefore) ? index - 2 : MULTIPLE_HEDGES.has(before) ? index - 1 : index;
      spans.push({ kind: 'fraction', text: textOf(start, index), start, end: index });
    }
    // Numbers the recogniser left out ("21:29", "80,065" after a word it read otherwise).
    if (
      pos[index] === 'NUM' &&
      !covered.has(index) &&
      /\d/.test(values[index] ?? '') &&
      !gluedToWord(values[index + 1], spaces[index + 1])
    ) {
      spans.push({ kind: 'number', text: values[index] ?? '', start: index, end: index });
    }
  }
  for (const long of longSpanSpans(values, pos, covered, textOf)) {
    // "three millennia" is one length of time, not the count "three" beside it.
    for (let at = spans.length - 1; at >= 0; at -= 1) {
      const inner = spans[at];
      if (
        inner &&
        (inner.kind === 'number' || inner.kind === 'fraction') &&
        inner.start >= long.start &&
        inner.end <= long.end
      )
        spans.splice(at, 1);
    }
    spans.push(long);
  }
  for (const span of spans) {
    if (span.kind !== 'number') continue;
    // "16¢": the cent sign follows its figure, which wink reads as a plain number.
    if (values[span.end + 1] === '¢' && spaces[span.end + 1] === '') {
      span.kind = 'money';
      span.end += 1;
      span.text = textOf(span.start, span.end);
      continue;
    }
    // "38 Swedish kronor", "5 Hong Kong dollars", "2 billion yuan": currencies the recogniser does
    // not know, after their country's name or none.
    let unitAt = span.end + 1;
    while (pos[unitAt] === 'PROPN' && unitAt < span.end + 3) unitAt += 1;
    if (CURRENCY_NOUNS.has((values[unitAt] ?? '').toLowerCase())) {
      span.kind = 'money';
      span.end = unitAt;
      span.text = textOf(span.start, span.end);
    }
  }
  joinVulgarFractions(spans, values, spaces, textOf);
  joinRanges(spans, values, textOf);
  spans.push(
    ...nameSpans(values, pos, spaces, textOf),
    ...quotationSpans(values, textOf),
    ...causeSpans(values, pos, textOf),
  );
  return { tokens: values.map((value) => value.toLowerCase()), pos, spans, textBetween: textOf };
}

/** Units written glued to their figure ("100mph", "5km", "10am", "2nd"); a figure glued to any other word is part of it ("49ers"). */
const GLUED_UNITS =
  /^(?:k|m|b|bn|mn|tn|mm|cm|km|mi|ft|in|g|kg|lb|lbs|oz|mph|kph|kmh|ml|l|gb|tb|mb|kb|mw|gw|kw|kwh|hz|mhz|ghz|am|pm|st|nd|rd|th|s|ms|h|hr|hrs|min|mins|yr|yrs|x|p|fps|c|f|d|w|v)$/i;

function gluedToWord(next: string | undefined, space: string | undefined): boolean {
  return space === '' && next !== undefined && /^\p{L}+$/u.test(next) && !GLUED_UNITS.test(next);
}

/** Fractions written as one character ("2½ million"), which the tokenizer splits from their whole number. */
const VULGAR_FRACTIONS = /^[½⅓⅔¼¾⅕⅛]$/;

/** "2½ million": a number, the fraction glyph glued to it and the number after it are one figure. */
function joinVulgarFractions(
  spans: TypedSpan[],
  values: string[],
  spaces: string[],
  textOf: (start: number, end: number) => string,
): void {
  for (const whole of spans) {
    const glyph = whole.end + 1;
    if (whole.kind !== 'number' || !VULGAR_FRACTIONS.test(values[glyph] ?? '') || spaces[glyph] !== '') continue;
    whole.end = glyph;
    absorbSpanAt(spans, whole, glyph + 1, textOf);
  }
}

/** "$500–$600 million", "10 to 12": a range of figures is one answer, not its two ends. */
function joinRanges(spans: TypedSpan[], values: string[], textOf: (start: number, end: number) => string): void {
  const joined = new Set<TypedSpan>();
  for (const low of spans) {
    if (low.kind !== 'money' && low.kind !== 'number') continue;
    // "rose from 10 to 12" is a change, not a range.
    if (!/^(?:–|-|to)$/.test(values[low.end + 1] ?? '') || /^from$/i.test(values[low.start - 1] ?? '')) continue;
    // "rose $3 million to $50 million": by how much, then where it ended.
    if (low.kind === 'money' && values[low.end + 1] === 'to' && changedBy(values, low.start)) continue;
    if (spans.some((span) => span.start === low.end + 2 && (span.kind === 'money' || span.kind === 'number')))
      absorbSpanAt(spans, low, low.end + 2, textOf);
    // "two to three years": the length of time starts at the range's low end.
    const duration = spans.find((span) => span.kind === 'duration' && span.start === low.end + 2);
    if (duration) {
      duration.start = low.start;
      duration.text = textOf(duration.start, duration.end);
      joined.add(low);
    }
  }
  for (const low of joined) spans.splice(spans.indexOf(low), 1);
}

/** Whether a verb of change ("rose", "fell by") stands right before a figure. */
function changedBy(values: readonly string[], start: number): boolean {
  const before = values[start - 1] ?? '';
  return isChangeVerb(/^by$/i.test(before) ? (values[start - 2] ?? '') : before);
}

/**
 * Extend a figure over the money or number span that starts at `start` (removing that span), a sum
 * if either is one; a figure with none there keeps its end and gets its text.
 */
function absorbSpanAt(
  spans: TypedSpan[],
  figure: TypedSpan,
  start: number,
  textOf: (start: number, end: number) => string,
): void {
  const index = spans.findIndex(
    (span) => span !== figure && span.start === start && (span.kind === 'money' || span.kind === 'number'),
  );
  const next = spans[index];
  if (next) {
    if (next.kind === 'money') figure.kind = 'money';
    figure.end = next.end;
    spans.splice(index, 1);
  }
  figure.text = textOf(figure.start, figure.end);
}

const CODE_AFTER_SIGN = /\$(US|A|C|NZ|HK|S)(?=\d)/;
const CODE_BEFORE_SIGN = /\b(US|A|C|NZ|HK|S)\$(?=\d)/;

/** Words of a count said around a unit of time ("two-and-a-half", "a", "and a half"). */
const COUNT_PARTS = new Set(['-', 'and', 'a', 'an', 'half', 'quarter', 'few', 'several', 'couple', 'of']);
const COUNTS_SOMETHING = new Set(['a', 'an', 'half', 'few', 'several', 'couple']);

/** A duration's span widened to the count the recogniser left out: back over its words, on over "and a half". */
function withSpelledCount(values: string[], pos: string[], start: number, end: number): [number, number] {
  // "fourteen Earth days", "ten working days": one word may stand between the count and its unit.
  const modified = start > 1 && MODIFIER_TAGS.has(pos[start - 1] ?? '') && pos[start - 2] === 'NUM';
  let first = modified ? start - 1 : start;
  while (first > 0 && (pos[first - 1] === 'NUM' || COUNT_PARTS.has((values[first - 1] ?? '').toLowerCase())))
    first -= 1;
  while (first < start && /^(?:-|and|of)$/i.test(values[first] ?? '')) first += 1;
  const lead = values.slice(first, start).map((value) => value.toLowerCase());
  const counted = lead.some((value, index) => pos[first + index] === 'NUM' || COUNTS_SOMETHING.has(value));
  let last = end;
  if (
    /^and$/i.test(values[end + 1] ?? '') &&
    /^an?$/i.test(values[end + 2] ?? '') &&
    /^half$/i.test(values[end + 3] ?? '')
  )
    last = end + 3;
  return [counted ? first : start, last];
}

const MODIFIER_TAGS: ReadonlySet<string> = new Set(['ADJ', 'PROPN', 'NOUN', 'VERB']);

/** Units of time the recogniser does not know ("a fortnight", "half a century", "three millennia"). */
const LONG_UNITS = /^(?:fortnights?|century|centuries|millennium|millennia)$/i;

/** A length of time counted in a unit the recogniser does not know, read only with its count. */
function longSpanSpans(
  values: string[],
  pos: string[],
  covered: Set<number>,
  textOf: (start: number, end: number) => string,
): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (let index = 0; index < values.length; index += 1) {
    if (covered.has(index) || !LONG_UNITS.test(values[index] ?? '')) continue;
    const [first, last] = withSpelledCount(values, pos, index, index);
    // "the 20th century", "centuries-old": without a count it says when or what, not how long.
    if (first === index) continue;
    spans.push({ kind: 'duration', text: textOf(first, last), start: first, end: last });
  }
  return spans;
}

/** Runs of proper nouns, joined across "&", "of" and "de" when a proper noun follows. */
function nameSpans(
  values: string[],
  pos: string[],
  spaces: string[],
  textOf: (start: number, end: number) => string,
): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0) spans.push({ kind: 'name', text: textOf(start, end), start, end });
    start = -1;
  };
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? '';
    // "Inter Miami", "Real Madrid": a capitalised word inside the sentence, before a proper noun, is
    // the name's first word whatever the tagger read it as.
    // "Alice Springs": a capitalised word inside the sentence, right after a name's word, goes on with it.
    const insideSentence = index > 0 && /^\p{L}+$/u.test(value) && !/^[.!?:"“‘(]$/.test(values[index - 1] ?? '');
    const isName =
      /^\p{Lu}/u.test(value) &&
      (pos[index] === 'PROPN' || (insideSentence && (pos[index + 1] === 'PROPN' || start >= 0)));
    if (isName) {
      if (start < 0) start = index;
      continue;
    }
    // "Bankman-Fried": the tokenizer splits a hyphenated name.
    const hyphenated = value === '-' && spaces[index] === '' && spaces[index + 1] === '' && pos[index + 1] === 'PROPN';
    if (start >= 0 && hyphenated) continue;
    const joins = start >= 0 && NAME_JOINERS.has(value.toLowerCase()) && pos[index + 1] === 'PROPN';
    if (joins) continue;
    // Lower-case particles between a given name and the rest of the family name join them.
    let after = index;
    while (start >= 0 && NAME_PARTICLES.has(values[after] ?? '')) after += 1;
    if (after > index && /^\p{Lu}/u.test(values[after] ?? '') && pos[after] === 'PROPN') {
      index = after - 1;
      continue;
    }
    close(index - 1);
  }
  close(values.length - 1);
  return spans;
}

/** Text between quotation marks, of MIN_QUOTATION_WORDS words or more. */
function quotationSpans(values: string[], textOf: (start: number, end: number) => string): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open = -1;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? '';
    if (open < 0 && OPENING_QUOTES.has(value)) {
      open = index;
    } else if (open >= 0 && CLOSING_QUOTES.has(value)) {
      const words = values.slice(open + 1, index).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
      // A word or two in quotation marks ("a “global first”") is a label: what someone called something.
      if (words > 0)
        spans.push({
          kind: words >= MIN_QUOTATION_WORDS ? 'quotation' : 'label',
          text: textOf(open + 1, index - 1),
          start: open + 1,
          end: index - 1,
        });
      open = -1;
    }
  }
  // A quotation that runs on past the sentence's end (it continues in the next one).
  if (open >= 0 && values.length - open > MIN_QUOTATION_WORDS + 1) {
    spans.push({
      kind: 'quotation',
      text: textOf(open + 1, values.length - 1),
      start: open + 1,
      end: values.length - 1,
    });
  }
  return spans;
}

/** Words after "over" (and its article) that make it a stretch of time: "over the past year", "over the weekend". */
const OVER_TIME =
  /^(?:past|last|next|coming|weekend|years?|decades?|months?|weeks?|days?|summer|winter|spring|autumn|holidays?|course|period|centur(?:y|ies)|time)$/i;

/**
 * Whether "over" opens a cause ("a strike over pay") rather than ending a phrasal verb ("tipped
 * over on touchdown"), giving an amount ("over 100 people") or a stretch of time ("over the weekend").
 */
function overOpensCause(values: string[], pos: string[], index: number): boolean {
  const next = pos[index + 1];
  if (next === undefined || next === 'ADP' || next === 'PUNCT' || next === 'CCONJ' || next === 'NUM' || next === 'SYM')
    return false;
  const word = next === 'DET' ? values[index + 2] : values[index + 1];
  return !OVER_TIME.test(word ?? '');
}

/** How many words an apposition set off by commas may run to ("the sitting MP, Sir Geoffrey Lyle, resigned"). */
const APPOSITION_WORDS = 7;

/** Where a clause that starts at `start` ends: before the next comma, stop or closing mark. */
function clauseEnd(values: readonly string[], start: number): number {
  let end = start;
  while (end + 1 < values.length && !/^[,;.!?:)”"]$/.test(values[end + 1] ?? '')) end += 1;
  return end;
}

/** The clause a causal connective opens ("because it doesn't have a blood oxygen sensor"), to the next comma or stop. */
function causeSpans(values: string[], pos: string[], textOf: (start: number, end: number) => string): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const cue = (values[index] ?? '').toLowerCase();
    if (!CAUSE_CUES.has(cue)) continue;
    // "It wasn't because I wanted …": a cause denied is not the reason.
    if (/^(?:not|n['’]t|never)$/i.test(values[index - 1] ?? '')) continue;
    if (cue === 'over' && !overOpensCause(values, pos, index)) continue;
    // "sent to the stands for protesting", "jailed for stealing": "for" before a gerund gives the cause.
    // ("Thank you for signing up" thanks; it gives no reason.)
    if (
      cue === 'for' &&
      !(
        pos[index + 1] === 'VERB' &&
        /ing$/i.test(values[index + 1] ?? '') &&
        !/^(?:you|thanks)$/i.test(values[index - 1] ?? '')
      )
    )
      continue;
    const follower = CAUSE_FOLLOWERS[cue];
    let start = index + 1;
    if (follower) {
      if (!follower.has((values[start] ?? '').toLowerCase())) continue;
      start += 1;
    }
    let end = clauseEnd(values, start);
    // "after the sitting MP, Sir Geoffrey Lyle, resigned in September": a subject and its apposition
    // still wait for their verb, so the cause runs on past the commas around the apposition.
    const close = values.indexOf(',', end + 2);
    if (
      values[end + 1] === ',' &&
      !pos.slice(start, end + 1).some((tag) => tag === 'VERB' || tag === 'AUX') &&
      close > 0 &&
      close - end <= APPOSITION_WORDS &&
      /^(?:VERB|AUX)$/.test(pos[close + 1] ?? '')
    )
      end = clauseEnd(values, close + 1);
    if (end - start >= 1) spans.push({ kind: 'reason', text: textOf(start, end), start, end });
  }
  return spans;
}

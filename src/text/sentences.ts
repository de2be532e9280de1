import { isGivenName } from './person-names.js';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A sentence of a text with its character offsets (leading and trailing white space excluded). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Where a sentence ends without the space before the next ("by mistake.WHAT DISCOVERY WON"):
 * scraped text loses the break between a paragraph and the heading after it. Two lower-case
 * letters before the stop keep "U.S.Army", "e.g.The" and "Mr.Smith" whole.
 */
const GLUED_SENTENCE_END = /(?<=\p{Ll}\p{Ll}[.!?]["'”’)\]]*)(?=\p{Lu})/gu;

/**
 * Titles that never end a sentence. The platform's sentence rules (ICU without its suppression
 * lists, which V8 does not offer) break after every "Mr." and "No.": "He ranked No." / "22 Utah
 * ahead of Mr." / "Smith …". Ambiguous ones ("U.S.", "Inc.", "a.m.") can end a sentence and are
 * left to those rules.
 */
const TITLE_BEFORE_NAME =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Ft|No|Nos|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Fr|Msgr|Hon|Supt|vs)\.\s*$/;

/**
 * A middle initial ("John F. Kennedy", "Michael B. Jordan"): a given name, then one capital and a
 * stop, never ends a sentence. "drawn in Group B. The…" and "moved to the U.S. The…" still do.
 */
const MIDDLE_INITIAL_END = /(?:^|\s)(\p{Lu}[\p{Ll}'’-]+)\s+\p{Lu}\.\s*$/u;

function endsInMiddleInitial(segment: string): boolean {
  const given = MIDDLE_INITIAL_END.exec(segment)?.[1];
  return given !== undefined && isGivenName(given);
}

/**
 * A month written short before the day ("on Saturday, Nov. 4"): the platform's rules end a
 * sentence after "Nov.", so a segment that ends so is joined to the next when that opens with a
 * number. "The deal closed in Nov. The next…" still ends there.
 */
const MONTH_ABBREVIATION_END = /(?:^|[\s(,])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

/**
 * A quotation is kept in one sentence ("“We were bulletproof last year. We aren't this year,” he
 * said.") when it closes within this length and within its paragraph. One that does not is a stray
 * mark, or a quotation that goes on in the next paragraph as news style writes it, and is split as
 * any text is.
 */
const MAX_QUOTED_SENTENCE_CHARS = 600;

/** Whether a double quotation mark opened in the text is still open at its end. */
function quotationOpen(text: string): boolean {
  const opening = text.match(/“/g)?.length ?? 0;
  const closing = text.match(/”/g)?.length ?? 0;
  if (opening !== closing) return opening > closing;
  return (text.match(/"/g)?.length ?? 0) % 2 === 1;
}

interface Segment {
  segment: string;
  index: number;
}

/** The platform's sentence segments, with those that end in a title joined to the next. */
function titleJoinedSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let open: Segment | undefined;
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const joined = open ? { segment: open.segment + segment, index: open.index } : { segment, index };
    open = undefined;
    // "“Really?” she asked.": the platform's rules end a sentence after "?" or "!" and a closing quotation mark.
    const previous = segments.at(-1);
    if (previous && /[!?]["”]\s*$/.test(previous.segment) && /^\p{Ll}/u.test(joined.segment)) {
      previous.segment += joined.segment;
      continue;
    }
    if (previous && MONTH_ABBREVIATION_END.test(previous.segment) && /^\d/.test(joined.segment)) {
      previous.segment += joined.segment;
      continue;
    }
    if (TITLE_BEFORE_NAME.test(joined.segment) || endsInMiddleInitial(joined.segment)) open = joined;
    else segments.push(joined);
  }
  if (open) segments.push(open);
  return segments;
}

/** Segments that end inside a quotation joined up to the one where it closes, if it closes in time. */
function sentenceSegments(text: string): Segment[] {
  const segments = titleJoinedSegments(text);
  const joined: Segment[] = [];
  for (let at = 0; at < segments.length; at += 1) {
    const first = segments[at] as Segment;
    let run = first.segment;
    let closesAt = -1;
    for (let next = at + 1; quotationOpen(run) && next < segments.length && !/\n\s*$/.test(run); next += 1) {
      run += (segments[next] as Segment).segment;
      if (run.length > MAX_QUOTED_SENTENCE_CHARS) break;
      if (!quotationOpen(run)) closesAt = next;
    }
    if (closesAt < 0) {
      joined.push(first);
      continue;
    }
    joined.push({
      segment: segments
        .slice(at, closesAt + 1)
        .map((part) => part.segment)
        .join(''),
      index: first.index,
    });
    at = closesAt;
  }
  return joined;
}

/** Split text into sentences with offsets, using the platform's Unicode sentence rules; a quotation is kept whole. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const { segment, index } of sentenceSegments(text)) {
    let from = 0;
    for (const cut of [...segment.matchAll(GLUED_SENTENCE_END)].map((match) => match.index)) {
      pushTrimmed(sentences, segment.slice(from, cut), index + from);
      from = cut;
    }
    pushTrimmed(sentences, segment.slice(from), index + from);
  }
  return sentences;
}

function pushTrimmed(sentences: SentenceSpan[], piece: string, offset: number): void {
  const trimmed = piece.trim();
  if (trimmed === '') return;
  const start = offset + piece.length - piece.trimStart().length;
  sentences.push({ text: trimmed, start, end: start + trimmed.length });
}

/**
 * Whether a sentence is prose that can be quoted: it ends as a sentence ends, is not all capitals
 * and holds no template placeholders. Headings, photo credits, promo-code tables and embedded
 * posts survive cleaning as "sentences" without a final stop ("Dave Clark (L) and Ryan Petersen
 * (R) Getty Images").
 */
export function readsAsProse(sentence: string): boolean {
  // "{{ #verifyErrors }}": a page template's placeholders, scraped along with a sign-up form.
  return /[.!?…]["'”’)\]]*$/u.test(sentence) && /\p{Ll}/u.test(sentence) && !/\{\{|\}\}/.test(sentence);
}

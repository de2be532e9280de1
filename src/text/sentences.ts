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
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Ft|No|Nos|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Hon|Supt|vs)\.\s*$/;

/** The platform's sentence segments, with those that end in a title joined to the next. */
function sentenceSegments(text: string): { segment: string; index: number }[] {
  const segments: { segment: string; index: number }[] = [];
  let open: { segment: string; index: number } | undefined;
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const joined = open ? { segment: open.segment + segment, index: open.index } : { segment, index };
    open = undefined;
    if (TITLE_BEFORE_NAME.test(joined.segment)) open = joined;
    else segments.push(joined);
  }
  if (open) segments.push(open);
  return segments;
}

/** Split text into sentences with offsets, using the platform's Unicode sentence rules. */
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

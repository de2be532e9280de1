import { createHash } from 'node:crypto';
import { splitSentences } from './sentences.js';
import { wordTokens } from './terms.js';

/**
 * A sentence an outlet uses in this many of a guild's articles is its boilerplate: a newsletter
 * prompt, a shopping-guide blurb, a sign-up form's text. Three, because two articles of a
 * developing story may well share a sentence of background.
 */
export const OUTLET_BOILERPLATE_ARTICLES = 3;
/** Shorter sentences are never quoted, so they are not counted. */
const MIN_COUNTED_WORDS = 4;
/**
 * A sentence is known by its first and by its last words: scraped sign-up forms glue the same
 * text to a newsletter's changing name ("Sign up to our free IndyArts newsletter … SIGN UP I would
 * like to be emailed about offers, events and updates from The Independent").
 */
const EDGE_WORDS = 12;

/** The guild id under which in-memory counts are kept. */
const IN_MEMORY = '';

/** Whether an outlet repeats this sentence across its articles (then it is never quoted). */
export type BoilerplateTest = (source: string | null, sentence: string) => boolean;

function fingerprint(guildId: string, source: string | null, edge: 'first' | 'last', words: string[]): bigint {
  return createHash('sha256')
    .update(`${guildId}\u0000${source ?? ''}\u0000${edge}\u0000${words.join(' ')}`)
    .digest()
    .readBigInt64BE(0);
}

/** The fingerprints of a sentence's first and last EDGE_WORDS words (one when those are the same words). */
export function sentenceFingerprints(guildId: string, source: string | null, sentence: string): bigint[] {
  const words = wordTokens(sentence.normalize('NFKC'));
  if (words.length < MIN_COUNTED_WORDS) return [];
  const first = fingerprint(guildId, source, 'first', words.slice(0, EDGE_WORDS));
  if (words.length <= EDGE_WORDS) return [first];
  return [first, fingerprint(guildId, source, 'last', words.slice(-EDGE_WORDS))];
}

/** The distinct fingerprints of an article body's sentences. */
export function bodyFingerprints(guildId: string, source: string | null, body: string): Set<bigint> {
  const fingerprints = new Set<bigint>();
  for (const sentence of splitSentences(body)) {
    for (const value of sentenceFingerprints(guildId, source, sentence.text)) fingerprints.add(value);
  }
  return fingerprints;
}

/** The same test over articles held in memory (the briefing benchmark profiles a corpus without a library). */
export function outletBoilerplateIn(articles: readonly { source: string | null; body: string }[]): BoilerplateTest {
  const counts = new Map<bigint, number>();
  for (const article of articles) {
    for (const value of bodyFingerprints(IN_MEMORY, article.source, article.body)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return (source, sentence) =>
    sentenceFingerprints(IN_MEMORY, source, sentence).some(
      (value) => (counts.get(value) ?? 0) >= OUTLET_BOILERPLATE_ARTICLES,
    );
}

/**
 * The text without the sentences the test marks as its outlet's boilerplate. The rest keeps its
 * paragraph breaks: a heading on a line of its own ("Merseyside derby") must not be glued to the
 * sentence after it when the text is split again.
 */
export function withoutBoilerplate(text: string, source: string | null, isBoilerplate: BoilerplateTest): string {
  let kept = '';
  let from = 0;
  for (const sentence of splitSentences(text)) {
    if (!isBoilerplate(source, sentence.text)) continue;
    kept += text.slice(from, sentence.start);
    from = sentence.end;
  }
  kept += text.slice(from);
  return kept
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

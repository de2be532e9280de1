import { isBylineOrDateline } from '../ingest/bylines.js';
import { opensWithLinkPrompt } from '../text/link-prompt.js';
import { readsAsProse, splitSentences } from '../text/sentences.js';
import { contentStems } from '../text/terms.js';
import { centroid, type ProfiledArticle, type TermVector, termCosine, termVector } from './story-profile.js';

const MIN_SENTENCE_WORDS = 8;
const MAX_SENTENCE_WORDS = 60;
/** Sentences this alike (shared stems) say the same thing. */
const SAME_SENTENCE_OVERLAP = 0.6;

/** A story's most central article: the one closest to the story's centre. */
export function centralArticle(story: readonly ProfiledArticle[], centre: TermVector): ProfiledArticle {
  let best = story[0] as ProfiledArticle;
  let bestScore = -1;
  for (const article of story) {
    const score = termCosine(article.terms, centre);
    if (score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return best;
}

/** The story's centre as a term vector. */
export function storyCentre(story: readonly ProfiledArticle[]): TermVector {
  return centroid(story.map((article) => article.terms));
}

/** A headline without the outlet's name tacked on and without "LIVE:"-style labels. */
export function neutralHeadline(title: string, source: string | null): string {
  let headline = title.replace(/^\s*(live|breaking|watch|exclusive|update[d]?)\s*[:|-]\s*/i, '');
  const suffix = /\s+[|–—-]\s+([^|–—-]+)$/.exec(headline);
  if (suffix?.[1]) {
    const tail = suffix[1].trim();
    const isOutlet = source !== null && tail.toLowerCase().includes(source.toLowerCase().replace(/^the\s+/, ''));
    if (isOutlet || (headline.includes('|') && tail.split(/\s+/).length <= 4)) {
      headline = headline.slice(0, suffix.index);
    }
  }
  return headline.replace(/\s*!+$/, '').trim() || title.trim();
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

interface Candidate {
  article: ProfiledArticle;
  text: string;
  stems: Set<string>;
  /** Place of the sentence in its article's lead (0: the lede). */
  position: number;
  relevance: number;
}

/**
 * Sentences that only make sense after another ("He said that…", "This is…", "But…", "For
 * example…", "Today, that took…", an aside in brackets): a briefing quotes them out of their context.
 */
const CONTEXT_DEPENDENT =
  /^["“‘'(]?(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|or|nor|so|also|however|meanwhile|still|yet|then|there|here|such|instead|otherwise|thus|therefore|for\s+(?:example|instance)|in\s+(?:addition|fact|turn|contrast)|as\s+a\s+result|by\s+contrast|on\s+the\s+other\s+hand|(?:no|yes),)\b|^\(|^(?:[\p{L}\d.]+\s+){0,3}[\p{L}\d.]+,\s+(?:he|she|they|it|this|that|these|those)\s/iu;
/**
 * Sentences that lean on one before without opening with the word that leans: "Meta also says …",
 * "… and Ramsay Health Care also fell" (also, before the first clause ends); "The 31-year-old
 * co-founded …"; "Days earlier, …"; "Featuring hits like …, it was written …" (a pronoun as the
 * subject after an opening phrase); "Under this change, …" (this, not of this week); "… ,” she
 * suggested." (words of someone the reader was not told).
 */
const LEANS_ON_BEFORE = new RegExp(
  [
    String.raw`^(?![^,;:—–"“]*\b(?:not only|but)\s+also\b)[^,;:—–"“]{0,90}?\balso\s+\p{Ll}`,
    String.raw`^["“‘']?the\s+(?:\d+|\p{L}+-\p{L}+)-year-old\b`,
    String.raw`^["“‘']?the\s+(?:former|latter)\b`,
    // "If you're here for the story, this level…": a "this" phrase after an opening clause points back.
    String.raw`^[^;:]{0,90}?,\s+(?:this|these|those)\s+(?!(?:time|week|weekend|year|month|morning|afternoon|evening|season|summer|winter|spring|autumn|fall|past|coming)\b)\p{Ll}`,
    String.raw`^(?:(?:a|one|two|three|a\s+few|several|\d+)\s+)?(?:days?|weeks?|hours?|months?|moments?|minutes?)\s+(?:earlier|later|before|after)\b`,
    String.raw`^(?:shortly|soon|later)\b`,
    String.raw`^(?:\p{L}+\s+){1,2}(?:this|that|these|those)\s+(?!(?:week|weekend|year|month|morning|afternoon|evening|season|summer|winter|spring|autumn|fall|past|coming)\b)\p{Ll}`,
    String.raw`^(?:[^\s"“]+\s+){3,11}[^\s"“]+,\s+(?:he|she|they|it)\s+\p{Ll}`,
    String.raw`["”’]\s+(?:he|she|they|it)\s+\p{Ll}+(?:ed|s)\b`,
  ].join('|'),
  'iu',
);
/**
 * "The Eras Tour singer was seen…", "The pair were…": a role standing for people named before; not
 * "The singer Ann Lowe…", which names them (so case counts here).
 */
const ROLE_FOR_A_NAME =
  /^["“‘']?(?:The|the)\s+(?:[\p{L}'’.-]+\s+){0,3}(?:singer|rapper|star|actor|actress|musician|songwriter|couple|pair|duo|trio)\b(?!\s+\p{Lu})/u;
/** Page furniture that scraping leaves inside sentences (an update note: "Updated October 11: …"). */
const PAGE_FURNITURE =
  /\badvertisement\b|\barticle continues\b|\bsign up\b|\bclick here\b|\bread more\b|\bcredit:|\bgetty images\b|\bphotograph:|\bimage:|©|\bupdated\s+(?:on\s+)?\p{L}+\.?\s+\d{1,2}(?:,\s*\d{4})?\s*:/iu;
/** Date fragments a split left ("13, Flexport …"). */
const DATE_FRAGMENT_START = /^\d{1,2},\s/;
/**
 * A heading glued to the sentence after it ("… the laggards Meanwhile, healthcare fell", "… how
 * FTX got here The highly anticipated trial"): a word followed by one that only opens a sentence,
 * or by a capitalised article before a lower-case word (a title's "The" precedes a capital), or
 * before a name and its verb.
 */
const GLUED_HEADING = new RegExp(
  [
    String.raw`\b\p{L}{3,}\s+(?:It|Meanwhile|However|He|She|They|We|This|These|Those)\b[\s,]+\p{Ll}`,
    String.raw`\b\p{L}{3,}\s+(?:The|A|An)\s+\p{Ll}{3,}`,
    // "… in wake of the war The European Union is cranking up …": a capitalised "The" after a plain
    // word (not "with The Verge", "told The Times") opening a name and its verb is a new sentence.
    String.raw`\b(?!(?:told|tells?|said|says|with|to|from|at|in|on|by|for|of|and|or|but|that|than|like|via|per|as|about|into|over|under|after|before|joined|hired|called|named|visited|watched|read|saw)\b)\p{Ll}{3,}\s+The(?:\s+\p{Lu}[\p{L}'’-]*){1,4}\s+(?:is|are|was|were|has|have|had|will|would|says|said|can|could|may|might|does|did)\b`,
  ].join('|'),
  'u',
);
/** A later sentence is told only if this share of its content words is new to what was already told. */
const MIN_NEW_SHARE = 0.4;
/** What a later report adds is the development: the newest article's sentences gain this much. */
const LATER_REPORT_GAIN = 0.1;

/** Whether a lead sentence can stand alone in a briefing: whole, prose, not page furniture, not leaning on the one before. */
export function standsAlone(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words < MIN_SENTENCE_WORDS || words > MAX_SENTENCE_WORDS) return false;
  if (!/^["“‘'(]?[\p{Lu}\d]/u.test(text) || !readsAsProse(text)) return false;
  if (
    CONTEXT_DEPENDENT.test(text) ||
    LEANS_ON_BEFORE.test(text) ||
    ROLE_FOR_A_NAME.test(text) ||
    PAGE_FURNITURE.test(text) ||
    DATE_FRAGMENT_START.test(text) ||
    opensWithLinkPrompt(text)
  )
    return false;
  return !GLUED_HEADING.test(text) && !isBylineOrDateline(text);
}

/**
 * How a story is told: the lede (first sentence of substance) of its most central article, then
 * sentences from its other articles that add what the lede does not say (a later development,
 * another outlet's figure), never one already told in `toldBefore`. A single article adds from its
 * own lead. Returns fewer than `wanted` when the articles offer nothing new.
 */
/**
 * Whether a sentence names the outlet that published it ("talkSPORT gets the action started at
 * Anfield", "Sign up to The Guardian's newsletter"): the outlet speaking of itself, not the news.
 * The name counts as written with a capital somewhere ("Wired", not "wired").
 */
export function namesOwnOutlet(text: string, source: string | null): boolean {
  const name = source?.replace(/^the\s+/i, '').trim();
  if (!name || name.length < 3) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')))
    if (/\p{Lu}/u.test(match[0])) return true;
  return false;
}

export function chooseSentences(
  articles: readonly ProfiledArticle[],
  centre: TermVector,
  toldBefore: readonly string[],
  wanted: number,
): { article: ProfiledArticle; text: string }[] {
  const told = toldBefore.map((sentence) => contentStems(sentence));
  const candidates: Candidate[] = [];
  for (const article of articles) {
    splitSentences(article.lead).forEach(({ text }, position) => {
      if (!standsAlone(text) || namesOwnOutlet(text, article.source)) return;
      const stems = contentStems(text);
      if (told.some((previous) => overlap(stems, previous) >= SAME_SENTENCE_OVERLAP)) return;
      const relevance = termCosine(
        termVector('', text, () => 1),
        centre,
      );
      candidates.push({ article, text, stems, position, relevance });
    });
  }
  if (candidates.length === 0) return [];
  const central = centralArticle(articles, centre);
  // A journalist's lede is the field's strongest extractive summary: the central article's first
  // sentence that stands alone, else the most central sentence of any article.
  const lede =
    candidates.filter((candidate) => candidate.article === central).sort((a, b) => a.position - b.position)[0] ??
    [...candidates].sort((a, b) => b.relevance - a.relevance)[0];
  if (!lede) return [];
  const chosen: Candidate[] = [lede];
  const times = articles.map((article) => article.publishedAt).filter(Number.isFinite);
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const lateness = (article: ProfiledArticle) =>
    last > first && Number.isFinite(article.publishedAt) ? (article.publishedAt - first) / (last - first) : 0;
  const toldStems = new Set(lede.stems);
  const others = articles.length > 1;
  while (chosen.length < wanted) {
    let best: Candidate | undefined;
    let bestScore = 0;
    for (const candidate of candidates) {
      if (chosen.includes(candidate) || (others && candidate.article === lede.article)) continue;
      if (chosen.some((picked) => overlap(candidate.stems, picked.stems) >= SAME_SENTENCE_OVERLAP)) continue;
      const fresh =
        [...candidate.stems].filter((stem) => !toldStems.has(stem)).length / Math.max(1, candidate.stems.size);
      if (fresh < MIN_NEW_SHARE) continue;
      // Relevant to the story, new to the reader, and from an article not yet quoted.
      const sameArticle = chosen.some((picked) => picked.article === candidate.article);
      const score =
        candidate.relevance * fresh * (sameArticle ? 0.7 : 1) +
        0.05 / (1 + candidate.position) +
        LATER_REPORT_GAIN * lateness(candidate.article);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const stem of best.stems) toldStems.add(stem);
  }
  return chosen.map(({ article, text }) => ({ article, text }));
}

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
  score: number;
}

/**
 * Two or three sentences that tell the story: from the articles' leads, the ones nearest the story's
 * centre, preferring sentences from different articles and never two that say the same thing, nor
 * one already told in `toldBefore`. Returns fewer when the articles offer nothing new.
 */
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
      const words = text.split(/\s+/).length;
      if (words < MIN_SENTENCE_WORDS || words > MAX_SENTENCE_WORDS) return;
      if (!/^["“‘'(]?[\p{Lu}\d]/u.test(text) || !readsAsProse(text)) return;
      const stems = contentStems(text);
      if (told.some((previous) => overlap(stems, previous) >= SAME_SENTENCE_OVERLAP)) return;
      const relevance = termCosine(
        termVector('', text, () => 1),
        centre,
      );
      // News leads put the event first; later sentences add context.
      candidates.push({ article, text, stems, score: relevance + 0.15 / (1 + position) });
    });
  }
  const chosen: Candidate[] = [];
  while (chosen.length < wanted) {
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      if (chosen.some((picked) => overlap(candidate.stems, picked.stems) >= SAME_SENTENCE_OVERLAP)) continue;
      const sameArticle = chosen.some((picked) => picked.article === candidate.article);
      const score = candidate.score - (sameArticle ? 0.1 : 0);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) break;
    chosen.push(best);
  }
  return chosen.map(({ article, text }) => ({ article, text }));
}

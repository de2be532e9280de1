import { distance } from 'fastest-levenshtein';
import { foldForComparison, wordTokens } from '../text/terms.js';
import { isBylineOrDateline } from './bylines.js';

/**
 * Lines that are page furniture, not reporting. Matched against a whole paragraph, so a sentence
 * of the article that merely contains one of these words is never dropped.
 */
const BOILERPLATE_PARAGRAPHS: readonly RegExp[] = [
  /^(advertisement|advertisements|sponsored( content)?|ad|ads|[a-z-]*\s?ads\d*|promoted)$/i,
  /^no comments?$/i,
  /^\d+\s+comments?$/i,
  /^(share|share this( article| story)?|share on (facebook|twitter|x))$/i,
  /^(read more|related( articles| stories)?|more from .{1,40}|recommended( for you)?)\s*:?$/i,
  /^(sign up|subscribe)\b.{0,120}(newsletter|inbox|updates)\.?$/i,
  /^(click here|tap here)\b.{0,120}$/i,
  /^follow (us|@\w+) on\b.{0,80}$/i,
  /^(copyright|©|\(c\))\s?.{0,120}$/i,
  /^all rights reserved\.?$/i,
  /\brating:\s*\d(\.\d)?\s*(\/\s*\d+|stars?)?$/i,
  /^reviewed by\b.{0,120}$/i,
  /^(additional )?(reporting|writing|editing|compiled) by\b.{0,200}$/i,
  /^our standards:.{0,120}$/i,
  /^explore more on these topics:.{0,200}$/i,
  /^(reuse this content|skip to (main )?content)$/i,
];

/** Headings of the lists of other stories that pages put around an article ("Most read"). */
const OTHER_STORIES_HEADING =
  /^(most (read|viewed|popular|shared)|trending( now)?|top stories|related (topics|content)|more on this story|more stories|you may also like|elsewhere on .{1,40})\s*:?$/i;
/** A list item of such a list: short, and not a sentence. */
function isListItem(paragraph: string): boolean {
  return wordTokens(paragraph).length <= 12 && !/[.!?"'’”]$/.test(paragraph.trim());
}

/** How alike two folded paragraphs must be (1 - edit distance / length) to count as the same paragraph. */
export const NEAR_DUPLICATE_SIMILARITY = 0.9;
/** Word-set overlap below which two paragraphs are not even compared character by character. */
const CANDIDATE_WORD_OVERLAP = 0.5;
/** Paragraphs shorter than this are never compared for near-duplication (list items, names). */
const MIN_WORDS_FOR_NEAR_DUPLICATE = 6;

export interface CleanedText {
  text: string;
  removedDuplicates: number;
  removedBoilerplate: number;
}

function isBoilerplate(paragraph: string): boolean {
  const line = paragraph.trim().replace(/\s+/g, ' ');
  return BOILERPLATE_PARAGRAPHS.some((pattern) => pattern.test(line)) || isBylineOrDateline(line);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Whether the paragraph is the headline again, once or repeated, perhaps with a review tail. */
function repeatsTitle(paragraph: string, foldedTitle: string): boolean {
  if (foldedTitle.length < 12) return false;
  const folded = foldForComparison(paragraph);
  if (!folded.startsWith(foldedTitle)) return false;
  const rest = folded.split(foldedTitle).join(' ').trim();
  return rest === '' || isBoilerplate(rest) || /\b(reviewed by|rating)\b/.test(rest);
}

/**
 * Clean an article body before it is split: drop page furniture, a trailing boilerplate tail,
 * the headline repeated in the body, and paragraphs that repeat one already kept (photo captions
 * that appear twice, exact or nearly so).
 */
export function cleanArticleText(body: string, title = ''): CleanedText {
  const normalised = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\t]+/g, ' ')
    .replace(/[ ]+\n/g, '\n');
  const paragraphs = normalised
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const foldedTitle = foldForComparison(title);

  let removedBoilerplate = 0;
  let removedDuplicates = 0;
  const kept: { text: string; folded: string; wordSet: Set<string>; words: number }[] = [];
  const seen = new Set<string>();

  let inOtherStories = false;
  for (const paragraph of paragraphs) {
    if (OTHER_STORIES_HEADING.test(paragraph.trim())) {
      inOtherStories = true;
      removedBoilerplate += 1;
      continue;
    }
    if (inOtherStories && isListItem(paragraph)) {
      removedBoilerplate += 1;
      continue;
    }
    inOtherStories = false;
    if (isBoilerplate(paragraph) || repeatsTitle(paragraph, foldedTitle)) {
      removedBoilerplate += 1;
      continue;
    }
    const folded = foldForComparison(paragraph);
    if (folded === '') {
      removedBoilerplate += 1;
      continue;
    }
    if (seen.has(folded)) {
      removedDuplicates += 1;
      continue;
    }
    const wordSet = new Set(wordTokens(paragraph));
    const words = wordTokens(paragraph).length;
    const nearDuplicate =
      words >= MIN_WORDS_FOR_NEAR_DUPLICATE &&
      kept.some(
        (other) =>
          other.words >= MIN_WORDS_FOR_NEAR_DUPLICATE &&
          Math.min(other.folded.length, folded.length) / Math.max(other.folded.length, folded.length) >=
            NEAR_DUPLICATE_SIMILARITY &&
          jaccard(other.wordSet, wordSet) >= CANDIDATE_WORD_OVERLAP &&
          1 - distance(other.folded, folded) / Math.max(other.folded.length, folded.length) >=
            NEAR_DUPLICATE_SIMILARITY,
      );
    if (nearDuplicate) {
      removedDuplicates += 1;
      continue;
    }
    seen.add(folded);
    kept.push({ text: paragraph, folded, wordSet, words });
  }

  // A tail of short lines after the last real paragraph is usually navigation or credits.
  while (kept.length > 1) {
    const last = kept[kept.length - 1];
    if (!last || last.words > 4 || /[.!?"'’”]$/.test(last.text)) break;
    kept.pop();
    removedBoilerplate += 1;
  }

  return { text: kept.map((paragraph) => paragraph.text).join('\n\n'), removedDuplicates, removedBoilerplate };
}

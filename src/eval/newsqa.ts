import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from './multihop.js';

/** The answer types of newsqa-dev's answerable questions. */
export const NEWSQA_TYPES = [
  'number',
  'money',
  'percent',
  'date',
  'duration',
  'person',
  'organization',
  'place',
  'reason',
  'quote',
] as const;

/** One question of newsqa-dev (`../shared/bench/newsqa-dev/questions.json`). */
export interface NewsQaQuestion {
  id: number;
  question: string;
  type: (typeof NEWSQA_TYPES)[number] | 'unanswerable';
  answers?: string[];
  evidence?: string;
  article_url?: string;
  near_article_url?: string | null;
}

/** What the bot showed for one question, as the reference scorer reads it. */
export interface NewsQaPrediction {
  id: number;
  abstained: boolean;
  answer: string;
  citations: { article_url: string | null; text: string }[];
}

/** The questions of a split: even ids are dev, odd ids test. */
export function loadNewsQa(datasetDir: string, split: Split): NewsQaQuestion[] {
  const all = JSON.parse(readFileSync(path.join(datasetDir, 'questions.json'), 'utf8')) as NewsQaQuestion[];
  return all.filter((question) => split === 'all' || (question.id % 2 === 0) === (split === 'dev'));
}

const STRAIGHTENED: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
  '\ufeff': '',
};

/** Lower-case, straighten quotes and dashes, collapse white space (the reference scorer's `norm`). */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\ufeff]/g, (character) => STRAIGHTENED[character] ?? character)
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether one of the answers occurs in the text as whole words ("22" is not found in "225"). */
export function containsAnswer(text: string, answers: readonly string[]): boolean {
  const folded = normalizeForMatch(text);
  return answers.some((answer) =>
    new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(normalizeForMatch(answer))}(?![\\p{L}\\p{N}_])`, 'u').test(folded),
  );
}

/** A URL as a bot may store it: host lower-cased, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    const query = [...parsed.searchParams.entries()]
      .filter(([key]) => !/^(utm_\w+|fbclid|gclid|ref|ref_src|cmpid|ocid|smid|taid|guccounter)$/i.test(key))
      .sort(([x, xv], [y, yv]) => (x === y ? xv.localeCompare(yv) : x.localeCompare(y)));
    const pathname = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname;
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${pathname}?${new URLSearchParams(query).toString()}`;
  } catch {
    return url;
  }
}

/** Whether two URLs name the same article (compared as `canonicalUrl`). */
export function sameArticleUrl(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = canonicalUrl(a);
  return left !== undefined && left === canonicalUrl(b);
}

/** How one answerable question was answered. */
export interface AnswerScore {
  strict: boolean;
  supported: boolean;
  lenient: boolean;
  abstained: boolean;
}

/** Score one answerable question's prediction by the set's recipe. */
export function scoreAnswer(question: NewsQaQuestion, prediction: NewsQaPrediction): AnswerScore {
  const answers = question.answers ?? [];
  const abstained = prediction.abstained;
  const strict = !abstained && containsAnswer(prediction.answer, answers);
  const supported =
    strict &&
    prediction.citations.some(
      (citation) =>
        sameArticleUrl(citation.article_url, question.article_url) && containsAnswer(citation.text, answers),
    );
  const lenient =
    !abstained && (strict || prediction.citations.some((citation) => containsAnswer(citation.text, answers)));
  return { strict, supported, lenient, abstained };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { StoredPassage } from '../store/article-store.js';
import { formatDate } from '../text/source-line.js';
import type { AnswerType, Measure } from './question-type.js';

/** One numbered source of an answer: an article, and its passage that the answer's best sentence from it was taken from. */
export interface Citation {
  n: number;
  articleId: string;
  passageId: number;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  passage: string;
}

/** What a source line shows about the passage a sentence was taken from. */
export type CitationSource = Omit<Citation, 'n' | 'passage'>;

/** The source fields of a stored passage, as an answer's numbered source shows them. */
export function citationSource(passage: StoredPassage): CitationSource {
  const { article } = passage;
  return {
    articleId: passage.articleId,
    passageId: passage.id,
    title: article.title,
    source: article.source,
    url: article.url,
    publishedAt: article.publishedAt,
  };
}

/** An answer with `[n]` markers that refer to `citations`; when `abstained`, the text says why and there are no citations. */
export interface Answer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** How well the best evidence covers the question, 0..1 (what the abstention threshold is compared with). */
  support: number;
  /** The language model that wrote the answer (its citations checked); absent when it is extractive. */
  writtenBy?: string;
  /** What the question asks for (a person, a number, someone's words...), when the answerer read it. */
  answerType?: AnswerType;
  /** The answer itself (the figure, the name, the quotation), when a sentence states it; it opens the answer in bold. */
  span?: string;
  /**
   * The articles cover the subject but do not state what was asked: `abstained` is true, the text
   * says so and quotes the closest sentence, and `citations` holds that one source.
   */
  notStated?: boolean;
}

/** An answer drawn from news older than this says how old it is. */
export const STALE_AFTER_DAYS = 3;

/**
 * "As of 26 Jan 2022": when the newest article an answer cites is more than STALE_AFTER_DAYS older
 * than `now`, so that a reader does not take old news for the current state; undefined otherwise
 * (and for abstentions, and for sources without a date).
 */
export function asOfLine(answer: Answer, now: Date): string | undefined {
  if (answer.abstained) return undefined;
  const times = answer.citations
    .map((citation) => (citation.publishedAt ? Date.parse(citation.publishedAt) : Number.NaN))
    .filter((time) => Number.isFinite(time));
  if (times.length === 0) return undefined;
  const newest = Math.max(...times);
  if (now.getTime() - newest <= STALE_AFTER_DAYS * 86_400_000) return undefined;
  return `As of ${formatDate(new Date(newest).toISOString())}.`;
}

/** What the user reads when the articles do not answer the question. */
export const ABSTENTION_TEXT =
  "I couldn't find reliable information about that in the articles here, so I won't guess. Try rephrasing, or check /sources to see what has been added.";
export const NO_ARTICLES_TEXT =
  'No articles have been added here yet, so there is nothing to answer from. A moderator can add some with /add.';

/** What each answer type asks, for saying plainly that the articles do not state it. */
const ASKED_FOR: Record<AnswerType, string> = {
  person: 'who it was',
  organization: 'which organisation it was',
  place: 'where',
  date: 'when',
  duration: 'how long',
  number: 'how many',
  money: 'how much',
  percent: 'what share or rate',
  reason: 'why',
  quote: 'what was said',
  other: 'what you asked',
};

/** The opening of an answer that lists a period's articles ("yesterday", "this week"). */
export function reportedInText(period: string): string {
  return `Reported ${period}, newest first:`;
}

/** What the user reads when no article is dated in the period a question asks about. */
export function nothingReportedText(period: string): string {
  return `None of the articles here was published ${period}.`;
}

/** What a "how old / big / fast" question asks, said plainly ("how many" would not fit). */
const ASKED_FOR_MEASURE: Record<Measure, string> = {
  age: 'how old',
  size: 'how big',
  length: 'how long, far or high',
  weight: 'how heavy',
  speed: 'how fast',
  rank: 'where it ranked',
  score: 'the score',
  change: 'by how much',
};

/** What the user reads when the articles cover the subject but do not state the asked fact. */
export function notStatedText(
  type: AnswerType,
  closest: string,
  n: number,
  asking: { speaker?: string | undefined; about?: string | undefined; measure?: Measure | undefined } = {},
): string {
  // A sentence that opens with someone's words already carries its quotation marks.
  const quoted = /^["“]/.test(closest) ? closest : `“${closest}”`;
  const asked =
    type === 'quote' && asking.speaker
      ? `what ${asking.speaker} said${asking.about ? ` about ${asking.about}` : ''}`
      : asking.measure
        ? ASKED_FOR_MEASURE[asking.measure]
        : ASKED_FOR[type];
  return `The articles here don't say ${asked}. The closest they come: ${quoted} [${n}]`;
}

/** What the user reads when the question is about outlets the server has no articles from. */
export function noArticlesFromText(outlets: readonly string[]): string {
  const names =
    outlets.length === 1 ? outlets[0] : `${outlets.slice(0, -1).join(', ')} or ${outlets[outlets.length - 1]}`;
  return `There are no articles from ${names} here, so I can't say what ${outlets.length === 1 ? 'it' : 'they'} reported. Check /sources for the outlets I have.`;
}

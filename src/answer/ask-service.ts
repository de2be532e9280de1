import { InvalidInputError } from '../errors.js';
import { unknownOutletMentions } from '../retrieve/outlet-mentions.js';
import type { PassageRanker, RankedPassage } from '../retrieve/passage-ranker.js';
import type { NewsLibrary } from '../store/news-library.js';
import { type Answer, NO_ARTICLES_TEXT, noArticlesFromText } from './answer.js';
import { composeExtractiveAnswer, type TermWeights } from './extractive-answerer.js';

export const MAX_QUESTION_CHARS = 1000;
/** Passages retrieved for an answer. */
const PASSAGES_RETRIEVED = 10;

/** Refuse a question that is empty or too long, with a message the user can act on. */
export function validateQuestion(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text === '')
    throw new InvalidInputError('empty-question', 'The question is empty: ask something about the news.');
  if (text.length > MAX_QUESTION_CHARS) {
    throw new InvalidInputError(
      'question-too-long',
      `The question is ${text.length.toLocaleString('en')} characters long; keep it under ${MAX_QUESTION_CHARS.toLocaleString('en')}.`,
    );
  }
  return text;
}

/** Answers questions from one guild's articles, with numbered citations, or abstains. */
export class AskService {
  constructor(
    private readonly library: NewsLibrary,
    private readonly ranker: PassageRanker,
  ) {}

  /** Answer a question from the guild's articles (extractive, no network). */
  async ask(guildId: string, question: string): Promise<Answer> {
    const text = validateQuestion(question);
    if (this.library.articles.countArticles(guildId) === 0) {
      return { answer: NO_ARTICLES_TEXT, abstained: true, citations: [], support: 0 };
    }
    const ranked = await this.ranker.rank(guildId, text, PASSAGES_RETRIEVED);
    return this.answerFrom(guildId, text, ranked);
  }

  /**
   * Compose the answer from passages already ranked for this question (the eval scores and answers
   * one ranking). A question about what an outlet reported, when the guild has no articles from
   * that outlet, is answered with that fact rather than with another outlet's words.
   */
  answerFrom(guildId: string, question: string, ranked: readonly RankedPassage[]): Answer {
    const missing = unknownOutletMentions(question, this.library.articles.sources(guildId));
    if (missing.length > 0) {
      return { answer: noArticlesFromText(missing), abstained: true, citations: [], support: 0 };
    }
    return composeExtractiveAnswer(question, ranked, this.termWeights);
  }

  /** Inverse document frequency of each stem over the whole library. */
  private readonly termWeights: TermWeights = (stems) => {
    const { passages, frequencies } = this.library.articles.termFrequencies(stems);
    return new Map(
      stems.map((stem) => {
        const df = frequencies.get(stem) ?? 0;
        return [stem, Math.log(1 + (passages - df + 0.5) / (df + 0.5))];
      }),
    );
  };
}

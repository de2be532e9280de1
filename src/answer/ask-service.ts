import { InvalidInputError } from '../errors.js';
import { componentLogger } from '../logger.js';
import { asksForLatest, asksForNewest, newestFirst, withoutLatestWords } from '../retrieve/newest-first.js';
import { quotesSpeaker, unknownOutletMentions } from '../retrieve/outlet-mentions.js';
import type { PassageRanker, RankedPassage, Ranking } from '../retrieve/passage-ranker.js';
import type { PassageRetrieval } from '../retrieve/retrieval-port.js';
import { idfWeights, idfWeightsAbsentCapped } from '../retrieve/term-weights.js';
import { newestReports, reportedBy, withinPeriod } from '../retrieve/time-scope.js';
import { type QuestionPeriod, questionPeriod, withoutPeriod } from '../time/question-period.js';
import {
  type Answer,
  citationSource,
  NO_ARTICLES_TEXT,
  noArticlesFromText,
  nothingReportedText,
  reportedInText,
} from './answer.js';
import { checkCitations, type PromptPassage, renumberCitations } from './citation-check.js';
import { composeExtractiveAnswer } from './extractive-answerer.js';
import { type PreviousTurn, questionInContext } from './follow-up.js';
import type { DraftListener, ModelWriter } from './model-writer.js';
import { asksOnlyWhatHappened } from './question-framing.js';
import { withoutMeasureWord } from './question-type.js';

const log = componentLogger('answer');

export const MAX_QUESTION_CHARS = 1000;
/** Passages retrieved for an answer. */
const PASSAGES_RETRIEVED = 10;
/** Passages a question about the latest state is ranked from, before the newest relevant reports are kept. */
const LATEST_RETRIEVED = 30;
/** Passages a language model is shown: the extractive answerer reads as many. */
const PASSAGES_FOR_MODEL = 6;
/** Articles a question about a period alone ("what happened yesterday?") lists. */
const DIGEST_ARTICLES = 8;

export interface AskOptions {
  /** Receives the model's unchecked draft as it streams (only when a model writes the answer). */
  onDraft?: DraftListener;
  /** The turn this question follows up, when it is asked in a conversation. */
  previous?: PreviousTurn | undefined;
  /** When it is asked (default: now) and the server's time zone (default UTC), for "yesterday" or "last week". */
  now?: Date | undefined;
  timeZone?: string | undefined;
}

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
  private readonly library: PassageRetrieval;
  private readonly ranker: PassageRanker;
  private readonly writer: ModelWriter | undefined;

  constructor(parts: {
    retrieval: PassageRetrieval;
    ranker: PassageRanker;
    /** The configured language model; without one, answers are extractive and need no network. */
    writer?: ModelWriter | undefined;
  }) {
    this.library = parts.retrieval;
    this.ranker = parts.ranker;
    this.writer = parts.writer;
  }

  /**
   * Answer a question from the guild's articles: extractive, or written by the configured model and
   * checked citation by citation, falling back to the extractive answer when nothing checked remains.
   */
  async ask(guildId: string, question: string, options: AskOptions = {}): Promise<Answer> {
    // A follow-up that leans on the turn before ("and the price?") is searched for with it, and
    // answered with that turn's words counting less than its own.
    const asked = validateQuestion(question);
    const text = questionInContext(asked, options.previous);
    const context = text === asked ? undefined : options.previous?.question;
    if (this.library.countArticles(guildId) === 0) {
      return { answer: NO_ARTICLES_TEXT, abstained: true, citations: [], support: 0 };
    }
    // "Yesterday", "last week": the period's articles first; its words are not searched for.
    const period = questionPeriod(text, options.now ?? new Date(), options.timeZone ?? 'UTC');
    // "The latest death toll": the newest of the equally relevant reports answers.
    const latest = asksForLatest(text);
    const searched = readable(text, period, latest);
    // "What happened yesterday?": no subject but the time, so the period's reports are the answer.
    if (period && !context && asksOnlyWhatHappened(searched)) return this.periodDigest(guildId, period);
    // The newest report may rank below older, fuller ones: a question about the latest looks further.
    // "How high did the river rise?": "high" says what is measured, and finds "the price was high".
    const found = await this.ranker.rank(
      guildId,
      withoutMeasureWord(searched),
      latest ? LATEST_RETRIEVED : PASSAGES_RETRIEVED,
      {
        period,
      },
    );
    // Asked as if at another moment (`--now`): what was reported after it did not exist yet.
    const reported = options.now ? reportedBy(found, options.now) : found;
    const ranked = period ? withinPeriod(reported, period) : reported;
    const ordered = latest ? newestFirst(searched, ranked) : ranked;
    // "What's the latest on…" is answered by the newest reports; "how much so far" only prefers them.
    const ranking = latest && asksForNewest(text) ? newestReports(ordered) : ordered;
    const extractive = context
      ? this.answerFrom(guildId, readable(asked, period, latest), ranking, context)
      : this.answerFrom(guildId, searched, ranking);
    // The model is asked only when the evidence is there: abstaining is not its call.
    if (!this.writer || extractive.abstained) return extractive;
    // A follow-up reaches the model as asked, with the question before it as the conversation.
    return context
      ? this.writeWithModel(this.writer, asked, ranking.passages, extractive, options, [context])
      : this.writeWithModel(this.writer, text, ranking.passages, extractive, options);
  }

  private async writeWithModel(
    writer: ModelWriter,
    question: string,
    ranked: readonly RankedPassage[],
    extractive: Answer,
    options: AskOptions,
    earlierQuestions: readonly string[] = [],
  ): Promise<Answer> {
    const passages = promptPassages(ranked.slice(0, PASSAGES_FOR_MODEL));
    const started = performance.now();
    let draft: string;
    try {
      // What the extractive reading found is a hint; the model's draft is checked like any other.
      const hint = extractive.answerType ? { type: extractive.answerType, span: extractive.span } : undefined;
      draft = await writer.write(question, passages, {
        onDraft: options.onDraft,
        earlierQuestions,
        ...(hint ? { hint } : {}),
      });
    } catch (error) {
      log.warn(
        { model: writer.model, reason: error instanceof Error ? error.message : String(error) },
        'model answer failed; using the extractive answer',
      );
      return extractive;
    }
    const check = checkCitations(draft, passages);
    const ms = Math.round(performance.now() - started);
    const outcome = {
      model: writer.model,
      ms,
      kept: check.kept.length,
      removed: check.removed.length,
      recited: check.recited,
      unknownNumbers: check.unknownNumbers,
    };
    if (check.kept.length === 0) {
      log.warn(outcome, 'no sentence of the model answer is supported by its passages; using the extractive answer');
      return extractive;
    }
    log.info(outcome, 'model answer checked');
    const { answer, citations } = renumberCitations(check.kept, passages);
    return { answer, abstained: false, citations, support: extractive.support, writtenBy: writer.model };
  }

  /** The newest articles of a period, one line each with its number, or that nothing was reported then. */
  private periodDigest(guildId: string, period: QuestionPeriod): Answer {
    const leads = this.library.periodLeads(guildId, period.since, period.until, DIGEST_ARTICLES);
    if (leads.length === 0) {
      return { answer: nothingReportedText(period.text), abstained: true, citations: [], support: 0 };
    }
    const citations = leads.map((passage, index) => ({
      n: index + 1,
      ...citationSource(passage),
      passage: passage.text,
    }));
    const lines = citations.map((citation) => `- ${citation.title} [${citation.n}]`);
    return {
      answer: `${reportedInText(period.text)}\n${lines.join('\n')}`,
      abstained: false,
      citations,
      support: 1,
    };
  }

  /**
   * Compose the answer from passages already ranked for this question (the eval scores and answers
   * one ranking). A question about what an outlet reported, when the guild has no articles from
   * that outlet, is answered with that fact rather than with another outlet's words.
   */
  answerFrom(guildId: string, question: string, ranking: Ranking, context?: string): Answer {
    const { library } = this;
    // A name the found passages carry ("according to Wang", who testified) is a source they quote.
    const missing = unknownOutletMentions(
      question,
      library.sources(guildId),
      (name) => library.headlinesMention(guildId, name),
      (name) => ranking.passages.some(({ passage }) => quotesSpeaker(passage.text, name)),
    );
    if (missing.length > 0) {
      return { answer: noArticlesFromText(missing), abstained: true, citations: [], support: 0 };
    }
    return composeExtractiveAnswer(
      question,
      ranking.passages,
      (stems) => idfWeights(stems, ranking.termCounts),
      context,
      (stems) => idfWeightsAbsentCapped(stems, ranking.termCounts),
    );
  }
}

/** Number ranked passages from 1 for a prompt, with what the answer's sources need. */
export function promptPassages(ranked: readonly RankedPassage[]): PromptPassage[] {
  return ranked.map(({ passage }, index) => ({ n: index + 1, ...citationSource(passage), text: passage.text }));
}

/** The question as it is searched and answered: without the words that only say when. */
function readable(question: string, period: QuestionPeriod | undefined, latest: boolean): string {
  const dated = period ? withoutPeriod(question, period) : question;
  return latest ? withoutLatestWords(dated) : dated;
}

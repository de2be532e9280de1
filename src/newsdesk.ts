import type { Answer } from './answer/answer.js';
import { type AskOptions, AskService } from './answer/ask-service.js';
import { type PreviousTurn, turnOf } from './answer/follow-up.js';
import { ModelWriter } from './answer/model-writer.js';
import type { Briefing } from './briefing/briefing.js';
import { BriefingService } from './briefing/briefing-service.js';
import type { Config } from './config.js';
import type { EmbeddingModel } from './embed/embedding-model.js';
import { PooledEmbeddings } from './embed/embedding-pool.js';
import { LazyEmbeddings } from './embed/lazy-embeddings.js';
import { loadEmbeddingModel } from './embed/load-embedding-model.js';
import { InvalidInputError, isUserError, NotFoundError, ShuttingDownError } from './errors.js';
import type { ArticleInput } from './ingest/article.js';
import { DEFAULT_POLL_MINUTES, FeedService } from './ingest/feeds.js';
import { PageFetcher } from './ingest/fetch-page.js';
import { type IngestOutcome, type IngestProgress, IngestService } from './ingest/ingest-service.js';
import { reembedStalePassages } from './ingest/reembed.js';
import { type ArticleOverrides, pastedTextArticle, uploadedFileArticles, withOverrides } from './ingest/submitted.js';
import { normalizeArticleUrl } from './ingest/url.js';
import { PassageRanker, type RankingOptions } from './retrieve/passage-ranker.js';
import { settledWithin } from './settled-within.js';
import type { StoredArticle, StoredPassage } from './store/article-store.js';
import type { GuildSettingsStore } from './store/guild-settings.js';
import { NewsLibrary } from './store/news-library.js';
import { contentWords } from './text/terms.js';

export const SOURCES_PAGE_SIZE = 10;
/** A /sources search lists at most this many articles, from at most this many matching passages. */
const MAX_SEARCHED_ARTICLES = 200;
const MAX_SEARCHED_PASSAGES = 400;
/** The headline counts most in a search of the articles, as in the ranking's keyword weights. */
const TEXT_SEARCH = { title: 2, source: 1, text: 1 };

export interface SourcesPage {
  articles: StoredArticle[];
  page: number;
  pages: number;
  total: number;
}

/** How long a shutdown waits for work in flight. */
export const SHUTDOWN_TIMEOUT_MS = 20_000;

/** The longest period an on-demand briefing covers: one week. */
export const MAX_BRIEFING_HOURS = 24 * 7;
/** Longest subject a catch-up briefing takes ("the ferry strike", "central bank rates"). */
export const MAX_TOPIC_CHARS = 100;

/** What a moderator submits to add: pasted text, an uploaded file, or a link; with an optional title and outlet. */
export type ArticleSubmission = ArticleOverrides &
  ({ text: string } | { file: { name: string; bytes: Uint8Array } } | { url: string });

export interface NewsdeskOptions {
  /** An already loaded model (tests share one). */
  model?: EmbeddingModel;
  ranking?: RankingOptions;
  /** How links are fetched (tests pass one that may reach their local server). */
  fetcher?: PageFetcher;
  /** How the feed poller waits between requests to one host (tests record instead of waiting). */
  feedSleep?: (ms: number) => Promise<void>;
}

/**
 * The core services behind one data folder, the same for the CLI, the console and the Discord
 * bot: ingest, ask, list and remove. Every call names the guild it acts for.
 */
export class Newsdesk {
  readonly ingest: IngestService;
  readonly asker: AskService;
  readonly ranker: PassageRanker;
  readonly settings: GuildSettingsStore;
  readonly briefings: BriefingService;
  readonly feeds: FeedService;
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  readonly library: NewsLibrary;
  readonly model: EmbeddingModel;
  /** Whether the model was loaded here (and its worker threads are this instance's to stop). */
  private readonly ownsModel: boolean;
  private readonly fetcher: PageFetcher;

  private constructor(parts: {
    library: NewsLibrary;
    model: EmbeddingModel;
    fetcher: PageFetcher;
    ranking?: RankingOptions | undefined;
    pollMinutes: number;
    feedSleep?: ((ms: number) => Promise<void>) | undefined;
    writer?: ModelWriter | undefined;
    ownsModel: boolean;
  }) {
    const { library, model, fetcher } = parts;
    this.library = library;
    this.model = model;
    this.ownsModel = parts.ownsModel;
    this.fetcher = fetcher;
    this.ingest = new IngestService(library, model);
    this.ranker = new PassageRanker({ retrieval: library, model, options: parts.ranking });
    this.asker = new AskService({ retrieval: library, ranker: this.ranker, writer: parts.writer });
    this.settings = library.settings;
    this.briefings = new BriefingService({ library, store: library.briefingRecords, writer: parts.writer });
    this.feeds = new FeedService({
      store: library.feedRecords,
      fetcher,
      ingest: (inputs, guildId) => this.tracked(() => this.ingest.ingestArticles(inputs, guildId)),
      pollMinutes: parts.pollMinutes,
      ...(parts.feedSleep ? { sleep: parts.feedSleep } : {}),
    });
  }

  /** Open the data folder with the configured model, and re-embed anything a previous model left behind. */
  static async open(
    config: Pick<Config, 'dataDir' | 'embedding'> & Partial<Pick<Config, 'feedPollMinutes' | 'llm'>>,
    options: NewsdeskOptions = {},
  ): Promise<Newsdesk> {
    const model = options.model ?? (await loadEmbeddingModel(config.embedding));
    const library = NewsLibrary.open(config.dataDir, model);
    await reembedStalePassages(library, model);
    return new Newsdesk({
      library,
      model,
      fetcher: options.fetcher ?? new PageFetcher(),
      ranking: options.ranking,
      pollMinutes: config.feedPollMinutes ?? DEFAULT_POLL_MINUTES,
      feedSleep: options.feedSleep,
      writer: config.llm ? await ModelWriter.fromConfig(config.llm) : undefined,
      ownsModel: options.model === undefined,
    });
  }

  /**
   * Add what a moderator submitted (text, a file, a link) to a guild. A single article that cannot
   * be stored throws its UserError; a file holding several articles reports each one.
   */
  async addArticles(
    guildId: string,
    submission: ArticleSubmission,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<IngestOutcome[]> {
    let inputs: ArticleInput[];
    if ('text' in submission) inputs = [pastedTextArticle(submission.text, submission)];
    else if ('file' in submission)
      inputs = uploadedFileArticles(submission.file.bytes, submission.file.name, submission);
    else inputs = withOverrides([await this.fetcher.fetchArticle(submission.url)], submission);
    if (inputs.length === 0) throw new InvalidInputError('no-articles', 'There is no article in that.');
    const outcomes = await this.tracked(() => this.ingest.ingestArticles(inputs, guildId, options.onProgress));
    const [only] = outcomes;
    if (outcomes.length === 1 && only?.status === 'failed') throw only.error;
    return outcomes;
  }

  /**
   * A briefing of the guild's articles dated in the last `hours` hours (or between `since` and
   * `until`); with a topic, only the stories about it, over the last 7 days unless told otherwise.
   */
  async briefing(
    guildId: string,
    period: { hours?: number | undefined; since?: Date; until?: Date; topic?: string | undefined },
    now = new Date(),
  ): Promise<Briefing> {
    const until = period.until ?? now;
    let since = period.since;
    const topic = period.topic?.trim() || undefined;
    if (topic !== undefined && topic.length > MAX_TOPIC_CHARS) {
      throw new InvalidInputError('topic-too-long', `The topic is longer than ${MAX_TOPIC_CHARS} characters.`);
    }
    if (!since) {
      const hours = period.hours ?? (topic === undefined ? 24 : MAX_BRIEFING_HOURS);
      if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_BRIEFING_HOURS) {
        throw new InvalidInputError('bad-period', `The period must be between 1 and ${MAX_BRIEFING_HOURS} hours.`);
      }
      since = new Date(until.getTime() - hours * 3_600_000);
    }
    if (!(since.getTime() < until.getTime())) {
      throw new InvalidInputError('bad-period', 'The start of the period must come before its end.');
    }
    const { timeZone } = this.settings.get(guildId);
    return (await this.briefings.compose(guildId, { since, until, timeZone, topic })).briefing;
  }

  /** Ingest files or folders into a guild. */
  ingestFiles(
    paths: readonly string[],
    guildId: string,
    onProgress?: (progress: IngestProgress) => void,
  ): Promise<IngestOutcome[]> {
    return this.tracked(() => this.ingest.ingestFiles(paths, guildId, onProgress));
  }

  /** Ingest files, folders and links into a guild; a link that fails (or is not http or https) is reported like a bad file. */
  async ingestFilesAndLinks(
    items: readonly string[],
    guildId: string,
    onProgress?: (progress: IngestProgress) => void,
  ): Promise<IngestOutcome[]> {
    // Any "scheme://" is a link: the fetcher says that only http(s) ones can be added.
    const isLink = (item: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(item);
    const files = items.filter((item) => !isLink(item));
    const outcomes = files.length > 0 ? await this.ingestFiles(files, guildId, onProgress) : [];
    for (const link of items.filter(isLink)) {
      try {
        outcomes.push(...(await this.addArticles(guildId, { url: link })));
      } catch (error) {
        if (!isUserError(error)) throw error;
        outcomes.push({ origin: link, status: 'failed', error });
      }
    }
    return outcomes;
  }

  /**
   * Conversation turns for follow-ups: a turn is kept as it was read (a follow-up that leaned on
   * the turn before, with it), so that a chain of follow-ups keeps its subject.
   */
  readonly conversations = {
    record: (
      guildId: string,
      question: string,
      answer: Answer,
      follows?: { id: number; turn: PreviousTurn },
    ): number => {
      return this.library.conversationRecords.record(guildId, turnOf(question, answer, follows?.turn), follows?.id);
    },
    get: (guildId: string, id: number): PreviousTurn | undefined => this.library.conversationRecords.get(guildId, id),
    continueInThread: (guildId: string, threadId: string, turnId: number): void =>
      this.library.conversationRecords.continueInThread(guildId, threadId, turnId),
    threadTurnId: (guildId: string, threadId: string): number | undefined =>
      this.library.conversationRecords.threadTurnId(guildId, threadId),
  };

  /** The guild's passages of these ids that are still stored, in the order asked. */
  passages(guildId: string, ids: readonly number[]): StoredPassage[] {
    const found = new Map(this.library.getPassages(guildId, ids).map((passage) => [passage.id, passage]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** Ingest articles given as data (pasted text, a fetched page) into a guild. */
  ingestArticles(inputs: readonly ArticleInput[], guildId: string): Promise<IngestOutcome[]> {
    return this.tracked(() => this.ingest.ingestArticles(inputs, guildId));
  }

  /** Answer a question from the guild's articles (a configured model's draft streams to `onDraft`). */
  ask(guildId: string, question: string, options: AskOptions = {}): Promise<Answer> {
    return this.tracked(() => this.asker.ask(guildId, question, options));
  }

  /** One page (from 1) of the guild's articles, newest first, optionally filtered by title or outlet. */
  listSources(
    guildId: string,
    options: { query?: string | undefined; page?: number; pageSize?: number } = {},
  ): SourcesPage {
    const pageSize = options.pageSize ?? SOURCES_PAGE_SIZE;
    const query = options.query?.trim();
    if (query) {
      const found = this.searchArticles(guildId, query);
      const pages = Math.max(1, Math.ceil(found.length / pageSize));
      const page = Math.min(Math.max(1, options.page ?? 1), pages);
      return { articles: found.slice((page - 1) * pageSize, page * pageSize), page, pages, total: found.length };
    }
    const total = this.library.countArticles(guildId);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, options.page ?? 1), pages);
    const articles = this.library.listArticles(guildId, { limit: pageSize, offset: (page - 1) * pageSize });
    return { articles, page, pages, total };
  }

  /**
   * The guild's articles a query finds: those whose headline or outlet holds it (newest first),
   * then those whose text it finds in the keyword index (best passage first).
   */
  private searchArticles(guildId: string, query: string): StoredArticle[] {
    const byTitle = this.library.listArticles(guildId, { query, limit: MAX_SEARCHED_ARTICLES });
    const words = contentWords(query);
    const hits = words.length > 0 ? this.library.keywordSearch(guildId, words, MAX_SEARCHED_PASSAGES, TEXT_SEARCH) : [];
    const passages = new Map(
      this.library
        .getPassages(
          guildId,
          hits.map((hit) => hit.id),
        )
        .map((p) => [p.id, p]),
    );
    const seen = new Set<string>();
    const found: StoredArticle[] = [];
    for (const article of [...byTitle, ...hits.flatMap((hit) => passages.get(hit.id)?.article ?? [])]) {
      if (seen.has(article.id) || found.length >= MAX_SEARCHED_ARTICLES) continue;
      seen.add(article.id);
      found.push(article);
    }
    return found;
  }

  /** Find a guild's article by its id or its URL. */
  findArticle(guildId: string, idOrUrl: string): StoredArticle | undefined {
    const key = idOrUrl.trim();
    const byId = this.library.getArticle(guildId, key);
    if (byId) return byId;
    const url = normalizeArticleUrl(key);
    return url ? this.library.findByUrl(guildId, url) : undefined;
  }

  /** Remove a guild's article by id or URL; NotFoundError when this guild has no such article. */
  removeArticle(guildId: string, idOrUrl: string): StoredArticle {
    const article = this.findArticle(guildId, idOrUrl);
    if (!article || !this.library.deleteArticle(guildId, article.id)) {
      throw new NotFoundError(
        'article-not-found',
        `No article "${idOrUrl.trim()}" here. Use /sources to see the article ids.`,
      );
    }
    this.library.flush();
    return article;
  }

  /** Start loading an embedding model that loads on first use, so the first question does not wait for it. */
  warmModel(): void {
    const { embeddings } = this.model;
    if (embeddings instanceof LazyEmbeddings || embeddings instanceof PooledEmbeddings) embeddings.warm();
  }

  /** Save the indexes and close the database. */
  close(): void {
    this.closing = true;
    this.library.close();
    this.stopModelWorkers();
  }

  /**
   * Stop taking new work, let the ingests and answers in flight finish (for at most `timeoutMs`),
   * then save the indexes and close the database. An article whose ingest is cut by the timeout is
   * not half stored: each article is written in one transaction.
   */
  async shutdown(timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<{ unfinished: number }> {
    this.closing = true;
    const finished = await settledWithin([...this.running], timeoutMs);
    const unfinished = finished ? 0 : this.running.size;
    this.library.close();
    this.stopModelWorkers();
    return { unfinished };
  }

  private stopModelWorkers(): void {
    if (this.ownsModel && this.model.embeddings instanceof PooledEmbeddings) this.model.embeddings.close();
  }

  /** Run work that must end before the database closes; refused once shutdown has begun. */
  private tracked<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ShuttingDownError());
    const promise = work();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }
}

import type { Answer } from './answer/answer.js';
import { AskService } from './answer/ask-service.js';
import type { Config } from './config.js';
import type { EmbeddingModel } from './embed/embedding-model.js';
import { loadEmbeddingModel } from './embed/load-embedding-model.js';
import { NotFoundError } from './errors.js';
import type { ArticleInput } from './ingest/article.js';
import { type IngestOutcome, IngestService } from './ingest/ingest-service.js';
import { reembedStalePassages } from './ingest/reembed.js';
import { normalizeArticleUrl } from './ingest/url.js';
import { PassageRanker, type RankingOptions } from './retrieve/passage-ranker.js';
import type { StoredArticle } from './store/article-store.js';
import { NewsLibrary } from './store/news-library.js';

export const SOURCES_PAGE_SIZE = 10;

export interface SourcesPage {
  articles: StoredArticle[];
  page: number;
  pages: number;
  total: number;
}

export interface NewsdeskOptions {
  /** An already loaded model (tests share one). */
  model?: EmbeddingModel;
  ranking?: RankingOptions;
}

/**
 * The core services behind one data folder, the same for the CLI, the console and the Discord
 * bot: ingest, ask, list and remove. Every call names the guild it acts for.
 */
export class Newsdesk {
  readonly ingest: IngestService;
  readonly asker: AskService;
  readonly ranker: PassageRanker;

  private constructor(
    readonly library: NewsLibrary,
    readonly model: EmbeddingModel,
    ranking: RankingOptions | undefined,
  ) {
    this.ingest = new IngestService(library, model);
    this.ranker = new PassageRanker(library, model, ranking);
    this.asker = new AskService(library, this.ranker);
  }

  /** Load the model, open the data folder, and re-embed anything a previous model left behind. */
  static async open(config: Pick<Config, 'dataDir' | 'embedding'>, options: NewsdeskOptions = {}): Promise<Newsdesk> {
    const model = options.model ?? (await loadEmbeddingModel(config.embedding));
    const library = NewsLibrary.open(config.dataDir, model);
    await reembedStalePassages(library, model);
    return new Newsdesk(library, model, options.ranking);
  }

  /** Ingest files or folders into a guild. */
  ingestFiles(paths: readonly string[], guildId: string): Promise<IngestOutcome[]> {
    return this.ingest.ingestFiles(paths, guildId);
  }

  /** Ingest articles given as data (pasted text, a fetched page) into a guild. */
  ingestArticles(inputs: readonly ArticleInput[], guildId: string): Promise<IngestOutcome[]> {
    return this.ingest.ingestArticles(inputs, guildId);
  }

  /** Answer a question from the guild's articles. */
  ask(guildId: string, question: string): Promise<Answer> {
    return this.asker.ask(guildId, question);
  }

  /** One page (from 1) of the guild's articles, newest first, optionally filtered by title or outlet. */
  listSources(
    guildId: string,
    options: { query?: string | undefined; page?: number; pageSize?: number } = {},
  ): SourcesPage {
    const pageSize = options.pageSize ?? SOURCES_PAGE_SIZE;
    const total = this.library.articles.countArticles(guildId, options.query);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, options.page ?? 1), pages);
    const articles = this.library.articles.listArticles(guildId, {
      query: options.query,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { articles, page, pages, total };
  }

  /** Find a guild's article by its id or its URL. */
  findArticle(guildId: string, idOrUrl: string): StoredArticle | undefined {
    const key = idOrUrl.trim();
    const byId = this.library.articles.getArticle(guildId, key);
    if (byId) return byId;
    const url = normalizeArticleUrl(key);
    return url ? this.library.articles.findByUrl(guildId, url) : undefined;
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

  /** Save the indexes and close the database. */
  close(): void {
    this.library.close();
  }
}

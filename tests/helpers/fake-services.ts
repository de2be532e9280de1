import type { Answer } from '../../src/answer/answer.js';
import type { AskOptions } from '../../src/answer/ask-service.js';
import type { PreviousTurn } from '../../src/answer/follow-up.js';
import type { Briefing } from '../../src/briefing/briefing.js';
import type { BotServices } from '../../src/discord/command.js';
import { InvalidInputError, NotFoundError } from '../../src/errors.js';
import type { IngestOutcome } from '../../src/ingest/ingest-service.js';
import type { ArticleSubmission, SourcesPage } from '../../src/newsdesk.js';
import type { StoredArticle, StoredPassage } from '../../src/store/article-store.js';
import type { StoredFeed } from '../../src/store/feed-store.js';
import {
  DEFAULT_GUILD_SETTINGS,
  type GuildSettings,
  parseTimeOfDay,
  parseTimeZone,
} from '../../src/store/guild-settings.js';

/** In-memory core services for command tests: records calls, keeps articles per guild, answers with `nextAnswer`. */
export class FakeServices implements BotServices {
  readonly calls: { method: string; guildId: string; argument: unknown }[] = [];
  readonly articles = new Map<string, StoredArticle[]>();
  private readonly stored = new Map<string, GuildSettings>();
  nextAnswer: Answer = { answer: 'Nothing.', abstained: true, citations: [], support: 0 };
  nextBriefing: Briefing = {
    since: '2024-03-01T08:00:00.000Z',
    until: '2024-03-02T08:00:00.000Z',
    timeZone: 'UTC',
    articleCount: 0,
    outletCount: 0,
    stories: [],
    quickHits: [],
    continuing: 0,
    sources: [],
    late: false,
  };
  /** When set, the next call of this method throws it. */
  failWith: { method: string; error: Error } | undefined;

  private record(method: string, guildId: string, argument: unknown): void {
    this.calls.push({ method, guildId, argument });
    if (this.failWith?.method === method) {
      const { error } = this.failWith;
      this.failWith = undefined;
      throw error;
    }
  }

  async ask(guildId: string, question: string, options: AskOptions = {}): Promise<Answer> {
    this.record('ask', guildId, options.previous ? { question, previous: options.previous } : question);
    return this.nextAnswer;
  }

  /** Progress steps the next /add reports, each after a pause, as a long file's ingest would. */
  nextAddProgress: { done: number; total: number; afterMs: number }[] = [];

  async addArticles(
    guildId: string,
    submission: ArticleSubmission,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<IngestOutcome[]> {
    this.record('addArticles', guildId, submission);
    for (const step of this.nextAddProgress.splice(0)) {
      await new Promise((resolve) => setTimeout(resolve, step.afterMs));
      options.onProgress?.(step.done, step.total);
    }
    const title = submission.title ?? ('text' in submission ? (submission.text.split('\n')[0] ?? '') : 'Untitled');
    if (title.trim() === '') throw new InvalidInputError('empty-text', 'The text is empty.');
    const article = fakeArticle(guildId, title, submission.source ?? null);
    this.articles.set(guildId, [article, ...(this.articles.get(guildId) ?? [])]);
    return [{ origin: 'text', status: 'added', article, passageCount: article.passageCount }];
  }

  listSources(
    guildId: string,
    options: { query?: string | undefined; page?: number; pageSize?: number } = {},
  ): SourcesPage {
    this.record('listSources', guildId, options);
    const all = (this.articles.get(guildId) ?? []).filter(
      (article) => !options.query || article.title.toLowerCase().includes(options.query.toLowerCase()),
    );
    const pageSize = options.pageSize ?? 10;
    const pages = Math.max(1, Math.ceil(all.length / pageSize));
    const page = Math.min(Math.max(1, options.page ?? 1), pages);
    return { articles: all.slice((page - 1) * pageSize, page * pageSize), page, pages, total: all.length };
  }

  /** Conversation turns in memory, numbered from 1. */
  readonly turns: { guildId: string; turn: PreviousTurn; followsId: number | undefined }[] = [];
  readonly conversations = {
    record: (guildId: string, question: string, answer: Answer, follows?: { id: number; turn: PreviousTurn }) => {
      const articleIds = answer.citations.map((citation) => citation.articleId);
      this.turns.push({ guildId, turn: { question, articleIds }, followsId: follows?.id });
      return this.turns.length;
    },
    get: (guildId: string, id: number): PreviousTurn | undefined => {
      const entry = this.turns[id - 1];
      return entry?.guildId === guildId ? entry.turn : undefined;
    },
    continueInThread: (guildId: string, threadId: string, turnId: number): void => {
      this.threads.set(threadId, { guildId, turnId });
    },
    threadTurnId: (guildId: string, threadId: string): number | undefined => {
      const thread = this.threads.get(threadId);
      return thread?.guildId === guildId ? thread.turnId : undefined;
    },
  };
  readonly threads = new Map<string, { guildId: string; turnId: number }>();

  /** Each stored article's passage has its article's number as id ("a3" -> 3); passages of removed articles are gone. */
  passages(guildId: string, ids: readonly number[]): StoredPassage[] {
    this.record('passages', guildId, ids);
    const articles = this.articles.get(guildId) ?? [];
    return ids.flatMap((id) => {
      const article = articles.find((candidate) => Number(candidate.id.replace(/\D/g, '')) === id);
      return article
        ? [{ id, articleId: article.id, seq: 0, start: 0, end: 0, text: `Passage of ${article.title}.`, article }]
        : [];
    });
  }

  removeArticle(guildId: string, idOrUrl: string): StoredArticle {
    this.record('removeArticle', guildId, idOrUrl);
    const list = this.articles.get(guildId) ?? [];
    const found = list.find((article) => article.id === idOrUrl);
    if (!found) throw new NotFoundError('article-not-found', `No article "${idOrUrl}" here.`);
    this.articles.set(
      guildId,
      list.filter((article) => article !== found),
    );
    return found;
  }

  async briefing(guildId: string, period: { hours?: number }): Promise<Briefing> {
    this.record('briefing', guildId, period);
    return this.nextBriefing;
  }

  readonly feedList: StoredFeed[] = [];
  readonly feeds = {
    add: async (guildId: string, url: string): Promise<{ feed: StoredFeed; items: number }> => {
      this.record('addFeed', guildId, url);
      const now = new Date().toISOString();
      const feed: StoredFeed = {
        id: this.feedList.length + 1,
        guildId,
        url,
        title: 'Example Feed',
        etag: null,
        lastModified: null,
        addedAt: now,
        lastPolledAt: now,
        nextPollAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        failures: 0,
        lastError: null,
      };
      this.feedList.push(feed);
      return { feed, items: 12 };
    },
    remove: (guildId: string, idOrUrl: string): StoredFeed => {
      this.record('removeFeed', guildId, idOrUrl);
      const index = this.feedList.findIndex((feed) => feed.guildId === guildId && String(feed.id) === idOrUrl);
      const [removed] = index >= 0 ? this.feedList.splice(index, 1) : [];
      if (!removed) throw new NotFoundError('feed-not-found', `This server follows no feed "${idOrUrl}".`);
      return removed;
    },
    list: (guildId: string): StoredFeed[] => this.feedList.filter((feed) => feed.guildId === guildId),
  };

  readonly settings = {
    get: (guildId: string): GuildSettings => this.stored.get(guildId) ?? { ...DEFAULT_GUILD_SETTINGS },
    update: (guildId: string, change: Partial<GuildSettings>): GuildSettings => {
      this.record('updateSettings', guildId, change);
      const next = { ...this.settings.get(guildId), ...change };
      next.briefingTime = parseTimeOfDay(next.briefingTime);
      next.timeZone = parseTimeZone(next.timeZone);
      this.stored.set(guildId, next);
      return next;
    },
  };
}

let counter = 0;

/** A stored article as the core would return it. */
export function fakeArticle(
  guildId: string,
  title: string,
  source: string | null,
  url: string | null = null,
): StoredArticle {
  counter += 1;
  const now = new Date().toISOString();
  return {
    id: `a${counter.toString(36).padStart(7, '0')}`,
    guildId,
    title,
    source,
    author: null,
    url,
    publishedAt: now,
    category: null,
    contentHash: `hash${counter}`,
    addedAt: now,
    updatedAt: now,
    passageCount: 3,
  };
}

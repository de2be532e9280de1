import { parseFeed } from '@rowanmanning/feed-parser';
import { InvalidInputError, isUserError, NotFoundError } from '../errors.js';
import { componentLogger } from '../logger.js';
import type { FeedStore, StoredFeed } from '../store/feed-store.js';
import type { ArticleInput } from './article.js';
import { FEED_TYPES, HttpStatusError, type PageFetcher } from './fetch-page.js';
import type { IngestOutcome } from './ingest-service.js';
import { normalizeArticleUrl } from './url.js';

const log = componentLogger('feeds');

export const DEFAULT_POLL_MINUTES = 30;
/** Backoff after errors doubles up to this. */
const MAX_BACKOFF_MS = 24 * 3_600_000;
/** Requests to one host are at least this far apart within a poll. */
export const HOST_SPACING_MS = 2_000;
/** New items ingested per feed per poll; the rest wait for the next poll. */
const MAX_ITEMS_PER_POLL = 20;
/** A guild follows at most this many feeds. */
export const MAX_FEEDS_PER_GUILD = 50;

/** One entry of a feed, reduced to what ingest needs. */
export interface FeedEntry {
  key: string;
  title: string;
  url: string | undefined;
  published: string | undefined;
  /** The summary or content the feed carries, used when the page itself cannot be fetched. */
  text: string | undefined;
}

export interface ParsedFeed {
  title: string | undefined;
  entries: FeedEntry[];
}

/** Parse RSS 2.0 or Atom text; InvalidInputError when it is neither. */
export function parseFeedText(xml: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch {
    throw new InvalidInputError('not-a-feed', 'That link is not an RSS or Atom feed.');
  }
  const entries = feed.items.flatMap((item): FeedEntry[] => {
    const url = item.url ?? undefined;
    const key = item.id ?? url ?? item.title;
    if (!key) return [];
    return [
      {
        key: normalizeArticleUrl(key) ?? key,
        title: item.title ?? url ?? 'Untitled',
        url,
        published: (item.published ?? item.updated)?.toISOString(),
        text: item.content ?? item.description ?? undefined,
      },
    ];
  });
  // A feed that lists one item twice (it happens with syndicated feeds) shows it once.
  const unique = [...new Map(entries.map((entry) => [entry.key, entry])).values()];
  return { title: feed.title ?? undefined, entries: unique };
}

export interface FeedPollResult {
  feed: StoredFeed;
  status: 'new-items' | 'no-new-items' | 'not-modified' | 'failed';
  outcomes: IngestOutcome[];
  error?: string;
}

export interface FeedServiceDeps {
  store: FeedStore;
  fetcher: PageFetcher;
  /** Ingest articles into a guild (the normal path). */
  ingest(inputs: readonly ArticleInput[], guildId: string): Promise<IngestOutcome[]>;
  pollMinutes?: number;
  /** Waits between requests to one host; tests replace it. */
  sleep?: (ms: number) => Promise<void>;
}

/** Follows RSS and Atom feeds per guild and ingests their new items. */
export class FeedService {
  private readonly pollMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: FeedServiceDeps) {
    this.pollMs = (deps.pollMinutes ?? DEFAULT_POLL_MINUTES) * 60_000;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Follow a feed: it is fetched and parsed first, and its current items count as seen. */
  async add(guildId: string, rawUrl: string, now = new Date()): Promise<{ feed: StoredFeed; items: number }> {
    const url = normalizeArticleUrl(rawUrl);
    if (!url) throw new InvalidInputError('bad-url', `"${rawUrl}" is not an http(s) link.`);
    if (this.deps.store.findByUrl(guildId, url)) {
      throw new InvalidInputError('feed-exists', 'This server already follows that feed.');
    }
    if (this.deps.store.list(guildId).length >= MAX_FEEDS_PER_GUILD) {
      throw new InvalidInputError('too-many-feeds', `A server can follow at most ${MAX_FEEDS_PER_GUILD} feeds.`);
    }
    const document = await this.deps.fetcher.fetchDocument(url, { accept: FEED_TYPES });
    const parsed = parseFeedText(document.text);
    const feed = this.deps.store.add(
      guildId,
      url,
      parsed.title ?? null,
      parsed.entries.map((entry) => entry.key),
      now,
      new Date(now.getTime() + this.pollMs),
    );
    this.deps.store.recordPoll(feed.id, {
      polledAt: now,
      nextPollAt: new Date(now.getTime() + this.pollMs),
      failures: 0,
      error: null,
      etag: document.etag,
      lastModified: document.lastModified,
    });
    return { feed: this.deps.store.get(guildId, feed.id) ?? feed, items: parsed.entries.length };
  }

  /** Stop following a feed, by its number in /feed list or its URL. */
  remove(guildId: string, idOrUrl: string): StoredFeed {
    const key = idOrUrl.trim();
    const url = normalizeArticleUrl(key);
    const feed = /^\d+$/.test(key)
      ? this.deps.store.get(guildId, Number(key))
      : url
        ? this.deps.store.findByUrl(guildId, url)
        : undefined;
    if (!feed || !this.deps.store.remove(guildId, feed.id)) {
      throw new NotFoundError('feed-not-found', `This server follows no feed "${key}". /feed list shows them.`);
    }
    return feed;
  }

  list(guildId: string): StoredFeed[] {
    return this.deps.store.list(guildId);
  }

  /**
   * Poll every feed that is due (or, with `everyFeedOf`, every feed of that guild now); requests to
   * one host are spaced out.
   */
  async pollDue(now = new Date(), everyFeedOf?: string): Promise<FeedPollResult[]> {
    const due = everyFeedOf === undefined ? this.deps.store.due(now) : this.deps.store.list(everyFeedOf);
    const lastRequest = new Map<string, number>();
    const results: FeedPollResult[] = [];
    for (const feed of due) {
      const host = new URL(feed.url).host;
      const last = lastRequest.get(host);
      if (last !== undefined) await this.sleep(Math.max(0, last + HOST_SPACING_MS - Date.now()));
      lastRequest.set(host, Date.now());
      try {
        results.push(await this.pollOne(feed, now));
      } catch (error) {
        results.push(this.failed(feed, now, error));
      }
    }
    return results;
  }

  private async pollOne(feed: StoredFeed, now: Date): Promise<FeedPollResult> {
    const next = new Date(now.getTime() + this.pollMs);
    let fetched: Awaited<ReturnType<PageFetcher['fetchConditional']>>;
    try {
      fetched = await this.deps.fetcher.fetchConditional(feed.url, {
        accept: FEED_TYPES,
        etag: feed.etag ?? undefined,
        lastModified: feed.lastModified ?? undefined,
      });
    } catch (error) {
      return this.failed(feed, now, error);
    }
    if (fetched === 'not-modified') {
      this.deps.store.recordPoll(feed.id, { polledAt: now, nextPollAt: next, failures: 0, error: null });
      return { feed, status: 'not-modified', outcomes: [] };
    }
    let parsed: ParsedFeed;
    try {
      parsed = parseFeedText(fetched.text);
    } catch (error) {
      return this.failed(feed, now, error);
    }
    const fresh = new Set(
      this.deps.store.unseen(
        feed.id,
        parsed.entries.map((entry) => entry.key),
      ),
    );
    const entries = parsed.entries.filter((entry) => fresh.has(entry.key)).slice(0, MAX_ITEMS_PER_POLL);
    const outcomes: IngestOutcome[] = [];
    for (const entry of entries) {
      outcomes.push(...(await this.ingestEntry(feed, entry)));
      // Seen once tried, whatever the outcome: a broken item must not be fetched on every poll.
      this.deps.store.markSeen(feed.id, [entry.key], now);
    }
    this.deps.store.recordPoll(feed.id, {
      polledAt: now,
      nextPollAt: next,
      failures: 0,
      error: null,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      title: parsed.title,
    });
    log.info({ feed: feed.url, guild: feed.guildId, items: entries.length }, 'feed polled');
    return { feed, status: entries.length > 0 ? 'new-items' : 'no-new-items', outcomes };
  }

  /** Fetch the item's page and ingest it; when the page cannot be had, the feed's own text stands in. */
  private async ingestEntry(feed: StoredFeed, entry: FeedEntry): Promise<IngestOutcome[]> {
    let input: ArticleInput | undefined;
    if (entry.url) {
      try {
        input = await this.deps.fetcher.fetchArticle(entry.url);
      } catch (error) {
        if (!isUserError(error)) throw error;
        log.info(
          { feed: feed.url, item: entry.url, reason: error.message },
          'item page unavailable; using the feed text',
        );
      }
    }
    input ??= {
      title: entry.title,
      body: (entry.text ?? '').replace(/<[^>]+>/g, ' '),
      url: entry.url,
      origin: entry.url ?? feed.url,
    };
    return this.deps.ingest(
      [
        {
          ...input,
          source: input.source ?? feed.title ?? undefined,
          publishedAt: input.publishedAt ?? entry.published,
        },
      ],
      feed.guildId,
    );
  }

  /** Count a failed poll and back off: doubling from the poll interval, or as long as Retry-After asks. */
  private failed(feed: StoredFeed, now: Date, error: unknown): FeedPollResult {
    const message = isUserError(error) ? error.message : 'unexpected error (see the log)';
    if (!isUserError(error)) log.error({ feed: feed.url, err: error }, 'feed poll crashed');
    const failures = feed.failures + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, this.pollMs * 2 ** (failures - 1));
    const retryAfter = error instanceof HttpStatusError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
    const nextPollAt = new Date(now.getTime() + Math.max(backoff, retryAfter));
    this.deps.store.recordPoll(feed.id, { polledAt: now, nextPollAt, failures, error: message });
    log.warn({ feed: feed.url, failures, next: nextPollAt.toISOString(), reason: message }, 'feed poll failed');
    return {
      feed: { ...feed, failures, nextPollAt: nextPollAt.toISOString() },
      status: 'failed',
      outcomes: [],
      error: message,
    };
  }
}

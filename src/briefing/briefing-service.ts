import type { ModelWriter } from '../answer/model-writer.js';
import { componentLogger } from '../logger.js';
import type { StoredArticle } from '../store/article-store.js';
import type { BriefingStore, StoredBriefing } from '../store/briefing-store.js';
import type { NewsLibrary } from '../store/news-library.js';
import { withoutBoilerplate } from '../text/outlet-boilerplate.js';
import { contentWords, stemOf } from '../text/terms.js';
import type { Briefing, RememberedStory } from './briefing.js';
import { type ClusterOptions, DEFAULT_CLUSTER_OPTIONS } from './cluster-stories.js';
import { composeBriefing } from './compose-briefing.js';
import { nameVector, type ProfiledArticle, smoothedIdf, termVector } from './story-profile.js';
import { writeStorySummaries } from './write-summaries.js';

const log = componentLogger('briefing');

/** The newest articles a briefing considers; more would make a wall, not a briefing. */
export const MAX_BRIEFING_ARTICLES = 300;

export interface BriefingRequest {
  since: Date;
  until: Date;
  timeZone: string;
  late?: boolean;
  /** Catch up on one subject: only the period's articles about it are told. */
  topic?: string | undefined;
}

/**
 * An article is about a topic when its headline and lede hold this share of the topic's words,
 * weighted by their rarity in the guild's library ("central bank": "bank" alone is not enough).
 */
export const TOPIC_COVERAGE = 0.6;

/** Builds briefings from a guild's stored articles and remembers the scheduled ones. */
export class BriefingService {
  readonly store: BriefingStore;
  private readonly library: NewsLibrary;
  private readonly clusterOptions: ClusterOptions;
  private readonly writer: ModelWriter | undefined;

  constructor(parts: {
    library: NewsLibrary;
    /** Where the scheduled briefings are remembered. */
    store: BriefingStore;
    clusterOptions?: ClusterOptions;
    /** The configured language model; without one, summaries are sentences quoted from the articles. */
    writer?: ModelWriter | undefined;
  }) {
    this.library = parts.library;
    this.store = parts.store;
    this.clusterOptions = parts.clusterOptions ?? DEFAULT_CLUSTER_OPTIONS;
    this.writer = parts.writer;
  }

  /** The guild's articles dated in [since, until), as the clustering sees them. */
  profiledArticles(guildId: string, since: Date, until: Date): ProfiledArticle[] {
    return this.profile(
      guildId,
      this.library.listArticles(guildId, {
        since: since.toISOString(),
        until: until.toISOString(),
        limit: MAX_BRIEFING_ARTICLES,
      }),
    );
  }

  private profile(guildId: string, articles: readonly StoredArticle[]): ProfiledArticle[] {
    const leads = this.library.leadPassages(
      guildId,
      articles.map((article) => article.id),
    );
    // An outlet's repeated sentences (newsletter prompts, shopping-guide blurbs) neither tell a story
    // nor make two articles one story.
    const leadTexts = new Map(
      articles.map((article) => [
        article.id,
        withoutBoilerplate(leads.get(article.id)?.text ?? '', article.source, (source, sentence) =>
          this.library.isOutletBoilerplate(guildId, source, sentence),
        ),
      ]),
    );
    const stems = new Set<string>();
    for (const article of articles) {
      for (const word of contentWords(`${article.title} ${leadTexts.get(article.id) ?? ''}`)) stems.add(stemOf(word));
    }
    const { passages, frequencies } = this.library.termFrequencies(guildId, [...stems]);
    const idf = smoothedIdf(passages, frequencies);
    return articles.flatMap((article) => {
      const lead = leads.get(article.id);
      if (!lead) return [];
      const text = leadTexts.get(article.id) ?? '';
      return [
        {
          id: article.id,
          title: article.title,
          source: article.source,
          url: article.url,
          publishedAt: Date.parse(article.publishedAt ?? article.addedAt),
          lead: text,
          vector: lead.vector,
          terms: termVector(article.title, text, idf),
          names: nameVector(article.title, text, idf),
        },
      ];
    });
  }

  /**
   * Compose a briefing of a period, tagged against the guild's latest scheduled briefing; a
   * configured model rewrites the top stories' summaries, each citation checked.
   */
  async compose(
    guildId: string,
    request: BriefingRequest,
  ): Promise<{ briefing: Briefing; remembered: RememberedStory[] }> {
    const started = performance.now();
    const inPeriod = this.profiledArticles(guildId, request.since, request.until);
    const articles = request.topic === undefined ? inPeriod : this.aboutTopic(guildId, inPeriod, request.topic);
    const previous = (this.store.latest(guildId)?.stories ?? []).map((story) => ({
      ...story,
      articles: this.profile(
        guildId,
        story.articleIds
          .map((id) => this.library.getArticle(guildId, id))
          .filter((article): article is StoredArticle => article !== undefined),
      ),
    }));
    const result = composeBriefing(articles, {
      since: request.since.toISOString(),
      until: request.until.toISOString(),
      timeZone: request.timeZone,
      previous,
      late: request.late ?? false,
      cluster: this.clusterOptions,
    });
    log.debug(
      {
        guild: guildId,
        articles: articles.length,
        stories: result.briefing.stories.length,
        ms: performance.now() - started,
      },
      'composed briefing',
    );
    const told =
      request.topic === undefined ? result : { ...result, briefing: { ...result.briefing, topic: request.topic } };
    if (!this.writer || told.briefing.stories.length === 0) return told;
    return { ...told, briefing: await writeStorySummaries(told.briefing, articles, this.writer) };
  }

  /** The articles whose headline and lede cover the topic's words (TOPIC_COVERAGE of their rarity weight). */
  private aboutTopic(guildId: string, articles: readonly ProfiledArticle[], topic: string): ProfiledArticle[] {
    const stems = [...new Set(contentWords(topic).map((word) => stemOf(word)))];
    if (stems.length === 0) return [];
    const { passages, frequencies } = this.library.termFrequencies(guildId, stems);
    const idf = smoothedIdf(passages, frequencies);
    const weights = stems.map((stem) => ({ stem, weight: idf(stem) }));
    const total = weights.reduce((sum, { weight }) => sum + weight, 0);
    return articles.filter((article) => {
      const held = new Set(contentWords(`${article.title} ${article.lead}`).map((word) => stemOf(word)));
      const covered = weights.reduce((sum, { stem, weight }) => sum + (held.has(stem) ? weight : 0), 0);
      return total > 0 && covered / total >= TOPIC_COVERAGE;
    });
  }

  /** The guild's latest scheduled briefing. */
  latest(guildId: string): StoredBriefing | undefined {
    return this.store.latest(guildId);
  }
}

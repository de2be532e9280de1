import { readFileSync, writeFileSync } from 'node:fs';
import type { ClusterOptions } from '../briefing/cluster-stories.js';
import { clusterStories } from '../briefing/cluster-stories.js';
import { composeBriefing } from '../briefing/compose-briefing.js';
import type { Config } from '../config.js';
import type { Newsdesk } from '../newsdesk.js';
import { defaultEvalDataDir, EVAL_GUILD, openEvalLibrary } from './eval-library.js';
import { canonicalUrl } from './newsqa.js';
import { round } from './scoring.js';
import { type Clustering, pooledScores, scoreWindow, toldAsOneStory, type WindowCounts } from './story-scoring.js';

/** A window of hand-made gold stories (`../shared/bench/stories-dev/gold-dev.json`). */
interface GoldWindow {
  window: string;
  split?: string;
  stories: { label?: string; urls: string[] }[];
}

/** A gold story this large should be one of the briefing's top stories. */
const BIG_STORY_ARTICLES = 3;

/**
 * Cluster each gold window's articles through the normal briefing path (the eval library's stored
 * articles, profiled by BriefingService, grouped by clusterStories, told by composeBriefing) and
 * score the stories against the gold ones.
 */
export async function evaluateGoldStories(
  config: Config,
  options: {
    gold: string;
    corpus: string;
    dataDir?: string | undefined;
    cluster: ClusterOptions;
    predictions?: string | undefined;
  },
) {
  const gold = JSON.parse(readFileSync(options.gold, 'utf8')) as GoldWindow[];
  const { newsdesk } = await openEvalLibrary(config, {
    dataset: options.corpus,
    dataDir: options.dataDir ?? defaultEvalDataDir(),
  });
  try {
    const counts: WindowCounts[] = [];
    const perWindow: Record<string, unknown>[] = [];
    const predictions: GoldWindow[] = [];
    let bigStories = 0;
    let bigTold = 0;
    let composeMs = 0;
    for (const window of gold) {
      const [first, last] = window.window.split('..');
      const since = new Date(`${first}T00:00:00Z`);
      const until = new Date(Date.parse(`${last ?? first}T00:00:00Z`) + 86_400_000);
      const articles = newsdesk.briefings.profiledArticles(EVAL_GUILD, since, until);
      const keyOf = new Map(articles.map((article) => [article.id, canonicalUrl(article.url) ?? article.id]));
      const keys = (ids: readonly string[]) => new Set(ids.map((id) => keyOf.get(id) ?? id));
      const goldClusters: Clustering = window.stories.map(
        (story) => new Set(story.urls.map((url) => canonicalUrl(url) ?? url)),
      );
      const predicted = clusterStories(articles, options.cluster).map((story) =>
        keys(story.map((article) => article.id)),
      );
      const started = performance.now();
      const { briefing } = composeBriefing(articles, {
        since: since.toISOString(),
        until: until.toISOString(),
        timeZone: 'UTC',
        late: false,
        cluster: options.cluster,
      });
      composeMs += performance.now() - started;
      const top = briefing.stories.map((story) => keys(story.articleIds));
      const big = goldClusters.filter((story) => story.size >= BIG_STORY_ARTICLES);
      bigStories += big.length;
      bigTold += big.filter((story) => toldAsOneStory(story, top)).length;
      const windowCounts = scoreWindow(goldClusters, predicted);
      counts.push(windowCounts);
      const scores = pooledScores([windowCounts]);
      perWindow.push({
        window: window.window,
        articles: windowCounts.articles,
        stored: articles.length,
        ...Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, round(value)])),
        big_stories: big.length,
        big_told: big.filter((story) => toldAsOneStory(story, top)).length,
      });
      const urlOf = new Map(
        articles.map((article) => [keyOf.get(article.id) ?? article.id, article.url ?? article.id]),
      );
      predictions.push({
        window: window.window,
        stories: predicted.map((story) => ({ urls: [...story].map((key) => urlOf.get(key) ?? key) })),
      });
    }
    if (options.predictions) writeFileSync(options.predictions, JSON.stringify(predictions, null, 1));
    const overall = pooledScores(counts);
    const compose300Ms = composeLargeBriefingMs(newsdesk, options.cluster);
    return {
      ...Object.fromEntries(Object.entries(overall).map(([key, value]) => [key, round(value)])),
      big_story_recall: round(bigTold / Math.max(1, bigStories)),
      big_stories: bigStories,
      compose_ms_per_window: round(composeMs / Math.max(1, gold.length)),
      compose_ms_300_articles: compose300Ms,
      cluster: options.cluster,
      windows: perWindow,
    };
  } finally {
    newsdesk.close();
  }
}

/** The articles a large briefing is composed from: the "busy period" of 300 articles. */
const LARGE_BRIEFING_ARTICLES = 300;

/**
 * Milliseconds to compose one briefing of the corpus's LARGE_BRIEFING_ARTICLES most recent
 * articles (their profiles read once beforehand, as the briefing service has them), the median of
 * three runs; undefined when the corpus is smaller.
 */
function composeLargeBriefingMs(newsdesk: Newsdesk, cluster: ClusterOptions): number | undefined {
  const everything = newsdesk.briefings.profiledArticles(EVAL_GUILD, new Date(0), new Date('9999-12-31T00:00:00Z'));
  if (everything.length < LARGE_BRIEFING_ARTICLES) return undefined;
  const articles = [...everything].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, LARGE_BRIEFING_ARTICLES);
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    composeBriefing(articles, {
      since: new Date(articles.at(-1)?.publishedAt ?? 0).toISOString(),
      until: new Date((articles[0]?.publishedAt ?? 0) + 1).toISOString(),
      timeZone: 'UTC',
      late: false,
      cluster,
    });
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[1] ?? 0);
}

import {
  type Briefing,
  type BriefingSource,
  type BriefingStory,
  MAX_QUICK_HITS,
  MAX_TOP_STORIES,
  MIN_TOP_STORIES,
  type RememberedStory,
  type StoryTag,
} from './briefing.js';
import { type ClusterOptions, clusterStories, DEFAULT_CLUSTER_OPTIONS, storySimilarity } from './cluster-stories.js';
import { isEvergreenStory } from './evergreen.js';
import type { ProfiledArticle, TermVector } from './story-profile.js';
import { termCosine } from './story-profile.js';
import { centralArticle, chooseSentences, neutralHeadline, storyCentre } from './summarize-story.js';

/** A story of this briefing is the same as one of the previous briefing when their centres are this alike. */
const SAME_STORY_AS_BEFORE = 0.5;
const REMEMBERED_TERMS = 40;

export interface ComposeOptions {
  since: string;
  until: string;
  timeZone: string;
  /** The stories of the previous briefing of the same server, for New/Update. */
  previous?: readonly PreviousStory[];
  late?: boolean;
  cluster?: ClusterOptions;
}

/** A story of the previous briefing, with those of its articles that are still stored. */
export interface PreviousStory extends RememberedStory {
  articles: readonly ProfiledArticle[];
}

interface DraftStory {
  articles: ProfiledArticle[];
  centre: TermVector;
  central: ProfiledArticle;
  tag: StoryTag;
  sentences: { article: ProfiledArticle; text: string }[];
  outlets: string[];
  latest: number;
  before: RememberedStory | undefined;
  /** A guide, a round-up, a review: told as a quick hit unless several outlets cover one occasion. */
  evergreen: boolean;
}

/** An evergreen story reported by this many outlets is an occasion (a sale, a release) and can be a top story. */
const EVERGREEN_OCCASION_OUTLETS = 2;

/** Sentences a story remembers, so that later briefings do not repeat them as news. */
const REMEMBERED_SENTENCES = 12;

/**
 * The previous story this group continues: one that shares an article, or else the one whose
 * articles are, on average, as alike to this group's as two articles of one story must be
 * (the clustering's own test). Without stored articles, the remembered terms decide.
 */
function matchPrevious(
  group: readonly ProfiledArticle[],
  centre: TermVector,
  previous: readonly PreviousStory[],
  options: ClusterOptions,
): PreviousStory | undefined {
  const ids = new Set(group.map((article) => article.id));
  let best: PreviousStory | undefined;
  let bestScore = -1;
  for (const story of previous) {
    if (story.articleIds.some((id) => ids.has(id))) return story;
    let score: number;
    let needed: number;
    if (story.articles.length > 0) {
      let sum = 0;
      for (const a of group) for (const b of story.articles) sum += storySimilarity(a, b, options);
      score = sum / (group.length * story.articles.length);
      needed = options.threshold;
    } else {
      score = termCosine(centre, new Map(story.terms));
      needed = SAME_STORY_AS_BEFORE;
    }
    if (score >= needed && score > bestScore) {
      best = story;
      bestScore = score;
    }
  }
  return best;
}

/** How prominent a story is: reported by more outlets first, then more articles, then the latest. */
function byProminence(a: DraftStory, b: DraftStory): number {
  return b.outlets.length - a.outlets.length || b.articles.length - a.articles.length || b.latest - a.latest;
}

/**
 * Compose a briefing from the articles of a period: group them into stories, tag each against the
 * previous briefing, tell the top stories in two or three cited sentences, and list the rest as
 * quick hits. Also returns what the next briefing needs to remember of this one.
 */
export function composeBriefing(
  articles: readonly ProfiledArticle[],
  options: ComposeOptions,
): { briefing: Briefing; remembered: RememberedStory[] } {
  const previous = options.previous ?? [];
  const drafts: DraftStory[] = [];
  const carried: RememberedStory[] = [];
  const clusterOptions = options.cluster ?? DEFAULT_CLUSTER_OPTIONS;
  for (const group of clusterStories(articles, clusterOptions)) {
    const centre = storyCentre(group);
    const before = matchPrevious(group, centre, previous, clusterOptions);
    const fresh = before ? group.filter((article) => !before.articleIds.includes(article.id)) : group;
    const sentences = chooseSentences(fresh, centre, before?.sentences ?? [], fresh.length > 1 ? 3 : 2);
    if (before && (fresh.length === 0 || sentences.length === 0)) {
      // Told before, nothing new since: not news again, but still remembered for tomorrow.
      carried.push({
        ...before,
        articleIds: union(
          before.articleIds,
          group.map((article) => article.id),
        ),
      });
      continue;
    }
    const central = centralArticle(group, centre);
    if (sentences.length === 0) {
      // A lead without a quotable sentence (a list, a live blog): the story is still worth a line.
      sentences.push({ article: central, text: central.lead.split(/(?<=[.!?])\s/)[0] || central.title });
    }
    drafts.push({
      articles: group,
      centre,
      central,
      tag: before ? 'update' : 'new',
      sentences,
      outlets: [...new Set(group.map((article) => article.source).filter((source): source is string => !!source))],
      latest: Math.max(...group.map((article) => article.publishedAt)),
      before,
      evergreen: isEvergreenStory(group.map((article) => article.title)),
    });
  }
  // News first, by how widely and how recently it is reported; evergreen pieces after it.
  const isNews = (draft: DraftStory) => !draft.evergreen || draft.outlets.length >= EVERGREEN_OCCASION_OUTLETS;
  const ordered = [
    ...drafts.filter(isNews).sort(byProminence),
    ...drafts.filter((draft) => !isNews(draft)).sort(byProminence),
  ];
  const newsCount = ordered.filter(isNews).length;
  const multi = ordered.filter((draft) => isNews(draft) && draft.articles.length > 1).length;
  const topCount = Math.min(
    ordered.length,
    Math.max(Math.min(MIN_TOP_STORIES, newsCount || MIN_TOP_STORIES), Math.min(MAX_TOP_STORIES, multi)),
  );
  const top = ordered.slice(0, topCount);
  const hits = ordered.slice(topCount, topCount + MAX_QUICK_HITS);

  const sources: BriefingSource[] = [];
  const numberOf = new Map<string, number>();
  const cite = (article: ProfiledArticle): number => {
    const known = numberOf.get(article.id);
    if (known) return known;
    const n = sources.length + 1;
    numberOf.set(article.id, n);
    sources.push({
      n,
      articleId: article.id,
      title: article.title,
      source: article.source,
      url: article.url,
      publishedAt: Number.isFinite(article.publishedAt) ? new Date(article.publishedAt).toISOString() : null,
    });
    return n;
  };
  const toStory = (draft: DraftStory, withSentences: boolean): BriefingStory => {
    const sentences = withSentences ? draft.sentences.map(({ article, text }) => ({ text, n: cite(article) })) : [];
    const ordered = [draft.central, ...draft.articles.filter((article) => article !== draft.central)];
    return {
      headline: neutralHeadline(draft.central.title, draft.central.source),
      tag: draft.tag,
      sentences,
      outlets: draft.outlets,
      articleIds: draft.articles.map((article) => article.id),
      sourceNumbers: [...new Set([...sentences.map((sentence) => sentence.n), ...ordered.map(cite)])],
      url: draft.central.url,
    };
  };
  const stories = top.map((draft) => toStory(draft, true));
  const quickHits = hits.map((draft) => toStory(draft, false));

  const briefing: Briefing = {
    since: options.since,
    until: options.until,
    timeZone: options.timeZone,
    articleCount: articles.length,
    outletCount: new Set(articles.map((article) => article.source).filter(Boolean)).size,
    stories,
    quickHits,
    continuing: carried.length,
    sources,
    late: options.late ?? false,
  };
  const remembered = ordered.map((draft) => ({
    headline: neutralHeadline(draft.central.title, draft.central.source),
    articleIds: union(
      draft.before?.articleIds ?? [],
      draft.articles.map((article) => article.id),
    ),
    terms: [...draft.centre]
      .sort((a, b) => b[1] - a[1])
      .slice(0, REMEMBERED_TERMS)
      .map(([stem, weight]): [string, number] => [stem, Math.round(weight * 1e4) / 1e4]),
    sentences: [...draft.sentences.map((sentence) => sentence.text), ...(draft.before?.sentences ?? [])].slice(
      0,
      REMEMBERED_SENTENCES,
    ),
  }));
  remembered.push(...carried);
  return { briefing, remembered };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** A numbered source of a briefing. */
export interface BriefingSource {
  n: number;
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** A sentence quoted from an article, with the number of that article in the source list. */
export interface StorySentence {
  text: string;
  n: number;
}

/** New: not in the previous briefing. Update: in it, with new reports that add something. */
export type StoryTag = 'new' | 'update';

export interface BriefingStory {
  headline: string;
  tag: StoryTag;
  sentences: StorySentence[];
  outlets: string[];
  articleIds: string[];
  /** Numbers of all the story's articles in the source list, the cited ones first. */
  sourceNumbers: number[];
  /** The link a one-line mention uses: the most central article's. */
  url: string | null;
}

/** What a briefing tells: the period, its top stories, quick hits, and the numbered sources. */
export interface Briefing {
  since: string;
  until: string;
  timeZone: string;
  articleCount: number;
  outletCount: number;
  stories: BriefingStory[];
  quickHits: BriefingStory[];
  /** Stories already told in the previous briefing with nothing new since: left out. */
  continuing: number;
  sources: BriefingSource[];
  /** Posted after its scheduled time (the bot was down). */
  late: boolean;
  /** The language model that wrote the top stories' summaries (citations checked); absent when extractive. */
  writtenBy?: string;
  /** The subject a catch-up briefing was asked about: only its articles are told. */
  topic?: string;
}

/** What a posted briefing leaves for the next one to compare with. */
export interface RememberedStory {
  headline: string;
  articleIds: string[];
  /** The story's strongest terms with their weights. */
  terms: [string, number][];
  sentences: string[];
}

export const MIN_TOP_STORIES = 3;
export const MAX_TOP_STORIES = 7;
export const MAX_QUICK_HITS = 15;

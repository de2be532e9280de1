// The wording of a briefing's parts, shared by Discord's embeds and the terminal.

import { counted } from '../text/counted.js';
import { formatLocal } from '../time/local-time.js';
import type { Briefing, BriefingStory } from './briefing.js';

/** "Tue 24 Nov, 08:00 – Wed 25 Nov, 08:00 (Europe/Berlin)" */
export function briefingPeriod(briefing: Briefing): string {
  // A period that crosses a year, or is not of this year, says which years.
  const [since, until] = [new Date(briefing.since), new Date(briefing.until)];
  const year = (instant: Date) => instant.getUTCFullYear();
  const withYear = year(since) !== year(until) || year(until) !== new Date().getUTCFullYear();
  const from = formatLocal(since, briefing.timeZone, withYear);
  const to = formatLocal(until, briefing.timeZone, withYear);
  return `${from} – ${to} (${briefing.timeZone})`;
}

/** The one line a quiet period gets (or a topic nothing in the period is about). */
export function quietLine(briefing: Briefing): string {
  if (briefing.topic !== undefined) return `Nothing about "${briefing.topic}" in ${briefingPeriod(briefing)}.`;
  return `Quiet period: no articles dated ${briefingPeriod(briefing)}.`;
}

/** "Briefing", "Late briefing", or "Catching up on ferries". */
export function briefingHeading(briefing: Briefing): string {
  if (briefing.topic !== undefined) return `Catching up on "${briefing.topic}"`;
  return briefing.late ? 'Late briefing' : 'Briefing';
}

/** "12 articles from 5 outlets." and, when some were left out, why. */
export function briefingCounts(briefing: Briefing): string {
  const counts = `${counted(briefing.articleCount, 'article')} from ${counted(briefing.outletCount, 'outlet')}.`;
  const continuing =
    briefing.continuing > 0
      ? ` ${counted(briefing.continuing, 'story', 'stories')} from the last briefing had nothing new and ${briefing.continuing === 1 ? 'is' : 'are'} left out.`
      : '';
  const writer = briefing.writtenBy
    ? ` Summaries written by ${briefing.writtenBy}; every citation was checked against its article.`
    : '';
  return counts + continuing + writer;
}

/** "New · 3 outlets" */
export function storyTagLine(story: BriefingStory): string {
  const outlets = story.outlets.length;
  return `${story.tag === 'new' ? 'New' : 'Update'}${outlets > 0 ? ` · ${counted(outlets, 'outlet')}` : ''}`;
}

/** One outlet of a story, with its articles' numbers and links in the order the story cites them. */
export interface StoryOutlet {
  name: string;
  articles: { n: number; url: string | null }[];
}

/**
 * A story's sources beside it: each outlet once, with the numbers of its articles ("[7, 8]
 * Fortune"), by the outlet's name (or the headline when it has none).
 */
export function storySources(story: BriefingStory, briefing: Briefing): StoryOutlet[] {
  const byNumber = new Map(briefing.sources.map((source) => [source.n, source]));
  const outlets = new Map<string, StoryOutlet>();
  for (const n of story.sourceNumbers) {
    const source = byNumber.get(n);
    if (!source) continue;
    const name = source.source ?? source.title;
    const outlet = outlets.get(name) ?? { name, articles: [] };
    outlet.articles.push({ n, url: source.url });
    outlets.set(name, outlet);
  }
  return [...outlets.values()];
}

/** The story's sentences, each followed by its citation. */
export function storyText(story: BriefingStory): string {
  return story.sentences.map((sentence) => `${sentence.text} [${sentence.n}]`).join(' ');
}

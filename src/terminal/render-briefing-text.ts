import type { Briefing } from '../briefing/briefing.js';
import {
  briefingCounts,
  briefingHeading,
  briefingPeriod,
  quietLine,
  storySources,
  storyTagLine,
  storyText,
} from '../briefing/briefing-text.js';
import { byline } from '../text/source-line.js';

/** A briefing as Markdown for the terminal. */
export function renderBriefingText(briefing: Briefing): string {
  const title = `# ${briefingHeading(briefing)} · ${briefingPeriod(briefing)}`;
  if (briefing.articleCount === 0) return `${title}\n\n${quietLine(briefing)}`;
  const lines = [title, '', briefingCounts(briefing)];
  briefing.stories.forEach((story, index) => {
    const sources = storySources(story, briefing)
      .map((outlet) => `[${outlet.articles.map((article) => article.n).join(', ')}] ${outlet.name}`)
      .join(' · ');
    lines.push('', `## ${index + 1}. ${story.headline}`, `*${storyTagLine(story)}*`, '', storyText(story), sources);
  });
  if (briefing.quickHits.length > 0) {
    lines.push('', '## Quick hits');
    for (const hit of briefing.quickHits) lines.push(`- ${hit.headline} [${hit.sourceNumbers[0]}]`);
  }
  lines.push('', '## Sources');
  for (const source of briefing.sources) {
    const where = byline(source);
    lines.push(`[${source.n}] ${source.title}${where ? ` (${where})` : ''}${source.url ? ` ${source.url}` : ''}`);
  }
  return lines.join('\n');
}

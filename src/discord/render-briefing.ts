import type { APIEmbed } from 'discord.js';
import { escapeMarkdown } from 'discord.js';
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
import { type DiscordMessage, fitTitle, packEmbeds, textEmbeds } from './limits.js';
import { COLOURS, linkedTitle } from './render.js';

const STORY_COLOURS = { new: 0x2f9e44, update: 0xf08c00 } as const;

/**
 * A briefing for Discord: a summary embed, one embed per top story ending with its linked sources,
 * and the quick hits (linked), packed into as few messages as Discord's limits allow. Text is only ever
 * split between lines or sentences.
 */
export function renderBriefing(briefing: Briefing): DiscordMessage[] {
  const heading = briefingHeading(briefing);
  if (briefing.articleCount === 0) return [{ content: `**${heading}** · ${quietLine(briefing)}`, embeds: [] }];
  const lateNote = briefing.late ? '\nPosted late: the bot was offline at the scheduled time.' : '';
  const embeds: APIEmbed[] = [
    {
      title: fitTitle(`${heading} · ${briefingPeriod(briefing)}`),
      color: COLOURS.answer,
      description: `${briefingCounts(briefing)}${lateNote}`,
    },
  ];
  for (const story of briefing.stories) {
    // Each story ends with its own sources, linked, so a reader sees who reported what beside it.
    const sources = storySources(story, briefing)
      .map((outlet) => {
        // "[7, 8] Fortune": the name links to the first article, each later number to its own.
        const [first, ...more] = outlet.articles;
        const numbers = [
          String(first?.n ?? ''),
          ...more.map((article) =>
            article.url ? linkedTitle({ title: String(article.n), url: article.url }) : String(article.n),
          ),
        ];
        return `[${numbers.join(', ')}] ${linkedTitle({ title: outlet.name, url: first?.url ?? null })}`;
      })
      .join(' · ');
    const text = `**${storyTagLine(story)}**\n${escapeMarkdown(storyText(story))}\n${sources}`;
    embeds.push(...textEmbeds(text, { title: fitTitle(story.headline), color: STORY_COLOURS[story.tag] }));
  }
  if (briefing.quickHits.length > 0) {
    const lines = briefing.quickHits.map(
      (hit) =>
        `• ${linkedTitle({ title: hit.headline, url: hit.url })}${hit.outlets.length > 0 ? ` · ${escapeMarkdown(hit.outlets.join(', '))}` : ''}`,
    );
    embeds.push(...textEmbeds(lines.join('\n'), { title: 'Quick hits', color: COLOURS.list }));
  }
  return packEmbeds(embeds);
}

import type { APIEmbed } from 'discord.js';
import { escapeMarkdown } from 'discord.js';
import { type Answer, asOfLine, type Citation } from '../answer/answer.js';
import type { IngestOutcome } from '../ingest/ingest-service.js';
import type { SourcesPage } from '../newsdesk.js';
import type { StoredArticle, StoredPassage } from '../store/article-store.js';
import type { StoredFeed } from '../store/feed-store.js';
import type { GuildSettings } from '../store/guild-settings.js';
import { counted } from '../text/counted.js';
import { byline } from '../text/source-line.js';
import { answerButtons } from './answer-buttons.js';
import { DISCORD_LIMITS, type DiscordMessage, fitTitle, packEmbeds, textEmbeds } from './limits.js';
import { sourcesButtons } from './sources-buttons.js';
import { DISCORD_TEXTS } from './texts.js';

export const COLOURS = { answer: 0x5865f2, abstained: 0x99aab5, list: 0x2b8a3e, failure: 0xe03131 } as const;

/** A title as a Markdown link when the article has a URL; brackets are escaped so the link holds. */
export function linkedTitle(article: { title: string; url: string | null }): string {
  const text = escapeMarkdown(article.title).replace(/[[\]]/g, (bracket) => `\\${bracket}`);
  if (!article.url) return `**${text}**`;
  // A parenthesis in the URL would end the Markdown link early.
  const url = article.url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${text}](${url})`;
}

/** " · Outlet, 26 Jan 2022" or nothing. */
export function withByline(article: { source: string | null; publishedAt: string | null }): string {
  const where = byline(article);
  return where ? ` · ${escapeMarkdown(where)}` : '';
}

function citationLine(citation: Citation): string {
  return `**[${citation.n}]** ${linkedTitle(citation)}${withByline(citation)}`;
}

/**
 * `/ask`: the answer with `[n]` markers and its numbered, linked sources, split to fit Discord;
 * with `turnId` (the answer is a stored conversation turn), a button to ask a follow-up.
 */
export function renderAnswer(question: string, answer: Answer, turnId?: number, now = new Date()): DiscordMessage[] {
  const title = fitTitle(question);
  if (answer.abstained && answer.citations.length === 0) {
    return withButtons(
      packEmbeds(textEmbeds(answer.answer, { title, color: COLOURS.abstained }, DISCORD_TEXTS.askAbstainedHint)),
      [],
      turnId,
    );
  }
  if (answer.notStated) {
    const closest = `${answer.answer}\n\n**${DISCORD_TEXTS.closestSource}**\n${answer.citations.map(citationLine).join('\n')}`;
    return withButtons(
      packEmbeds(textEmbeds(closest, { title, color: COLOURS.abstained }, DISCORD_TEXTS.askAbstainedHint)),
      answer.citations,
      turnId,
    );
  }
  const sources = answer.citations.map(citationLine).join('\n');
  const asOf = asOfLine(answer, now);
  const text = `${answer.answer}\n\n${asOf ? `*${asOf}*\n` : ''}**Sources**\n${sources}`;
  const footer = answer.writtenBy ? DISCORD_TEXTS.modelAnswerFooter(answer.writtenBy) : DISCORD_TEXTS.answerFooter;
  return withButtons(packEmbeds(textEmbeds(text, { title, color: COLOURS.answer }, footer)), answer.citations, turnId);
}

/** The answer's buttons go under its last message. */
function withButtons(
  messages: DiscordMessage[],
  citations: readonly Citation[],
  turnId: number | undefined,
): DiscordMessage[] {
  const last = messages.at(-1);
  const components = answerButtons(citations, turnId);
  if (last && components.length > 0) last.components = components;
  return messages;
}

/** "Show passages": each cited passage in full, under its linked headline. */
export function renderPassages(passages: readonly StoredPassage[]): DiscordMessage[] {
  if (passages.length === 0) return [{ content: DISCORD_TEXTS.passagesRemoved, embeds: [] }];
  const embeds = passages.flatMap((passage) => {
    const where = byline(passage.article);
    return textEmbeds(escapeMarkdown(passage.text), {
      title: fitTitle(passage.article.title),
      ...(passage.article.url ? { url: passage.article.url } : {}),
      color: COLOURS.list,
      ...(where ? { author: { name: where } } : {}),
    });
  });
  const last = embeds.at(-1);
  if (last) last.footer = { text: DISCORD_TEXTS.passagesFooter };
  return packEmbeds(embeds);
}

/** `/ask` while a model writes: its unchecked draft so far, in one embed (the start is dropped if it grows too long). */
export function renderDraft(question: string, draft: string): DiscordMessage {
  const max = DISCORD_LIMITS.embedDescription - 2;
  const description = draft.length > max ? `…${draft.slice(draft.length - max)}` : draft;
  return {
    embeds: [
      { title: fitTitle(question), color: COLOURS.abstained, description, footer: { text: DISCORD_TEXTS.draftFooter } },
    ],
  };
}

function articleLine(article: StoredArticle): string {
  return `\`${article.id}\` ${linkedTitle(article)}${withByline(article)}`;
}

/** `/sources`: one page of the guild's articles. */
export function renderSources(page: SourcesPage, query: string | undefined): DiscordMessage[] {
  if (page.total === 0) {
    return [{ content: query ? DISCORD_TEXTS.noSourcesMatching(query) : DISCORD_TEXTS.noSources, embeds: [] }];
  }
  const title = `${counted(page.total, 'article')}${query ? ` matching "${query}"` : ''}`;
  const footer =
    page.pages > 1
      ? `Page ${page.page} of ${page.pages}${page.page < page.pages ? ` · /sources page:${page.page + 1}` : ''}`
      : undefined;
  const lines = page.articles.map(articleLine).join('\n');
  const messages = packEmbeds(textEmbeds(lines, { title: fitTitle(title), color: COLOURS.list }, footer));
  const last = messages.at(-1);
  const buttons = sourcesButtons(page, query);
  if (last && buttons.length > 0) last.components = buttons;
  return messages;
}

/** `/add`: what was stored, one line per article. */
export function renderIngestOutcomes(outcomes: readonly IngestOutcome[]): DiscordMessage[] {
  const lines = outcomes.map((outcome) => {
    if (outcome.status === 'failed') return `✗ ${escapeMarkdown(outcome.error.message)}`;
    const verb = { added: 'Added', updated: 'Updated', unchanged: 'Already here, unchanged:' }[outcome.status];
    return `✓ ${verb} ${linkedTitle(outcome.article)}${withByline(outcome.article)} · ${counted(outcome.passageCount, 'passage')} · id \`${outcome.article.id}\``;
  });
  const failed = outcomes.some((outcome) => outcome.status === 'failed');
  return packEmbeds(textEmbeds(lines.join('\n'), { color: failed ? COLOURS.failure : COLOURS.list }));
}

/** `/remove`: the article that was removed. */
export function renderRemoved(article: StoredArticle): DiscordMessage[] {
  return [{ content: `Removed ${linkedTitle(article)} (\`${article.id}\`).`, embeds: [] }];
}

/** `/settings`: the server's settings as they now are. */
export function renderSettings(settings: GuildSettings): DiscordMessage[] {
  const embed: APIEmbed = {
    title: 'newsdesk settings',
    color: COLOURS.list,
    fields: [
      {
        name: 'Daily briefing',
        value: settings.briefingChannelId
          ? `<#${settings.briefingChannelId}> at ${settings.briefingTime} (${settings.timeZone})`
          : `Off. Set a channel to post one every day at ${settings.briefingTime} (${settings.timeZone}).`,
      },
      {
        name: 'Moderators',
        value: settings.moderatorRoleId
          ? `Members with Manage Server, and the role <@&${settings.moderatorRoleId}>`
          : 'Members with Manage Server',
      },
      {
        name: 'Threads',
        value: settings.askInThreads
          ? 'Every /ask starts a thread on its answer; mention me there to follow up.'
          : 'Off: /ask starts a thread when asked with thread:true.',
      },
    ],
  };
  return [{ embeds: [embed] }];
}

/** `/feed list`: the feeds this server follows, with their state. */
export function renderFeeds(feeds: readonly StoredFeed[]): DiscordMessage[] {
  if (feeds.length === 0) return [{ content: DISCORD_TEXTS.noFeeds, embeds: [] }];
  const lines = feeds.map((feed) => {
    const name = escapeMarkdown(feed.title ?? new URL(feed.url).host);
    const state = feed.lastError
      ? `failing (${escapeMarkdown(feed.lastError)}), next try ${discordTime(feed.nextPollAt)}`
      : `next poll ${discordTime(feed.nextPollAt)}`;
    return `\`${feed.id}\` [${name}](${feed.url}) · ${state}`;
  });
  return packEmbeds(
    textEmbeds(lines.join('\n'), {
      title: counted(feeds.length, 'feed'),
      color: COLOURS.list,
    }),
  );
}

/** `/feed add`: the feed now followed. */
export function renderFeedAdded(feed: StoredFeed, items: number): DiscordMessage[] {
  const name = escapeMarkdown(feed.title ?? feed.url);
  return [
    {
      content: `Following **${name}** (\`${feed.id}\`). Its ${items} current item${items === 1 ? ' is' : 's are'} skipped; new items are added from the next poll, ${discordTime(feed.nextPollAt)}.`,
      embeds: [],
    },
  ];
}

/** `/feed remove`: the feed no longer followed. */
export function renderFeedRemoved(feed: StoredFeed): DiscordMessage[] {
  return [{ content: `Stopped following **${escapeMarkdown(feed.title ?? feed.url)}**.`, embeds: [] }];
}

/** A Discord timestamp that each reader sees in their own time zone ("in 30 minutes"). */
function discordTime(iso: string): string {
  return `<t:${Math.floor(Date.parse(iso) / 1000)}:R>`;
}

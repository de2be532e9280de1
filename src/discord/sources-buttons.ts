import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { SourcesPage } from '../newsdesk.js';
import { DISCORD_LIMITS } from './limits.js';
import { DISCORD_TEXTS } from './texts.js';

/** A page button carries the page and the query it pages through: "sources:2:ferry strike". */
const SOURCES = 'sources:';

function customId(page: number, query: string | undefined): string {
  return `${SOURCES}${page}:${query ?? ''}`;
}

/**
 * Previous / Next under a page of /sources, when there is more than one page and the query fits
 * in a custom id (otherwise the footer's `page:` hint is the way on).
 */
export function sourcesButtons(
  page: SourcesPage,
  query: string | undefined,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (page.pages <= 1 || customId(page.pages, query).length > DISCORD_LIMITS.customId) return [];
  const button = (label: string, target: number, disabled: boolean): APIComponentInMessageActionRow => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    // A disabled button still needs a custom id of its own, which pages nowhere.
    custom_id: disabled ? `sources-none:${label}` : customId(target, query),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(DISCORD_TEXTS.previousPage, Math.max(1, page.page - 1), page.page <= 1),
        button(DISCORD_TEXTS.nextPage, Math.min(page.pages, page.page + 1), page.page >= page.pages),
      ],
    },
  ];
}

/** The page and query a page button carries, or undefined when the custom id is not one. */
export function sourcesPageOf(customId: string): { page: number; query: string | undefined } | undefined {
  const match = /^sources:(\d{1,6}):(.*)$/s.exec(customId);
  if (!match) return undefined;
  return { page: Number(match[1]), query: match[2] ? match[2] : undefined };
}

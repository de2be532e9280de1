import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Citation } from '../answer/answer.js';
import { DISCORD_LIMITS } from './limits.js';
import { DISCORD_TEXTS } from './texts.js';

/**
 * "Show passages" carries the cited passages' ids in its custom id, so the button needs nothing
 * stored and keeps working after a restart: "passages:12,340,341".
 */
const SHOW_PASSAGES = 'passages:';

/** The row of buttons under an answer that cites passages. */
export function answerButtons(citations: readonly Citation[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const ids: number[] = [];
  let customId = SHOW_PASSAGES.slice(0, -1);
  for (const { passageId } of citations) {
    const longer = `${SHOW_PASSAGES}${[...ids, passageId].join(',')}`;
    if (longer.length > DISCORD_LIMITS.customId) break;
    ids.push(passageId);
    customId = longer;
  }
  if (ids.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: DISCORD_TEXTS.showPassages,
          custom_id: customId,
        },
      ],
    },
  ];
}

/** The passage ids of a "Show passages" button, or undefined when the custom id is not one. */
export function shownPassageIds(customId: string): number[] | undefined {
  if (!customId.startsWith(SHOW_PASSAGES)) return undefined;
  const ids = customId.slice(SHOW_PASSAGES.length).split(',');
  if (ids.length === 0 || !ids.every((id) => /^\d{1,15}$/.test(id))) return undefined;
  return ids.map(Number);
}

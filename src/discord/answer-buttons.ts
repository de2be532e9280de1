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

/** A follow-up button carries the turn it follows: "followup:42". */
const FOLLOW_UP = 'followup:';

/**
 * The row of buttons under an answer: "Ask a follow-up" when the answer is a turn of a stored
 * conversation, "Show passages" when it cites passages.
 */
export function answerButtons(
  citations: readonly Citation[],
  turnId?: number,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIComponentInMessageActionRow[] = [];
  if (turnId !== undefined) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: DISCORD_TEXTS.askFollowUp,
      custom_id: followUpCustomId(turnId),
    });
  }
  const shown = showPassagesButton(citations);
  if (shown) buttons.push(shown);
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

/** The custom id of a follow-up button and of the modal it opens. */
export function followUpCustomId(turnId: number): string {
  return `${FOLLOW_UP}${turnId}`;
}

/** The turn id a follow-up button or its modal carries, or undefined when the custom id is not one. */
export function followUpTurnId(customId: string): number | undefined {
  const match = new RegExp(`^${FOLLOW_UP}(\\d{1,15})$`).exec(customId);
  return match ? Number(match[1]) : undefined;
}

function showPassagesButton(citations: readonly Citation[]): APIComponentInMessageActionRow | undefined {
  const ids: number[] = [];
  let customId = '';
  for (const { passageId } of citations) {
    const longer = `${SHOW_PASSAGES}${[...ids, passageId].join(',')}`;
    if (longer.length > DISCORD_LIMITS.customId) break;
    ids.push(passageId);
    customId = longer;
  }
  if (ids.length === 0) return undefined;
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: DISCORD_TEXTS.showPassages,
    custom_id: customId,
  };
}

/** The passage ids of a "Show passages" button, or undefined when the custom id is not one. */
export function shownPassageIds(customId: string): number[] | undefined {
  if (!customId.startsWith(SHOW_PASSAGES)) return undefined;
  const ids = customId.slice(SHOW_PASSAGES.length).split(',');
  if (ids.length === 0 || !ids.every((id) => /^\d{1,15}$/.test(id))) return undefined;
  return ids.map(Number);
}

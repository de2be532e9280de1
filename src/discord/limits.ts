import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { splitSentences } from '../text/sentences.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
} as const;

/** One message to send: what reply, editReply and followUp take. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/**
 * Split text into pieces of at most `max` characters without cutting a line, or, for a line that
 * is too long by itself, a sentence; only a single sentence longer than `max` is cut between words.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = (unit: string, separator: string): void => {
    if (current === '') current = unit;
    else if (current.length + separator.length + unit.length <= max) current += separator + unit;
    else {
      pieces.push(current);
      current = unit;
    }
  };
  for (const line of text.split('\n')) {
    if (line.length <= max) {
      push(line, '\n');
      continue;
    }
    for (const { text: sentence } of splitSentences(line)) {
      for (const part of sentence.length <= max ? [sentence] : splitWords(sentence, max)) push(part, ' ');
    }
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

function splitWords(sentence: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    for (let start = 0; start < word.length; start += max) {
      const chunk = word.slice(start, start + max);
      if (current === '') current = chunk;
      else if (current.length + 1 + chunk.length <= max) current += ` ${chunk}`;
      else {
        parts.push(current);
        current = chunk;
      }
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** A title that fits, ending with an ellipsis when it had to be shortened. */
export function fitTitle(title: string, max: number = DISCORD_LIMITS.embedTitle): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Characters of an embed that count toward the 6,000 per message. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Long text as a series of embeds: the first carries `first` (title, colour, ...), the last carries
 * `footer`, and each description stays within Discord's limit.
 */
export function textEmbeds(text: string, first: Omit<APIEmbed, 'description'>, footer?: string): APIEmbed[] {
  const pieces = splitText(text, DISCORD_LIMITS.embedDescription);
  const embeds: APIEmbed[] = pieces.map((description, index) => ({
    ...(index === 0 ? first : first.color === undefined ? {} : { color: first.color }),
    description,
  }));
  if (embeds.length === 0) embeds.push({ ...first });
  const last = embeds[embeds.length - 1];
  if (last && footer) last.footer = { text: footer.slice(0, DISCORD_LIMITS.footer) };
  return embeds;
}

/** Group embeds into as few messages as Discord allows (10 embeds and 6,000 characters each). */
export function packEmbeds(embeds: readonly APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const next = embedSize(embed);
    if (
      current.length > 0 &&
      (current.length >= DISCORD_LIMITS.embedsPerMessage || size + next > DISCORD_LIMITS.embedTotal)
    ) {
      messages.push({ embeds: current });
      current = [];
      size = 0;
    }
    current.push(embed);
    size += next;
  }
  if (current.length > 0) messages.push({ embeds: current });
  return messages;
}

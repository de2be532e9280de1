import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedSize, fitTitle, packEmbeds, splitText, textEmbeds } from '../../src/discord/limits.js';

describe('splitText', () => {
  it('keeps text that fits as one piece', () => {
    expect(splitText('One line.\nTwo lines.', 100)).toEqual(['One line.\nTwo lines.']);
  });

  it('breaks between lines first, never inside a line that fits', () => {
    const lines = Array.from({ length: 10 }, (_, index) => `Line ${index} ${'word '.repeat(5).trim()}.`);
    const pieces = splitText(lines.join('\n'), 80);
    expect(pieces.every((piece) => piece.length <= 80)).toBe(true);
    expect(pieces.flatMap((piece) => piece.split('\n'))).toEqual(lines);
  });

  it('breaks a line that is too long between sentences', () => {
    const sentences = ['The first sentence is here.', 'The second one follows it.', 'A third closes the line.'];
    const pieces = splitText(sentences.join(' '), 60);
    expect(pieces).toEqual(['The first sentence is here. The second one follows it.', 'A third closes the line.']);
  });

  it('cuts a single over-long sentence between words only', () => {
    const sentence = `${'alpha beta gamma '.repeat(20).trim()}.`;
    const pieces = splitText(sentence, 50);
    expect(pieces.every((piece) => piece.length <= 50)).toBe(true);
    expect(pieces.join(' ')).toBe(sentence);
  });
});

describe('packing embeds into messages', () => {
  it('spreads long text over embeds within the description limit, footer on the last', () => {
    const text = Array.from({ length: 200 }, (_, index) => `Line number ${index} of a very long answer.`).join('\n');
    const embeds = textEmbeds(text, { title: 'Title', color: 1 }, 'Footer');
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.every((embed) => (embed.description?.length ?? 0) <= DISCORD_LIMITS.embedDescription)).toBe(true);
    expect(embeds[0]?.title).toBe('Title');
    expect(embeds.slice(1).every((embed) => embed.title === undefined)).toBe(true);
    expect(embeds.at(-1)?.footer?.text).toBe('Footer');
    expect(embeds.map((embed) => embed.description).join('\n')).toBe(text);
  });

  it('puts at most 10 embeds and 6,000 characters in a message', () => {
    const embeds = Array.from({ length: 25 }, (_, index) => ({ description: `${index}`.padEnd(1500, '.') }));
    const messages = packEmbeds(embeds);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(message.embeds.reduce((sum, embed) => sum + embedSize(embed), 0)).toBeLessThanOrEqual(6000);
    }
    expect(messages.flatMap((message) => message.embeds)).toEqual(embeds);
    expect(messages).toHaveLength(7);
  });

  it('shortens a title with an ellipsis', () => {
    expect(fitTitle('x'.repeat(300))).toHaveLength(256);
    expect(fitTitle('x'.repeat(300)).endsWith('…')).toBe(true);
    expect(fitTitle('  Short   title ')).toBe('Short title');
  });
});

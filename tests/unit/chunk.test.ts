import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from '../../src/ingest/chunk.js';
import { countWords } from '../../src/text/terms.js';

function sentences(count: number, words = 12): string {
  return Array.from({ length: count }, (_, i) => `Sentence ${i} ${'word '.repeat(words - 3).trim()} end${i}.`).join(
    ' ',
  );
}

describe('splitIntoPassages', () => {
  it('keeps passages between the target and the maximum size, except the last', () => {
    const body = sentences(60);
    const passages = splitIntoPassages(body, { targetWords: 120, maxWords: 200, overlapWords: 30 });
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages.slice(0, -1)) {
      expect(countWords(passage.text)).toBeGreaterThanOrEqual(120);
      expect(countWords(passage.text)).toBeLessThanOrEqual(200);
    }
  });

  it('ends every passage on a sentence boundary and records offsets into the body', () => {
    const body = sentences(40);
    for (const passage of splitIntoPassages(body)) {
      expect(body.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text).toMatch(/\.$/);
      expect(passage.text).toMatch(/^Sentence \d+/);
    }
  });

  it('opens each passage with the last sentences of the previous one', () => {
    const passages = splitIntoPassages(sentences(40), { targetWords: 100, maxWords: 150, overlapWords: 30 });
    for (let i = 1; i < passages.length; i += 1) {
      const previous = passages[i - 1];
      const current = passages[i];
      expect(previous && current && current.start < previous.end).toBe(true);
      expect(previous?.text.endsWith(current?.text.split('. ')[0] ?? '-')).toBe(false);
      expect(previous?.text).toContain(current?.text.split(/(?<=\.) /)[0]);
    }
  });

  it('cuts a sentence longer than the maximum into pieces', () => {
    const body = `${'long '.repeat(450).trim()}.`;
    const passages = splitIntoPassages(body, { targetWords: 150, maxWords: 200, overlapWords: 40 });
    expect(passages.length).toBe(3);
    for (const passage of passages) expect(countWords(passage.text)).toBeLessThanOrEqual(200);
  });

  it('numbers passages in order', () => {
    expect(splitIntoPassages(sentences(50)).map((passage) => passage.seq)).toEqual(
      splitIntoPassages(sentences(50)).map((_, i) => i),
    );
  });
});

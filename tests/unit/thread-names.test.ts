import { describe, expect, it } from 'vitest';
import { MAX_THREAD_NAME, threadNameOf } from '../../src/discord/thread-follow-ups.js';

describe('threadNameOf', () => {
  it('is the question, on one line', () => {
    expect(threadNameOf('  What did the\ncentral bank decide?  ')).toBe('What did the central bank decide?');
  });

  it('cuts a long question between words, within Discord\u2019s 100 characters', () => {
    const question = `Why ${'did the ferry operator and the union '.repeat(5)}agree?`;
    const name = threadNameOf(question);
    expect(name.length).toBeLessThanOrEqual(MAX_THREAD_NAME);
    expect(name.endsWith('…')).toBe(true);
    expect(question.startsWith(name.slice(0, -1))).toBe(true);
    expect(name.at(-2)).not.toBe(' ');
  });
});

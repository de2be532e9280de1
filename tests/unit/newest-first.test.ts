import { describe, expect, it } from 'vitest';
import { asksForLatest } from '../../src/retrieve/newest-first.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

describe('questions about the latest state', () => {
  it.each([
    ["What's the latest death toll from the floods?", true],
    ['How many people have died in the floods so far?', true],
    ['Who currently leads the council?', true],
    ['How many people died in the floods?', false],
  ])('%j asks for the latest: %s', (question, latest) => {
    expect(asksForLatest(question)).toBe(latest);
  });

  const newsdesk = newsdeskWith(
    [
      {
        title: 'Valley floods: death toll rises',
        source: 'Valley Post',
        publishedAt: '2026-11-28T09:00:00Z',
        body: 'The death toll from the valley floods rose to 52 on Saturday, the regional authority said.',
      },
      {
        title: 'Valley floods: death toll rises',
        source: 'Valley Post',
        publishedAt: '2026-11-20T09:00:00Z',
        // The older report repeats the question's words: by relevance alone it would come first.
        body: 'The death toll from the valley floods rose to 40 on Friday. The valley floods death toll is expected to rise again, the regional authority said.',
      },
    ],
    'g',
  );

  it('answers a changing figure from the newest report', async () => {
    const answer = await newsdesk().ask('g', "What's the latest death toll from the valley floods?");
    expect(answer.answer).toMatch(/^The death toll from the valley floods rose to 52/);
    expect(answer.citations[0]?.publishedAt).toBe('2026-11-28T09:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { framingStems } from '../../src/answer/question-framing.js';
import { stemOf } from '../../src/text/terms.js';

const stems = (...words: string[]) => new Set(words.map(stemOf));

describe('framingStems', () => {
  it.each([
    ['When was the watchdog created, according to the Gazette?', ['gazette']],
    ['According to Ana Ruiz, how many ferries were ordered?', ['ana', 'ruiz']],
    [
      "The Gazette's 'five things we learned' piece says the deal dates back to what year?",
      ['gazette', 'five', 'things', 'learned', 'piece', 'says'],
    ],
    ['How long did the strike last, as reported by the Harbour Times?', ['harbour', 'times']],
  ])('finds where %j says the fact was reported', (question, words) => {
    expect(framingStems(question)).toEqual(stems(...words));
  });

  it('keeps a word the question also asks about, and finds nothing in a plain question', () => {
    // "ferry" is framing and subject at once: it stays a word of what is asked.
    expect(
      framingStems("Per the Ferry Gazette's story on the strike, how long did the ferry strike last?").has(
        stemOf('ferry'),
      ),
    ).toBe(false);
    expect(framingStems('How long did the strike last?').size).toBe(0);
  });
});

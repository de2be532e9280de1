import { describe, expect, it } from 'vitest';
import { type Answer, asOfLine } from '../../src/answer/answer.js';
import { renderAnswer } from '../../src/discord/render.js';
import { renderAnswerText } from '../../src/terminal/render-text.js';

const now = new Date('2026-12-01T12:00:00Z');

function answerCiting(...dates: (string | null)[]): Answer {
  return {
    answer: 'The ferries run again. [1]',
    abstained: false,
    support: 1,
    citations: dates.map((publishedAt, index) => ({
      n: index + 1,
      articleId: `a${index}`,
      passageId: index,
      title: `Ferry report ${index}`,
      source: 'Coast Times',
      url: null,
      publishedAt,
      passage: 'The ferries run again.',
    })),
  };
}

describe('saying how old an answer is', () => {
  it('says "as of" the newest cited article when it is more than three days old', () => {
    expect(asOfLine(answerCiting('2026-11-20T08:00:00Z', '2026-11-24T08:00:00Z'), now)).toBe('As of 24 Nov 2026.');
  });

  it('says nothing for recent news, undated sources or an abstention', () => {
    expect(asOfLine(answerCiting('2026-11-20T08:00:00Z', '2026-11-29T08:00:00Z'), now)).toBeUndefined();
    expect(asOfLine(answerCiting(null), now)).toBeUndefined();
    expect(asOfLine({ ...answerCiting('2020-01-01T00:00:00Z'), abstained: true }, now)).toBeUndefined();
  });

  it('puts it before the sources, in Discord and in the terminal', () => {
    const old = answerCiting('2026-11-24T08:00:00Z');
    expect(renderAnswer('Ferries?', old, undefined, now)[0]?.embeds[0]?.description).toContain(
      '[1]\n\n*As of 24 Nov 2026.*\n**Sources**',
    );
    expect(renderAnswerText(old, now)).toContain('[1]\n\nAs of 24 Nov 2026.\n\nSources:\n[1] Ferry report 0');
    expect(renderAnswerText(answerCiting('2026-11-30T08:00:00Z'), now)).not.toContain('As of');
  });
});

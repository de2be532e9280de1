import { describe, expect, it } from 'vitest';
import { questionPeriod } from '../../src/time/question-period.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

// Tuesday 1 Dec 2026, 10:00 UTC (11:00 in Berlin).
const now = new Date('2026-12-01T10:00:00Z');
const period = (question: string, at = now, zone = 'Europe/Berlin') => {
  const found = questionPeriod(question, at, zone);
  return found ? [found.since.toISOString(), found.until.toISOString()] : undefined;
};

describe('the period a question is about', () => {
  it.each([
    ['What happened at the port yesterday?', ['2026-11-29T23:00:00.000Z', '2026-11-30T23:00:00.000Z']],
    ["What was the score of last night's game?", ['2026-11-29T23:00:00.000Z', '2026-11-30T23:00:00.000Z']],
    ['any news on the ferries this week', ['2026-11-29T23:00:00.000Z', '2026-12-01T10:00:00.000Z']],
    ['What did the union say last weekend?', ['2026-11-27T23:00:00.000Z', '2026-11-29T23:00:00.000Z']],
    ['What did the mayor announce on Monday?', ['2026-11-29T23:00:00.000Z', '2026-11-30T23:00:00.000Z']],
    ['What did the central bank decide in November?', ['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']],
    ['What has changed since Friday?', ['2026-11-26T23:00:00.000Z', '2026-12-01T10:00:00.000Z']],
    ['What did the minister say two days ago?', ['2026-11-28T23:00:00.000Z', '2026-11-29T23:00:00.000Z']],
    ['Which strikes began last month?', ['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']],
    // A month after now is last year's; a full date is read elsewhere; no date, no period.
    ['What was decided in January?', ['2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z']],
  ])('%j', (question, expected) => {
    expect(period(question)).toEqual(expected);
  });

  it('reads nothing from a question without a date, or with a full date', () => {
    expect(period('How long did the strike last?')).toBeUndefined();
    expect(period('What happened on October 5, 2023?')).toBeUndefined();
  });

  it("takes the day boundary in the server's zone: just after midnight in Berlin is already the next day", () => {
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Berlin: "yesterday" is 30 Nov there, 29 Nov in UTC.
    const late = new Date('2026-11-30T23:30:00Z');
    expect(period('yesterday?', late)).toEqual(['2026-11-29T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    expect(period('yesterday?', late, 'UTC')).toEqual(['2026-11-29T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
  });

  it('spans a daylight-saving change: the weekend of 28-29 March 2026 is 47 hours long in Berlin', () => {
    const sunday = new Date('2026-03-29T12:00:00Z');
    expect(period('news this weekend?', sunday)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });
});

describe('asking about a period', () => {
  const newsdesk = newsdeskWith(
    [
      {
        title: 'Port workers walk out over pay',
        source: 'Harbour Times',
        publishedAt: '2026-11-24T09:00:00Z',
        body: 'Dock workers at the port walked out on Tuesday over pay, and forty ships waited offshore at the port.',
      },
      {
        title: 'Port workers return after deal',
        source: 'Harbour Times',
        publishedAt: '2026-11-30T09:00:00Z',
        body: 'Dock workers at the port returned to work on Monday after accepting a pay deal of seven percent.',
      },
    ],
    'g',
  );

  it("answers from the period's articles only, and as of --now from what was reported by then", async () => {
    const yesterday = await newsdesk().ask('g', 'What did the dock workers at the port do yesterday?', { now });
    expect(yesterday.citations.map((citation) => citation.title)).toEqual(['Port workers return after deal']);
    // Asked on 25 Nov: the return of 30 Nov had not been reported yet.
    const then = await newsdesk().ask('g', 'What did the dock workers at the port do?', {
      now: new Date('2026-11-25T10:00:00Z'),
    });
    expect(then.citations.map((citation) => citation.title)).toEqual(['Port workers walk out over pay']);
  });

  it("answers from the period's articles first", async () => {
    const yesterday = await newsdesk().ask('g', 'What did the dock workers at the port do yesterday?', { now });
    expect(yesterday.citations[0]?.title).toBe('Port workers return after deal');
    const lastWeek = await newsdesk().ask('g', 'What did the dock workers at the port do a week ago?', {
      now,
      timeZone: 'Europe/Berlin',
    });
    expect(lastWeek.citations[0]?.title).toBe('Port workers walk out over pay');
  });
});

describe('asking about the latest', () => {
  const newsdesk = newsdeskWith(
    [
      {
        title: 'Ferry strike: talks fail',
        source: 'Harbour Times',
        publishedAt: '2026-11-20T09:00:00Z',
        body: 'Talks to end the ferry strike failed on Friday, and the ferry union said the ferry strike would go on for weeks. The ferry union and the operator blamed each other for the ferry strike. Passengers waited at the harbour for the ferry.',
      },
      {
        title: 'Ferry strike ends',
        source: 'Coast Gazette',
        publishedAt: '2026-11-28T09:00:00Z',
        body: 'The ferry strike ended on Saturday after the union accepted a pay deal, and the first ferry sailed at noon.',
      },
    ],
    'g',
  );

  it('answers from the newest relevant report, not from a fuller older one', async () => {
    const answer = await newsdesk().ask('g', "What's the latest on the ferry strike?", { now });
    expect(answer.citations.map((citation) => citation.title)).toEqual(['Ferry strike ends']);
  });
});

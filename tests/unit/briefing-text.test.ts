import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.js';
import { briefingCounts, storySources } from '../../src/briefing/briefing-text.js';
import { renderBriefingText } from '../../src/terminal/render-briefing-text.js';
import { counted } from '../../src/text/counted.js';

const briefing: Briefing = {
  since: '2024-03-01T08:00:00.000Z',
  until: '2024-03-02T08:00:00.000Z',
  timeZone: 'UTC',
  articleCount: 3,
  outletCount: 2,
  continuing: 0,
  late: false,
  quickHits: [],
  stories: [
    {
      headline: 'Speaker nominee dropped',
      tag: 'new',
      sentences: [
        { text: 'The party dropped its nominee on Friday.', n: 1 },
        { text: 'Members met behind closed doors.', n: 2 },
        { text: 'A vote is due next week.', n: 3 },
      ],
      outlets: ['Wire', 'Gazette'],
      articleIds: ['a1', 'a2', 'a3'],
      sourceNumbers: [1, 2, 3],
      url: 'https://news.example/one',
    },
  ],
  sources: [
    {
      n: 1,
      articleId: 'a1',
      title: 'Nominee dropped',
      source: 'Wire',
      url: 'https://news.example/one',
      publishedAt: null,
    },
    { n: 2, articleId: 'a2', title: 'Closed doors', source: 'Gazette', url: null, publishedAt: null },
    {
      n: 3,
      articleId: 'a3',
      title: 'Vote next week',
      source: 'Wire',
      url: 'https://news.example/three',
      publishedAt: null,
    },
  ],
};

describe('a story’s sources beside it', () => {
  it('names each outlet once, with the numbers of all its articles', () => {
    const [story] = briefing.stories;
    expect(story && storySources(story, briefing)).toEqual([
      {
        name: 'Wire',
        articles: [
          { n: 1, url: 'https://news.example/one' },
          { n: 3, url: 'https://news.example/three' },
        ],
      },
      { name: 'Gazette', articles: [{ n: 2, url: null }] },
    ]);
    expect(renderBriefingText(briefing)).toContain('\n[1, 3] Wire · [2] Gazette\n');
  });
});

describe('counts in words', () => {
  it('says one of a thing in the singular and the rest in the plural, irregular plurals included', () => {
    expect(counted(1, 'passage')).toBe('1 passage');
    expect(counted(3, 'passage')).toBe('3 passages');
    expect(counted(2, 'story', 'stories')).toBe('2 stories');
    expect(briefingCounts({ ...briefing, articleCount: 1, outletCount: 1, continuing: 2 })).toMatch(
      /^1 article from 1 outlet\. 2 stories from the last briefing had nothing new and are left out\./,
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBylineOrDateline } from '../../src/ingest/bylines.js';
import { cleanArticleText } from '../../src/ingest/clean.js';
import { foldForComparison } from '../../src/text/terms.js';

const caption =
  'A batch of U.S. cargo, including anti-tank missile systems and ammunition, landed in Ukraine Tuesday night';

describe('cleanArticleText', () => {
  it('drops a paragraph that repeats one already kept', () => {
    const body = `First paragraph of the report, with enough words.\n\n${caption}\n\n${caption}\n\nA final paragraph that closes the story.`;
    const cleaned = cleanArticleText(body);
    expect(cleaned.text.split(caption)).toHaveLength(2);
    expect(cleaned.removedDuplicates).toBe(1);
  });

  it('drops near-exact repeats that differ only in punctuation or a word', () => {
    const variant = `${caption.replace('U.S.', 'US')} .`;
    const longer = `${caption} as part of a $200 million security package approved by the White House last month`;
    const nearly = longer.replace('approved', 'signed off');
    const cleaned = cleanArticleText(`${caption}\n\n${variant}\n\n${longer}\n\n${nearly}`);
    expect(cleaned.removedDuplicates).toBe(2);
  });

  it('keeps paragraphs that only share a topic', () => {
    const body =
      'Russia warned Wednesday it would take swift retaliatory measures against the U.S. and its allies.\n\n' +
      'Russia is threatening retaliatory measures if the U.S. rejects its security demands, officials said on Tuesday night.';
    expect(cleanArticleText(body).removedDuplicates).toBe(0);
  });

  it('removes the boilerplate tail: ratings, "No comments" and ad markers', () => {
    const title = 'Storm hits the coast as thousands lose power';
    const body = `The storm made landfall early on Monday, the weather service said.\n\n${title} ${title} Reviewed by Your Destination on January 26, 2022 Rating: 5\n\nNo comments\n\nTOP-LEFT ADS`;
    const cleaned = cleanArticleText(body, title);
    expect(cleaned.text).toBe('The storm made landfall early on Monday, the weather service said.');
    expect(cleaned.removedBoilerplate).toBe(3);
  });

  it('leaves no repeated paragraph and no boilerplate in the sample article', () => {
    const raw = readFileSync('tests/fixtures/samples/ukraine-troops-2022-01-26.txt', 'utf8');
    const [title = '', ...rest] = raw.split('\n');
    const cleaned = cleanArticleText(rest.join('\n'), title);
    const paragraphs = cleaned.text.split('\n\n').map(foldForComparison);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(cleaned.text).not.toMatch(/No comments|Rating: 5|TOP-LEFT ADS|Reviewed by/);
    expect(cleaned.text).toContain('with a total weight of about 80 tons');
    expect(cleaned.removedDuplicates).toBeGreaterThanOrEqual(5);
  });
});

describe('page furniture around the article', () => {
  it.each([
    'By Priya Nair October 17, 2023 2:25 PM UTC Updated ago',
    '14 November 2023',
    'Updated 3 hours ago',
    'Fri 1 Dec 2023 23.40 GMT',
  ])('drops the byline or dateline %j', (line) => {
    expect(isBylineOrDateline(line)).toBe(true);
  });

  it.each([
    'The vote is on March 3, 2024.',
    'By Friday, the council had approved the plan to rebuild the harbour wall.',
    'Officials said the 2023 budget was spent by October.',
  ])('keeps the sentence %j', (line) => {
    expect(isBylineOrDateline(line)).toBe(false);
  });

  it('drops a "Most read" list and credit lines, and keeps the reporting after it', () => {
    const body = [
      'The council approved the new harbour wall on Tuesday after a long debate.',
      'Most read',
      'Celebrity chef opens seaside restaurant',
      'Ten walks to try this winter',
      'Work will start in March and take two years, the council said.',
      'Reporting by Priya Nair; Editing by Mark Dunn',
    ].join('\n\n');
    expect(cleanArticleText(body).text.split('\n\n')).toEqual([
      'The council approved the new harbour wall on Tuesday after a long debate.',
      'Work will start in March and take two years, the council said.',
    ]);
  });
});

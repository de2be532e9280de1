import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { foldForComparison } from '../../src/text/terms.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'tests/fixtures/samples/ukraine-troops-2022-01-26.txt';
const GUILD = 'local';

/** Questions about the sample and a fact the answer must state and its cited passage must hold. */
const QUESTIONS: [question: string, fact: string][] = [
  ['What was the total weight of the cargo of security aid that landed in Kyiv?', '80 tons'],
  ['How many additional troops would each country send?', '1,000 additional troops'],
  ['How many U.S. troops has the Pentagon put on alert?', '8,500'],
  ['Who is the Russian foreign minister who warned of retaliatory measures?', 'Lavrov'],
  [
    'How many troops does NATO have in multinational battalions in Estonia, Lithuania, Latvia and Poland?',
    '4,000 troops',
  ],
  ['What share of its gas supplies does the EU get from Russia?', 'a third of its gas'],
];

const temp = makeTempDir();
let newsdesk: Newsdesk;
const open = async () => openRealNewsdesk(temp.dir);

beforeAll(async () => {
  newsdesk = await open();
});
afterAll(() => {
  newsdesk.close();
  temp.remove();
});

function expectFactCited(answer: Answer, fact: string): void {
  expect(answer.abstained).toBe(false);
  expect(answer.answer).toContain(fact);
  const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  expect(markers.length).toBeGreaterThan(0);
  for (const n of markers) expect(answer.citations.some((citation) => citation.n === n)).toBe(true);
  // The sentence stating the fact is followed by the number of a passage that holds it.
  const sentence = answer.answer.split(/(?<=\]) /).find((part) => part.includes(fact)) ?? '';
  const n = Number(/\[(\d+)\]$/.exec(sentence)?.[1]);
  const citation = answer.citations.find((entry) => entry.n === n);
  expect(citation?.passage).toContain(fact);
}

describe('the sample article, end to end with the real model, index and database', () => {
  it('ingests the sample with its title and date, and no duplicate passages', async () => {
    const [outcome] = await newsdesk.ingestFiles([SAMPLE], GUILD);
    expect(outcome?.status).toBe('added');
    const [article] = newsdesk.listSources(GUILD).articles;
    expect(article?.title).toMatch(/^Biden is 'planning to deploy 1,000 troops/);
    expect(article?.publishedAt?.slice(0, 10)).toBe('2022-01-26');
    const passages = newsdesk.library.getPassages(
      GUILD,
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(passages.length).toBe(article?.passageCount);
    expect(passages.length).toBeGreaterThan(8);
    expect(new Set(passages.map((passage) => foldForComparison(passage.text))).size).toBe(passages.length);
    const body = newsdesk.library.getArticleBody(GUILD, article?.id ?? '') ?? '';
    expect(body.split('A batch of U.S. cargo, including anti-tank missile systems').length).toBe(2);
    expect(body).not.toMatch(/No comments|TOP-LEFT ADS|Rating: 5/);
  });

  it.each(QUESTIONS)('answers "%s" with a cited passage stating "%s"', async (question, fact) => {
    expectFactCited(await newsdesk.ask(GUILD, question), fact);
  });

  it('abstains on questions the article does not answer', async () => {
    for (const question of ['Who won the 2018 football World Cup?', 'What is the price of bitcoin today?']) {
      const answer = await newsdesk.ask(GUILD, question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations).toEqual([]);
    }
  });

  it('gives the same answers after a restart (index and database reloaded from disk)', async () => {
    const before = await Promise.all(QUESTIONS.map(([question]) => newsdesk.ask(GUILD, question)));
    newsdesk.close();
    newsdesk = await open();
    const after = await Promise.all(QUESTIONS.map(([question]) => newsdesk.ask(GUILD, question)));
    expect(after).toEqual(before);
  });

  it('abstains once the article is deleted', async () => {
    const [article] = newsdesk.listSources(GUILD).articles;
    newsdesk.removeArticle(GUILD, article?.id ?? '');
    const [question = ''] = QUESTIONS[0] ?? [];
    expect((await newsdesk.ask(GUILD, question)).abstained).toBe(true);
    expect(newsdesk.library.searchVectors(GUILD, await newsdesk.model.embeddings.embedQuery(question), 5)).toEqual([]);
  });
});

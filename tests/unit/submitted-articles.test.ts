import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pastedTextArticle, uploadedFileArticles } from '../../src/ingest/submitted.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BODY =
  'Dock workers at the container port returned to work on Wednesday after union leaders accepted a pay offer of seven percent. The strike had lasted eleven days.';

describe('articles a moderator submits', () => {
  it('takes the first line of pasted text as its title unless one is given', () => {
    expect(pastedTextArticle(`Port strike ends\n${BODY}`)).toMatchObject({ title: 'Port strike ends', body: BODY });
    expect(pastedTextArticle(BODY, { title: 'Given title', source: 'Wire' })).toMatchObject({
      title: 'Given title',
      source: 'Wire',
      body: BODY,
    });
  });

  it('refuses empty text and unsupported files with a reason', () => {
    expect(() => pastedTextArticle('  \n ')).toThrow('The text is empty.');
    expect(() => uploadedFileArticles(new TextEncoder().encode(BODY), 'story.docx')).toThrow(
      'unsupported file type ".docx"',
    );
    expect(() => uploadedFileArticles(new Uint8Array([0, 1, 2, 3]), 'story.txt')).toThrow('story.txt is a binary file');
  });

  it('lets the moderator override the title and outlet of every article in a file', () => {
    const json = JSON.stringify([
      { title: 'One', body: BODY, source: 'A' },
      { title: 'Two', body: BODY, source: 'B' },
    ]);
    const inputs = uploadedFileArticles(new TextEncoder().encode(json), 'batch.json', { source: 'Wire' });
    expect(inputs.map((input) => [input.title, input.source])).toEqual([
      ['One', 'Wire'],
      ['Two', 'Wire'],
    ]);
  });
});

describe('Newsdesk.addArticles and briefing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
  });
  afterEach(() => {
    newsdesk.close();
    temp.remove();
  });

  it('stores pasted text and throws the reason when the only article cannot be stored', async () => {
    const [outcome] = await newsdesk.addArticles('g', { text: `Port strike ends\n${BODY}`, source: 'Harbour Times' });
    expect(outcome).toMatchObject({ status: 'added', article: { title: 'Port strike ends', source: 'Harbour Times' } });
    await expect(newsdesk.addArticles('g', { text: 'Tiny\nToo short.' })).rejects.toThrow(/too short|words/i);
    expect(newsdesk.listSources('g').total).toBe(1);
  });

  it('briefs on the articles dated inside the period only', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await newsdesk.ingestArticles(
      [
        { title: 'Two hours old', body: BODY, publishedAt: hoursAgo(2) },
        { title: 'Ten hours old', body: `${BODY} Ten.`, publishedAt: hoursAgo(10) },
        { title: 'Three days old', body: `${BODY} Three.`, publishedAt: hoursAgo(72) },
      ],
      'g',
    );
    expect((await newsdesk.briefing('g', { hours: 24 })).articleCount).toBe(2);
    expect((await newsdesk.briefing('g', { hours: 168 })).articleCount).toBe(3);
    expect((await newsdesk.briefing('g', { hours: 1 })).articleCount).toBe(0);
    await expect(newsdesk.briefing('g', { hours: 0 })).rejects.toThrow('between 1 and 168 hours');
  });
});

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole, runConsoleLine } from '../../src/console.js';
import type { Newsdesk } from '../../src/newsdesk.js';
import { openRealNewsdesk } from '../helpers/real-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let newsdesk: Newsdesk;

beforeAll(async () => {
  newsdesk = await openRealNewsdesk(temp.dir);
});
afterAll(() => {
  newsdesk.close();
  temp.remove();
});

describe('the local console', () => {
  it('adds a file, lists it, answers a question and removes the article', async () => {
    expect(
      await runConsoleLine(newsdesk, 'local', '/add tests/fixtures/samples/ukraine-troops-2022-01-26.txt'),
    ).toMatch(/✓ added/);
    expect(await runConsoleLine(newsdesk, 'local', '/sources')).toMatch(/1 article, page 1 of 1/);
    const answer = await runConsoleLine(newsdesk, 'local', '/ask How many U.S. troops has the Pentagon put on alert?');
    // The count of the troops asked about opens the answer ("U.S." qualifies them, it is not what is counted).
    expect(answer).toMatch(/^About 8,500 U\.S\. troops\.[\s\S]*\[1\][\s\S]*Sources:\n\[1\] Biden is/);
    const bare = await runConsoleLine(newsdesk, 'local', 'How many U.S. troops has the Pentagon put on alert?');
    expect(bare).toBe(answer);
    const [article] = newsdesk.listSources('local').articles;
    expect(await runConsoleLine(newsdesk, 'local', `/remove ${article?.id}`)).toMatch(/^Removed/);
  });

  it('reads a line without a command as a follow-up to the last answer, and /ask as a new question', async () => {
    await newsdesk.ingestFiles(['tests/fixtures/samples/ukraine-troops-2022-01-26.txt'], 'talk');
    await newsdesk.ingestArticles(
      [
        {
          title: 'Harbour bank launches its new app',
          source: 'Coast Times',
          body: 'The harbour bank launched its new banking app on Tuesday after two years of work. The app will be deployed to customers in Scotland first, the bank said, and to the rest of Britain in the spring.',
        },
      ],
      'talk',
    );
    const session = {};
    await runConsoleLine(newsdesk, 'talk', '/ask How many additional troops would each country send?', session);
    // About the troops of the question before, not the bank's app.
    expect(await runConsoleLine(newsdesk, 'talk', 'And where would they be deployed?', session)).toMatch(
      /^(?:NATO|Eastern Europe)[\s\S]*Sources:\n\[1\] Biden is/,
    );
    await runConsoleLine(newsdesk, 'talk', '/ask When did the harbour bank launch its new app?', session);
    expect(await runConsoleLine(newsdesk, 'talk', 'Where will it be deployed first?', session)).toMatch(/Scotland/);
  });

  it('pages the last /sources list with /more', async () => {
    const session = {};
    expect(await runConsoleLine(newsdesk, 'paging', '/more', session)).toMatch(/\/sources first/);
    await newsdesk.ingestArticles(
      Array.from({ length: 12 }, (_, index) => ({
        title: `Council notice ${index + 1}`,
        source: 'Town Hall',
        publishedAt: `2024-01-${String(index + 1).padStart(2, '0')}T09:00:00Z`,
        body: `The council published notice number ${index + 1} about road works on the high street.`,
      })),
      'paging',
    );
    expect(await runConsoleLine(newsdesk, 'paging', '/sources', session)).toMatch(/12 articles, page 1 of 2/);
    const second = await runConsoleLine(newsdesk, 'paging', '/more', session);
    expect(second).toMatch(/12 articles, page 2 of 2/);
    // The oldest two, on the second page of a newest-first list.
    expect(second).toMatch(/Council notice 2\b/);
    expect(second).toMatch(/Council notice 1\b/);
    expect(await runConsoleLine(newsdesk, 'paging', '/more', session)).toMatch(/last page \(2\)/);
  });

  it('answers bad input with a message instead of failing', async () => {
    expect(await runConsoleLine(newsdesk, 'local', '/ask')).toMatch(/The question is empty/);
    expect(await runConsoleLine(newsdesk, 'local', '/add /no/such/file.txt')).toMatch(/does not exist/);
    expect(await runConsoleLine(newsdesk, 'local', '/remove zzz')).toMatch(/No article "zzz"/);
    expect(await runConsoleLine(newsdesk, 'local', '/dance')).toMatch(/Unknown command \/dance/);
    expect(await runConsoleLine(newsdesk, 'local', '/quit')).toBeUndefined();
  });

  it('reads commands from a stream until /quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const done = runConsole(newsdesk, { input, output, guildId: 'local', prompt: false });
    input.write('/help\n/sources\n/quit\n/sources\n');
    await done;
    expect(printed).toMatch(/^newsdesk console · 0 articles/);
    expect(printed).toMatch(/Commands:/);
    expect(printed.match(/No articles yet\./g)).toHaveLength(1);
  });
});

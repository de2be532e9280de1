import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '../../src/cli.js';
import { runCliCapturing } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
const files = makeTempDir('newsdesk-files-');

const cli = runCliCapturing;
const run = promisify(execFile);

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(files.dir, name);
  writeFileSync(target, content);
  return target;
}

beforeAll(() => {
  process.env.DATA_DIR = temp.dir;
});
afterAll(() => {
  temp.remove();
  files.remove();
});

describe('the command line', () => {
  it('catches up on one subject with briefing --topic: its stories only, over 7 days unless told', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const articles = [
      {
        title: 'Ferry strike halts island crossings',
        source: 'Harbour Gazette',
        url: 'https://gazette.example/ferry-strike',
        published_at: daysAgo(2),
        body: 'A ferry strike halted every crossing to the islands on Monday, as crews walked out over pay. The union said the ferry strike would last until the operator improved its offer.',
      },
      {
        title: 'Islanders stranded as ferry strike enters second day',
        source: 'Coast Times',
        url: 'https://times.example/ferry-strike-day-two',
        published_at: daysAgo(1),
        body: 'Islanders were stranded on the mainland as the ferry strike entered its second day on Tuesday. Talks between the union and the ferry operator are due on Thursday.',
      },
      {
        title: 'Town library extends its opening hours',
        source: 'Coast Times',
        url: 'https://times.example/library-hours',
        published_at: daysAgo(1),
        body: 'The town library will open until 9pm on weekdays from March, the council said, after a survey of readers.',
      },
      {
        title: 'Ferry strike ballot announced by union',
        source: 'Harbour Gazette',
        url: 'https://gazette.example/ferry-ballot',
        published_at: daysAgo(10),
        body: 'The ferry workers union announced a strike ballot over pay, saying a ferry strike could follow within weeks.',
      },
    ];
    expect((await cli('ingest', file('topic-news.json', JSON.stringify(articles)), '--guild', 'topics')).code).toBe(
      EXIT_OK,
    );
    const week = await cli('briefing', '--guild', 'topics', '--topic', 'ferry strike');
    expect(week.code).toBe(EXIT_OK);
    expect(week.out).toMatch(/^# Catching up on "ferry strike"/);
    expect(week.out).toMatch(/2 articles from 2 outlets/);
    expect(week.out).toMatch(/Ferry strike halts island crossings|Islanders stranded/);
    expect(week.out).not.toMatch(/library|ballot/i);
    const fortnight = await cli('briefing', '--guild', 'topics', '--topic', 'ferry strike', '--since', '14d');
    expect(fortnight.out).toMatch(/3 articles from 2 outlets/);
    const nothing = await cli('briefing', '--guild', 'topics', '--topic', 'volcano eruption');
    expect(nothing.code).toBe(EXIT_OK);
    expect(nothing.out).toMatch(/Nothing about "volcano eruption" in /);
    const json = JSON.parse((await cli('briefing', '--guild', 'topics', '--topic', 'library', '--json')).out) as {
      topic: string;
      articleCount: number;
    };
    expect(json).toMatchObject({ topic: 'library', articleCount: 1 });
  });

  it('ingests the samples folder, lists it, and answers with --json', async () => {
    const ingest = await cli('ingest', 'tests/fixtures/samples');
    expect(ingest.code).toBe(EXIT_OK);
    expect(ingest.out).toMatch(/✓ added +[0-9a-f]{8} +Biden is 'planning/);
    const sources = await cli('sources');
    expect(sources.out).toMatch(/1 article, page 1 of 1/);
    const ask = await cli(
      'ask',
      'What was the total weight of the cargo of security aid that landed in Kyiv?',
      '--json',
    );
    expect(ask.code).toBe(EXIT_OK);
    const parsed = JSON.parse(ask.out) as { answer: string; abstained: boolean; citations: Record<string, unknown>[] };
    expect(parsed.abstained).toBe(false);
    expect(parsed.answer).toContain('80 tons');
    const counted = JSON.parse((await cli('ask', 'How many troops has the Pentagon put on alert?', '--json')).out) as {
      answer: string;
      answer_span: string | null;
      answer_type: string;
    };
    expect(counted).toMatchObject({ answer_span: 'about 8,500 U.S. troops', answer_type: 'number' });
    expect(counted.answer.startsWith('**About 8,500 U.S. troops.** The Pentagon has put on alert')).toBe(true);
    // "extra" is in no passage of this one-article library: the names and words it shares still answer.
    const extra = JSON.parse((await cli('ask', 'How many extra troops would each country send?', '--json')).out) as {
      answer_span: string | null;
    };
    expect(extra.answer_span).toBe('1,000 additional troops');
    const plain = await cli('ask', 'How many troops has the Pentagon put on alert?');
    expect(plain.out.startsWith('About 8,500 U.S. troops. The Pentagon has put on alert')).toBe(true);
    const notStated = JSON.parse(
      (await cli('ask', 'How much will the deployment cost the Pentagon?', '--json')).out,
    ) as {
      abstained: boolean;
      closest: { n: number; title: string } | null;
    };
    expect(notStated.abstained).toBe(true);
    expect(notStated.closest).toMatchObject({ n: 1, title: expect.stringContaining('Biden is') });
    // A question of a period alone lists that period's articles (the sample is dated 26 Jan 2022).
    const dayAfter = await cli('ask', 'What happened yesterday?', '--now', '2022-01-27T12:00:00Z');
    expect(dayAfter.code).toBe(EXIT_OK);
    expect(dayAfter.out).toMatch(/^Reported yesterday, newest first:\n- Biden is 'planning to deploy .* \[1\]/);
    const weekLater = await cli('ask', 'Any news today?', '--now', '2022-02-03T12:00:00Z');
    expect(weekLater.out).toMatch(/^None of the articles here was published today\./);
    expect(Object.keys(parsed.citations[0] ?? {}).sort()).toEqual([
      'n',
      'passage',
      'published_at',
      'source',
      'title',
      'url',
    ]);
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty\.txt is empty/],
    ['a binary file', () => file('photo.txt', new Uint8Array([1, 2, 0, 0, 255, 7])), /photo\.txt is a binary file/],
    ['an unknown extension', () => file('sheet.xlsx', 'a,b'), /unsupported file type "\.xlsx"/],
    ['a missing file', () => path.join(files.dir, 'nope.txt'), /nope\.txt does not exist/],
  ])('refuses %s with a message and exit code 2, keeping what is stored', async (_label, make, message) => {
    const run = await cli('ingest', make());
    expect(run.code).toBe(EXIT_BAD_INPUT);
    expect(run.out).toMatch(message);
    expect((await cli('sources')).out).toMatch(/1 article/);
  });

  it.each([
    ['an empty question', '   ', /The question is empty/],
    ['a 10,000-character question', `${'why? '.repeat(1999)}what?`, /10,000 characters long; keep it under 1,000/],
  ])('refuses %s with a message and exit code 2', async (_label, question, message) => {
    const run = await cli('ask', question);
    expect(run.code).toBe(EXIT_BAD_INPUT);
    expect(run.err).toMatch(message);
    expect((await cli('sources')).out).toMatch(/1 article/);
  });

  it('refuses an unknown verb or option with the usage', async () => {
    expect((await cli('frobnicate')).code).toBe(EXIT_BAD_INPUT);
    const run = await cli('ask', 'x', '--colour');
    expect(run.code).toBe(EXIT_BAD_INPUT);
    expect(run.err).toMatch(/Unknown option '--colour'[\s\S]*Usage:/);
  });

  it.each([
    ['--page abc', ['sources', '--page', 'abc'], /--page must be a whole number from 1 \(not "abc"\)/],
    ['--page 1.5', ['sources', '--page', '1.5'], /--page must be a whole number/],
    ['--page 1e400', ['sources', '--page', '1e400'], /--page must be a whole number/],
    ['--page=-3', ['sources', '--page=-3'], /--page must be a whole number/],
    ['a page past the last', ['sources', '--page', '9'], /There is 1 page of articles; --page 9 is past the last/],
    ['an empty --guild', ['sources', '--guild', ''], /--guild must be a Discord server id or a name/],
    ['a --guild of odd characters', ['ask', 'x', '--guild', '../../etc'], /--guild must be/],
    ['an ftp link', ['ingest', 'ftp://example.com/a.txt'], /Only http and https links can be added, not ftp/],
    ['a --tz that is no zone', ['ask', 'troops yesterday', '--tz', 'Mars/Base'], /"Mars\/Base" is not a time zone/],
    [
      'a --now that is no date',
      ['ask', 'troops yesterday', '--now', 'soon'],
      /--now must be like 24h, 7d or an ISO date/,
    ],
  ])('refuses %s with a clear message and exit code 2, no stack', async (_label, args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(EXIT_BAD_INPUT);
    expect(run.text).toMatch(message);
    expect(run.text).not.toMatch(/\n\s+at /);
    expect((await cli('sources')).out).toMatch(/1 article/);
  });

  it("runs as the package's newsdesk command, whose --json output is clean JSON on stdout", async () => {
    const { stdout } = await run(process.execPath, ['bin/newsdesk.js', 'sources', '--json'], {
      env: { ...process.env, DATA_DIR: temp.dir },
    });
    expect((JSON.parse(stdout) as { total: number }).total).toBe(1);
  });

  it('shows progress while it ingests many files: counts and passages per second, on stderr', async () => {
    const folder = makeTempDir('newsdesk-many-');
    for (const n of [1, 2, 3]) {
      writeFileSync(
        path.join(folder.dir, `ferry-${n}.txt`),
        `Ferry story ${n}\n\nThe island ferry number ${n} sailed on time on Monday morning, the operator said, and carried more passengers than in any week of the summer so far.`,
      );
    }
    const lines: string[] = [];
    const code = await runCli(
      ['ingest', folder.dir, '--guild', 'progress'],
      () => undefined,
      () => undefined,
      {
        write: (text: string) => lines.push(text),
        isTTY: false,
      },
    );
    folder.remove();
    expect(code).toBe(EXIT_OK);
    expect(lines.at(-1)).toMatch(/^ingest 3\/3 · \d+(\.\d)? passages\/s\n$/);
    expect(lines[0]).toMatch(/^ingest 1\/3 · /);
  });

  it('lists the articles without loading the embedding model', async () => {
    const log = process.env.LOG_FILE ?? '';
    const loads = () => readFileSync(log, 'utf8').split('embedding model ready').length;
    const before = loads();
    expect((await cli('sources')).code).toBe(EXIT_OK);
    expect((await cli('sources', '--json')).code).toBe(EXIT_OK);
    expect(loads()).toBe(before);
  });

  it("names the command line's own commands in its messages, not Discord's", async () => {
    const run = await cli('remove', 'no-such-article');
    expect(run.err).toBe('No article "no-such-article" here. Use `npm run sources` to see the article ids.');
  });

  it('keeps guilds apart with --guild', async () => {
    const other = await cli(
      'ask',
      'How many U.S. troops has the Pentagon put on alert?',
      '--guild',
      '123456789012345678',
    );
    expect(other.out).toMatch(/No articles have been added here yet/);
    expect((await cli('sources', '--guild', '123456789012345678')).out).toBe('No articles yet.');
  });

  it('removes an article by id and says so; a second removal is refused', async () => {
    const list = JSON.parse((await cli('sources', '--json')).out) as { articles: { id: string }[] };
    const id = list.articles[0]?.id ?? '';
    const removed = await cli('remove', id);
    expect(removed.code).toBe(EXIT_OK);
    expect(removed.out).toMatch(new RegExp(`Removed ${id}`));
    const again = await cli('remove', id);
    expect(again.code).toBe(EXIT_BAD_INPUT);
    expect(again.err).toMatch(/No article/);
    const ask = await cli('ask', 'What was the total weight of the cargo of security aid that landed in Kyiv?');
    expect(ask.out).toMatch(/No articles have been added here yet/);
  });
});

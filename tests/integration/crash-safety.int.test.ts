import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { ArticleStore } from '../../src/store/article-store.js';
import { openRealNewsdesk, realModel } from '../helpers/real-model.js';
import { withStoredDatabase } from '../helpers/stored-database.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const KILLS = 20;

/** A seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Start the ingesting child, let it store its first article, then let it work for `articles` more of
 * its own article times (the first one's), SIGKILL it, and return what it reported. Timed in the
 * child's own pace, the kills land as far into the work on a slow, busy machine as on a fast one.
 */
async function ingestThenKill(dataDir: string, first: number, articles: number): Promise<string[]> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/ingest-child.ts', dataDir, String(first)],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let output = '';
  let readyAt = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const articleTime = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyAt === 0 && output.includes('ready\n')) readyAt = performance.now();
      if (output.includes('stored ')) resolve(performance.now() - readyAt);
    });
    child.once('exit', () => reject(new Error(`the child exited before it stored an article: ${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, articles * articleTime));
  child.kill('SIGKILL');
  await exited;
  // Only complete lines were reported before the kill.
  return output.split('\n').slice(0, -1);
}

describe('crash safety: SIGKILL during ingest, 20 times', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('finds the database and the vector index consistent after every kill, with every finished article there', async () => {
    const random = seeded(2026);
    const present = new Set<string>();
    let storedTotal = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const lines = await ingestThenKill(temp.dir, run * 1000, random() * 3);
      for (const line of lines) {
        if (line.startsWith('stored ')) {
          present.add(line.slice('stored '.length));
          storedTotal += 1;
        } else if (line.startsWith('removing ')) {
          present.delete(line.slice('removing '.length));
        }
      }
      const newsdesk = await openRealNewsdesk(temp.dir);
      try {
        const audit = newsdesk.library.audit('crash');
        expect(audit.missing, `run ${run}: passages the index cannot return`).toEqual([]);
        expect(audit.orphans, `run ${run}: vectors without a passage`).toEqual([]);
        expect(audit.indexed).toBe(audit.passages);
        expect(newsdesk.library.termFrequencies('crash', []).passages, `run ${run}: keyword index`).toBe(
          audit.passages,
        );
        const titles = new Set(
          newsdesk.listSources('crash', { pageSize: 10_000 }).articles.map((article) => article.title),
        );
        // Everything reported finished is there; an article whose ingest was cut may be there too.
        for (const title of present) expect(titles.has(title), `run ${run}: ${title}`).toBe(true);
      } finally {
        newsdesk.close();
      }
    }
    // The kills landed while work was going on: runs went on past their first article.
    expect(storedTotal).toBeGreaterThan(KILLS);
  }, 480_000);

  it('catches the index file up from the database, with a log line, after a commit the file never saw', async () => {
    const folder = makeTempDir();
    const guild = 'rebuild-after-kill';
    const model = await realModel();
    const open = () => Newsdesk.open({ dataDir: folder.dir, embedding: undefined as never }, { model });
    const body = (topic: string) =>
      `The ${topic} committee met on Tuesday and agreed a plan for the coming year after a long debate.`;
    let newsdesk = await open();
    await newsdesk.ingestArticles([{ title: 'Harbour plan agreed', body: body('harbour') }], guild);
    newsdesk.close();
    // What a kill between an article's transaction and the index write leaves: rows the index lacks.
    const prepared = prepareArticle({ title: 'Vineyard plan agreed', body: body('vineyard') });
    const vectors = (await model.embeddings.embedDocuments(prepared.passages.map((passage) => passage.text))).map(
      (vector) => Float32Array.from(vector),
    );
    withStoredDatabase(folder.dir, (db) =>
      new ArticleStore(db).saveArticle(guild, prepared, vectors, model.id, undefined),
    );

    newsdesk = await open();
    try {
      const audit = newsdesk.library.audit(guild);
      expect(audit).toMatchObject({ missing: [], orphans: [] });
      expect(audit.indexed).toBe(audit.passages);
      expect(audit.passages).toBe(2);
      const logs = readFileSync(process.env.LOG_FILE ?? '', 'utf8');
      // The file is read and takes the passage it lacks, instead of a rebuild of every vector.
      expect(logs).toMatch(
        new RegExp(`"guildId":"${guild}","from":1,"passages":2.*vector index file caught up with the database`),
      );
    } finally {
      newsdesk.close();
      folder.remove();
    }
  });
});

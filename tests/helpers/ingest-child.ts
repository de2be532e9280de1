/**
 * A process that ingests articles into `dataDir` one at a time, forever, removing one now and then,
 * and reports each step on stdout ("stored <title>" once stored, "removing <title>" before a removal); the crash-safety
 * test kills it with SIGKILL at random moments. Usage: ingest-child.ts <dataDir> <first number>
 */
import { readFileSync } from 'node:fs';
import { openRealNewsdesk } from './real-model.js';

const [dataDir = '', first = '0'] = process.argv.slice(2);
const paragraphs = readFileSync('tests/fixtures/samples/ukraine-troops-2022-01-26.txt', 'utf8')
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph.split(/\s+/).length > 12);

const newsdesk = await openRealNewsdesk(dataDir);
process.stdout.write('ready\n');
const stored: string[] = [];
for (let n = Number(first); ; n += 1) {
  // Real text, in a different order and length for each article, with one sentence of its own.
  const start = n % (paragraphs.length - 4);
  const body = [
    `Report number ${n} opens with its own sentence about item ${n}.`,
    ...paragraphs.slice(start, start + 2 + (n % 3)),
  ].join('\n\n');
  const title = `Crash test article ${n}`;
  const [outcome] = await newsdesk.ingestArticles([{ title, body, source: 'Crash Wire' }], 'crash');
  if (outcome?.status === 'failed') throw outcome.error;
  process.stdout.write(`stored ${title}\n`);
  stored.push(title);
  if (n % 5 === 4) {
    const victim = stored.splice(stored.length - 3, 1)[0] ?? '';
    const article = newsdesk
      .listSources('crash', { query: victim, pageSize: 50 })
      .articles.find((a) => a.title === victim);
    if (article) {
      // Said before it happens: a kill in between leaves it either there or gone.
      process.stdout.write(`removing ${victim}\n`);
      newsdesk.removeArticle('crash', article.id);
    }
  }
}

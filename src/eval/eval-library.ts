import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { IngestOutcome } from '../ingest/ingest-service.js';
import { readArticleFile } from '../ingest/read-file.js';
import { Newsdesk, type NewsdeskOptions } from '../newsdesk.js';
import { progress } from '../terminal/progress.js';
import { corpusPath } from './multihop.js';

/** The guild the evaluations ingest the corpus into. */
export const EVAL_GUILD = 'eval';

/** The folders whose code decides what is stored for an article: reading, cleaning, splitting, embedding. */
const INGEST_CODE = ['src/ingest', 'src/text', 'src/embed'];

/**
 * A folder name for the corpus ingested by the current ingest code: a change to how articles are
 * read, cleaned, split or embedded names another folder, so a cached ingest is never stale.
 */
export function ingestCacheKey(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const folder of INGEST_CODE) {
    for (const file of readdirSync(path.join(root, folder)).sort()) {
      hash.update(file).update(readFileSync(path.join(root, folder, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** The default cache of ingested corpora, beside the bot's own data (git-ignored). */
export function defaultEvalDataDir(): string {
  return path.resolve('data/state/eval', ingestCacheKey());
}

/**
 * Open a Newsdesk over `dataDir` holding the benchmark corpus in EVAL_GUILD, ingesting it through
 * the normal path (read the JSON file, then clean, split, embed and store) when it is not there yet.
 * Returns the seconds the ingest took (0 when it was cached).
 */
export async function openEvalLibrary(
  config: Config,
  options: { dataset: string; dataDir: string; newsdesk?: NewsdeskOptions },
): Promise<{ newsdesk: Newsdesk; ingestSeconds: number }> {
  const newsdesk = await Newsdesk.open({ ...config, llm: undefined, dataDir: options.dataDir }, options.newsdesk);
  if (newsdesk.listSources(EVAL_GUILD).total > 0) return { newsdesk, ingestSeconds: 0 };
  const started = performance.now();
  const articles = await readArticleFile(corpusPath(options.dataset));
  const outcomes: IngestOutcome[] = [];
  for (let offset = 0; offset < articles.length; offset += 25) {
    outcomes.push(...(await newsdesk.ingestArticles(articles.slice(offset, offset + 25), EVAL_GUILD)));
    progress('ingest', Math.min(offset + 25, articles.length), articles.length);
  }
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  if (failed > 0) process.stderr.write(`${failed} corpus article(s) were refused\n`);
  return { newsdesk, ingestSeconds: (performance.now() - started) / 1000 };
}

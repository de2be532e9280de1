import { afterEach, beforeEach } from 'vitest';
import type { ArticleInput } from '../../src/ingest/article.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { fakeModel } from './fake-embeddings.js';
import { makeTempDir } from './temp-dir.js';

/**
 * For each test of the calling `describe`: a Newsdesk with fake embeddings in a fresh temporary
 * folder, holding these articles in `guildId`; closed and removed after the test.
 */
export function newsdeskWith(articles: readonly ArticleInput[], guildId = 'g1'): () => Newsdesk {
  let temp: ReturnType<typeof makeTempDir>;
  let newsdesk: Newsdesk;
  beforeEach(async () => {
    temp = makeTempDir();
    newsdesk = await Newsdesk.open({ dataDir: temp.dir, embedding: undefined as never }, { model: fakeModel() });
    await newsdesk.ingestArticles(articles, guildId);
  });
  afterEach(() => {
    newsdesk.close();
    temp.remove();
  });
  return () => newsdesk;
}

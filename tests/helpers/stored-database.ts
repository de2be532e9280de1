import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';

/**
 * Use a second connection to a data folder's database, as another process would open it: for
 * tests that read or write below the library (schema checks, rows its indexes have not seen).
 */
export function withStoredDatabase<T>(dataDir: string, use: (db: SqliteDatabase) => T): T {
  const db = openDatabase(dataDir);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

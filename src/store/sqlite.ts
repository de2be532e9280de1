import type Database from 'better-sqlite3';

/** The SQLite connection every repository of the store takes. */
export type SqliteDatabase = Database.Database;

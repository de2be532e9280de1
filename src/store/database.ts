import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../errors.js';
import { componentLogger } from '../logger.js';
import { MIGRATIONS } from './migrations.js';
import { type SearchScopeKind, scopeSearchToken } from './search/scope-tokens.js';
import type { SqliteDatabase } from './sqlite.js';

export type { SqliteDatabase } from './sqlite.js';

/** Open (creating if needed) the SQLite database under `dataDir` and bring its schema up to date. */
export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'newsdesk.sqlite'));
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    // An older newsdesk would read (and write) tables it does not know: stop before touching them.
    throw new ConfigError(
      `DATA_DIR (${dataDir}) holds a database written by a newer newsdesk (schema ${version}; this version knows up to ${MIGRATIONS.length}). Run the newer version, or set DATA_DIR to another folder.`,
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.function('scope_search_token', { deterministic: true }, (kind, value) =>
    value === null ? '' : scopeSearchToken(kind as SearchScopeKind, String(value)),
  );
  if (version > 0 && version < MIGRATIONS.length) {
    // Some upgrades rebuild an index over every passage: say why the first start takes longer.
    componentLogger('database').info(
      { from: version, to: MIGRATIONS.length },
      'upgrading the database schema; this start may take a little longer',
    );
  }
  for (let step = version; step < MIGRATIONS.length; step += 1) {
    db.transaction(() => {
      const migration = MIGRATIONS[step] ?? '';
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  return db;
}

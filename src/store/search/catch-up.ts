import type { SqliteDatabase } from '../sqlite.js';

/**
 * Which passages a set holds, cheaply: count, largest id and sum of ids. Passage ids only grow
 * (AUTOINCREMENT), so two different sets of one guild never share it.
 */
export function idSignature(ids: Iterable<number>): string {
  let count = 0;
  let largest = 0;
  let total = 0;
  for (const id of ids) {
    count += 1;
    largest = Math.max(largest, id);
    total += id;
  }
  return `${count}:${largest}:${total}`;
}

/** The `idSignature` of the guild's stored passages (only those with vectors of `modelId`, when given). */
export function storedSignature(db: SqliteDatabase, guildId: string, modelId?: string): string {
  const row = db
    .prepare(
      `SELECT count(*) AS n, coalesce(max(id), 0) AS top, coalesce(sum(id), 0) AS total FROM passages
       WHERE guild_id = ?${modelId === undefined ? '' : ' AND model_id = ?'}`,
    )
    .get(guildId, ...(modelId === undefined ? [] : [modelId])) as { n: number; top: number; total: number };
  return `${row.n}:${row.top}:${row.total}`;
}

/**
 * Tells whether another connection (`npm run ingest` while the bot runs) committed since the last
 * call: SQLite's data_version, read with a statement prepared once, since every search asks.
 */
export class OtherWritersWatch {
  private readonly version;
  private seen: number | undefined;

  constructor(db: SqliteDatabase) {
    this.version = db.prepare('PRAGMA data_version').pluck();
  }

  /** True once after each commit by another connection (and on the first call). */
  committedElsewhere(): boolean {
    const version = this.version.get() as number;
    if (version === this.seen) return false;
    this.seen = version;
    return true;
  }
}

/** What catching an index up needs to know of it. */
export interface HeldPassages {
  /** The `idSignature` of the passages it holds. */
  signature(): string;
  heldIds(): Iterable<number>;
}

/**
 * Bring an index up to the database's passages after another process committed: add the passages
 * stored since (ids only grow), then drop those no longer stored. False when it already matched.
 */
export function catchUpIndex(
  index: HeldPassages,
  stored: string,
  addStoredAfter: (largestHeldId: number) => void,
  storedIds: () => Iterable<number>,
  remove: (ids: number[]) => void,
): boolean {
  if (index.signature() === stored) return false;
  let largest = 0;
  for (const id of index.heldIds()) largest = Math.max(largest, id);
  addStoredAfter(largest);
  if (index.signature() !== stored) {
    const kept = new Set(storedIds());
    remove([...index.heldIds()].filter((id) => !kept.has(id)));
  }
  return true;
}

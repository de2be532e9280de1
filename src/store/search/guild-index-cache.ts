import { componentLogger } from '../../logger.js';
import type { SqliteDatabase } from '../sqlite.js';
import { catchUpIndex, type HeldPassages, OtherWritersWatch } from './catch-up.js';

const log = componentLogger('store');

/** What the cache needs of one guild's index. */
export interface GuildIndex extends HeldPassages {
  readonly size: number;
}

/** How one kind of index (keyword, vector) is read, rebuilt, caught up and written, given the database. */
export interface GuildIndexKind<T extends GuildIndex> {
  /** For the logs: "keyword index", "vector index". */
  readonly label: string;
  /** The `idSignature` of the passages of the guild this kind of index should hold. */
  storedSignature(guildId: string): string;
  /**
   * The saved index of the guild, when its file holds exactly the passages with this signature;
   * undefined when it is missing or stale; throws when the file is unreadable.
   */
  read(guildId: string, signature: string): T | undefined;
  /** An empty index with room for about `passages` passages. */
  create(passages: number): T;
  /** Add the guild's stored passages with ids above `afterId`. */
  addStored(guildId: string, index: T, afterId: number): void;
  /** The ids of the guild's stored passages this kind indexes. */
  storedIds(guildId: string): Iterable<number>;
  remove(index: T, ids: readonly number[]): void;
  /** Write the index atomically, labelled with the passages it holds (not with what the database holds now). */
  write(guildId: string, index: T): void;
}

/**
 * Each guild's index of one kind, loaded on first use. The database is the source of truth: a file
 * written for other passages (a crash between a save and its flush, a copied folder) or unreadable
 * is rebuilt from the stored passages, and when another process commits to the same database
 * (`npm run ingest` while the bot runs) each loaded index takes what it lacks.
 */
export class GuildIndexCache<T extends GuildIndex> {
  private readonly loaded = new Map<string, T>();
  private readonly unsaved = new Set<string>();
  private readonly otherWriters: OtherWritersWatch;

  constructor(
    db: SqliteDatabase,
    private readonly kind: GuildIndexKind<T>,
  ) {
    this.otherWriters = new OtherWritersWatch(db);
  }

  /** The guild's index, read from disk or rebuilt from the database the first time. */
  of(guildId: string): T {
    this.catchUpWithOtherWriters();
    let index = this.loaded.get(guildId);
    if (!index) {
      index = this.loadOrRebuild(guildId);
      this.loaded.set(guildId, index);
    }
    return index;
  }

  /** Note that the guild's index changed, so the next flush writes it. */
  changed(guildId: string): void {
    this.unsaved.add(guildId);
  }

  /** Write every changed index to disk. */
  flush(): void {
    for (const guildId of this.unsaved) {
      const index = this.loaded.get(guildId);
      if (index) this.kind.write(guildId, index);
    }
    this.unsaved.clear();
  }

  /** Flush, then forget the loaded indexes so the next use reads them again (after re-embedding). */
  drop(): void {
    this.flush();
    this.loaded.clear();
  }

  private loadOrRebuild(guildId: string): T {
    const { kind } = this;
    const signature = kind.storedSignature(guildId);
    try {
      const read = kind.read(guildId, signature);
      if (read) return read;
    } catch (error) {
      log.warn({ guildId, err: error }, `${kind.label} file unreadable; rebuilding from the database`);
    }
    const started = performance.now();
    const index = kind.create(Number(signature.split(':')[0]));
    kind.addStored(guildId, index, 0);
    if (index.size > 0) {
      log.info({ guildId, passages: index.size, ms: Math.round(performance.now() - started) }, `${kind.label} rebuilt`);
      this.unsaved.add(guildId);
    }
    return index;
  }

  /**
   * When another connection has committed, each loaded index that no longer matches the database
   * takes the passages added since (ids only grow) and drops those gone.
   */
  private catchUpWithOtherWriters(): void {
    if (!this.otherWriters.committedElsewhere()) return;
    const { kind } = this;
    for (const [guildId, index] of this.loaded) {
      const caughtUp = catchUpIndex(
        index,
        kind.storedSignature(guildId),
        (largest) => kind.addStored(guildId, index, largest),
        () => kind.storedIds(guildId),
        (ids) => kind.remove(index, ids),
      );
      if (!caughtUp) continue;
      log.info({ guildId, passages: index.size }, `${kind.label} caught up with another process`);
      this.unsaved.add(guildId);
    }
  }
}

import { componentLogger } from '../../logger.js';
import type { SqliteDatabase } from '../sqlite.js';
import { catchUpIndex, type HeldPassages, OtherWritersWatch } from './catch-up.js';

const log = componentLogger('store');

/** An index is rewritten once this share of its passages changed since its file was written... */
const WRITE_SHARE = 0.05;
/** ...or at the first flush this long after its last write. */
const WRITE_AFTER_MS = 5 * 60_000;

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
   * The saved index of the guild, whatever passages it holds (the cache catches it up with the
   * database); undefined when there is none, or it is of another format or model; throws when the
   * file is unreadable.
   */
  read(guildId: string): T | undefined;
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
  /** Passages added or removed since each guild's file was written. */
  private readonly unsaved = new Map<string, number>();
  private readonly lastWritten = new Map<string, number>();
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

  /** Note that `passages` of the guild's index changed since its file was written. */
  changed(guildId: string, passages = 1): void {
    this.unsaved.set(guildId, (this.unsaved.get(guildId) ?? 0) + passages);
  }

  /**
   * Write the indexes that changed enough to be worth it: WRITE_SHARE of their passages, or any
   * change WRITE_AFTER_MS after the last write. The file need not be current: it is labelled with
   * what it holds, and whatever it lacks is caught up from the database when it is next read, so
   * adding one article to a large guild does not rewrite hundreds of megabytes.
   */
  flush(now = Date.now()): void {
    for (const [guildId, changes] of this.unsaved) {
      const index = this.loaded.get(guildId);
      const due =
        changes >= Math.max(1, WRITE_SHARE * (index?.size ?? 0)) ||
        now - (this.lastWritten.get(guildId) ?? 0) >= WRITE_AFTER_MS;
      if (index && due) this.write(guildId, index, now);
    }
  }

  /** Write every changed index now (at shutdown). */
  flushAll(): void {
    for (const guildId of this.unsaved.keys()) {
      const index = this.loaded.get(guildId);
      if (index) this.write(guildId, index, Date.now());
    }
    this.unsaved.clear();
  }

  /** Write everything, then forget the loaded indexes so the next use reads them again (after re-embedding). */
  drop(): void {
    this.flushAll();
    this.loaded.clear();
  }

  private write(guildId: string, index: T, now: number): void {
    this.kind.write(guildId, index);
    this.unsaved.delete(guildId);
    this.lastWritten.set(guildId, now);
  }

  private loadOrRebuild(guildId: string): T {
    const { kind } = this;
    const signature = kind.storedSignature(guildId);
    try {
      const read = kind.read(guildId);
      if (read && this.caughtUp(guildId, read, signature)) return read;
    } catch (error) {
      log.warn({ guildId, err: error }, `${kind.label} file unreadable; rebuilding from the database`);
    }
    const started = performance.now();
    const index = kind.create(Number(signature.split(':')[0]));
    kind.addStored(guildId, index, 0);
    if (index.size > 0) {
      log.info({ guildId, passages: index.size, ms: Math.round(performance.now() - started) }, `${kind.label} rebuilt`);
      this.changed(guildId, index.size);
    }
    this.lastWritten.set(guildId, Date.now());
    return index;
  }

  /**
   * Bring a file's index up to the stored passages (those stored since it was written, and those
   * removed); false when that does not make it match, and it must be rebuilt.
   */
  private caughtUp(guildId: string, index: T, signature: string): boolean {
    const { kind } = this;
    const before = index.size;
    const changed = catchUpIndex(
      index,
      signature,
      (largest) => kind.addStored(guildId, index, largest),
      () => kind.storedIds(guildId),
      (ids) => kind.remove(index, ids),
    );
    this.lastWritten.set(guildId, Date.now());
    if (!changed) return true;
    if (index.signature() !== signature) return false;
    log.info({ guildId, from: before, passages: index.size }, `${kind.label} file caught up with the database`);
    this.changed(guildId, Math.abs(index.size - before) || 1);
    return true;
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
      this.changed(guildId);
    }
  }
}

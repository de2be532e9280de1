import { storedSignature } from './search/catch-up.js';
import type { SqliteDatabase } from './sqlite.js';

/**
 * The vectors stored beside each passage (the source of truth for the vector index) and the
 * record of what each guild's index file holds.
 */
export class VectorRecordStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** Every guild that has passages. */
  guildsWithPassages(): string[] {
    return (this.db.prepare('SELECT DISTINCT guild_id FROM passages').all() as { guild_id: string }[]).map(
      (row) => row.guild_id,
    );
  }

  /** The guild's passage ids and vectors made by the given model (those after `afterId`), in id order. */
  *iterateVectors(guildId: string, modelId: string, afterId = 0): Generator<{ id: number; vector: Float32Array }> {
    const statement = this.db.prepare(
      'SELECT id, embedding FROM passages WHERE guild_id = ? AND model_id = ? AND id > ? ORDER BY id',
    );
    for (const row of statement.iterate(guildId, modelId, afterId) as Iterable<{ id: number; embedding: Buffer }>) {
      yield {
        id: row.id,
        vector: new Float32Array(row.embedding.buffer, row.embedding.byteOffset, row.embedding.byteLength / 4),
      };
    }
  }

  /** A cheap fingerprint of which passages of the guild carry vectors of this model. */
  vectorSignature(guildId: string, modelId: string): string {
    return storedSignature(this.db, guildId, modelId);
  }

  /** Passages whose vectors were made by another model than this one. */
  stalePassages(modelId: string, limit: number): { id: number; text: string; title: string }[] {
    // Asked at every start: the covering index answers "none" in 7 ms at 100k passages, where the
    // query below reads every row (text and vector: 200 ms).
    const any = this.db
      .prepare('SELECT 1 FROM passages INDEXED BY passages_guild_model WHERE model_id != ? LIMIT 1')
      .get(modelId);
    if (!any) return [];
    return this.db
      .prepare(
        `SELECT p.id, p.text, a.title FROM passages p JOIN articles a ON a.id = p.article_id
         WHERE p.model_id != ? ORDER BY p.id LIMIT ?`,
      )
      .all(modelId, limit) as { id: number; text: string; title: string }[];
  }

  /** Replace one passage's vector. */
  updateVector(passageId: number, modelId: string, vector: Float32Array): void {
    this.db
      .prepare('UPDATE passages SET model_id = ?, embedding = ? WHERE id = ?')
      .run(modelId, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength), passageId);
  }

  /** Record what a guild's saved index file holds. */
  recordSavedIndex(guildId: string, modelId: string, dimensions: number, signature: string): void {
    this.db
      .prepare(
        `INSERT INTO vector_indexes (guild_id, model_id, dimensions, signature, saved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(guild_id) DO UPDATE SET model_id = excluded.model_id, dimensions = excluded.dimensions,
           signature = excluded.signature, saved_at = excluded.saved_at`,
      )
      .run(guildId, modelId, dimensions, signature, new Date().toISOString());
  }

  /** What the guild's saved index file was recorded to hold, if anything. */
  savedIndex(guildId: string): { modelId: string; dimensions: number; signature: string } | undefined {
    const row = this.db
      .prepare('SELECT model_id, dimensions, signature FROM vector_indexes WHERE guild_id = ?')
      .get(guildId) as { model_id: string; dimensions: number; signature: string } | undefined;
    return row ? { modelId: row.model_id, dimensions: row.dimensions, signature: row.signature } : undefined;
  }

  /** The ids of the guild's passages that carry vectors of this model. */
  passageIds(guildId: string, modelId: string): number[] {
    return (
      this.db
        .prepare('SELECT id FROM passages WHERE guild_id = ? AND model_id = ? ORDER BY id')
        .all(guildId, modelId) as {
        id: number;
      }[]
    ).map((row) => row.id);
  }
}

import { existsSync } from 'node:fs';
import { componentLogger } from '../../logger.js';
import type { SqliteDatabase } from '../sqlite.js';
import type { VectorRecordStore } from '../vector-records.js';
import { guildFile } from './guild-files.js';
import { GuildIndexCache, type GuildIndexKind } from './guild-index-cache.js';
import { PassageVectorIndex } from './vector-index.js';

const log = componentLogger('store');

/** Which model's vectors the library holds. */
export interface VectorModel {
  id: string;
  dimensions: number;
}

/**
 * Each guild's hnswlib index, under `vectors/` in the data folder: a cache of the stored vectors
 * of `model`. The database records what each saved file holds.
 */
export function vectorIndexCache(
  db: SqliteDatabase,
  options: { dataDir: string; model: VectorModel; records: VectorRecordStore },
): GuildIndexCache<PassageVectorIndex> {
  const { dataDir, model, records } = options;
  const file = (guildId: string) => guildFile(dataDir, 'vectors', guildId, 'hnsw');
  const kind: GuildIndexKind<PassageVectorIndex> = {
    label: 'vector index',
    storedSignature: (guildId) => records.vectorSignature(guildId, model.id),
    read(guildId) {
      const saved = records.savedIndex(guildId);
      const path = file(guildId);
      const sameModel = saved?.modelId === model.id && saved.dimensions === model.dimensions;
      // Of the labels the file holds, the live ones are those still stored (ids are never reused).
      if (sameModel && existsSync(path)) {
        return PassageVectorIndex.read(path, model.dimensions, records.passageIds(guildId, model.id));
      }
      if (saved || existsSync(path)) {
        log.warn(
          { guildId, model: model.id, found: saved?.modelId },
          'vector index file is of another model; rebuilding',
        );
      }
      return undefined;
    },
    create: (passages) => PassageVectorIndex.create(model.dimensions, Math.max(1024, Math.ceil(passages * 1.25))),
    addStored(guildId, index, afterId) {
      for (const { id, vector } of records.iterateVectors(guildId, model.id, afterId)) {
        if (vector.length === model.dimensions) index.add(id, vector);
      }
    },
    storedIds: (guildId) => records.passageIds(guildId, model.id),
    remove(index, ids) {
      for (const id of ids) index.remove(id);
    },
    write(guildId, index) {
      index.save(file(guildId));
      // What the file holds, which is what the database holds unless another process wrote since.
      records.recordSavedIndex(guildId, model.id, model.dimensions, index.signature());
    },
  };
  return new GuildIndexCache(db, kind);
}

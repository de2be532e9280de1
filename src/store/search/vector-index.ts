import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { idSignature } from './catch-up.js';

const { HierarchicalNSW } = hnswlib;

/** Graph degree and build depth of the HNSW index (see docs/performance.md for how they were chosen). */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
/**
 * Search breadth; raised to at least 2k for a k-nearest search. Chosen with `npm run bench`: at
 * 100k passages recall@10 is 0.945 at 100, 0.989 at 200 and 0.995 at 400, for 0.3, 0.5 and 0.8 ms.
 */
export const HNSW_EF_SEARCH = 400;
const INITIAL_CAPACITY = 1024;

export interface VectorHit {
  id: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/**
 * One guild's approximate nearest-neighbour index over passage vectors (hnswlib, cosine space).
 * Labels are passage ids. The caller tells it which ids are live, because hnswlib cannot list
 * the labels it has marked deleted.
 */
export class PassageVectorIndex {
  private readonly live = new Set<number>();

  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {}

  /** An empty index. */
  static create(dimensions: number, capacity = INITIAL_CAPACITY): PassageVectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex({
      maxElements: Math.max(capacity, 16),
      m: HNSW_M,
      efConstruction: HNSW_EF_CONSTRUCTION,
      randomSeed: 42,
    });
    index.setEf(HNSW_EF_SEARCH);
    return new PassageVectorIndex(index, dimensions);
  }

  /**
   * Read a saved index; `storedIds` are the passages the database holds. The live ones are the
   * file's labels that are still stored (a passage id is never reused, so a label marked deleted
   * in the file is never stored again).
   */
  static read(file: string, dimensions: number, storedIds: Iterable<number>): PassageVectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(file);
    index.setEf(HNSW_EF_SEARCH);
    const vectors = new PassageVectorIndex(index, dimensions);
    const labels = new Set(index.getIdsList());
    const stored = new Set(storedIds);
    for (const label of labels) {
      if (stored.has(label)) {
        vectors.live.add(label);
        continue;
      }
      // Removed since the file was written: never returned again.
      try {
        index.markDelete(label);
      } catch {
        // hnswlib throws for a label it has already marked deleted
      }
    }
    return vectors;
  }

  get size(): number {
    return this.live.size;
  }

  /** The `idSignature` of the passages it holds. */
  signature(): string {
    return idSignature(this.live);
  }

  /** The ids of the passages it holds. */
  heldIds(): Iterable<number> {
    return this.live.values();
  }

  /** Add a passage's vector. */
  add(id: number, vector: ArrayLike<number>): void {
    const needed = this.index.getCurrentCount() + 1;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    this.index.addPoint(Array.from(vector), id);
    this.live.add(id);
  }

  /** Remove a passage from search results. */
  remove(id: number): void {
    if (!this.live.delete(id)) return;
    this.index.markDelete(id);
  }

  /** The k passages nearest to the query vector, optionally only among the `allowed` ids (`ef`: search breadth, for measurement). */
  search(query: ArrayLike<number>, k: number, allowed?: ReadonlySet<number>, ef = HNSW_EF_SEARCH): VectorHit[] {
    const candidates = allowed ? [...allowed].filter((id) => this.live.has(id)) : undefined;
    const wanted = Math.min(k, candidates?.length ?? this.live.size);
    if (wanted <= 0) return [];
    const point = Array.from(query);
    this.index.setEf(Math.max(ef, 2 * wanted));
    try {
      const { neighbors, distances } = allowed
        ? this.index.searchKnn(point, wanted, (label) => allowed.has(label))
        : this.index.searchKnn(point, wanted);
      return neighbors.map((id, rank) => ({ id, similarity: 1 - (distances[rank] ?? 1) }));
    } catch (error) {
      // hnswlib throws when a filtered search finds fewer than k; the allowed set is then small enough to scan.
      if (!candidates) throw error;
      return candidates
        .map((id) => ({ id, similarity: cosine(point, this.index.getPoint(id)) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, wanted);
    }
  }

  /**
   * What the index and the database disagree on: live passages the index cannot return (missing)
   * and vectors it would return for passages that are not live (orphans).
   */
  audit(): { missing: number[]; orphans: number[] } {
    const returnable = (id: number): boolean => {
      try {
        this.index.getPoint(id);
        return true;
      } catch {
        return false; // hnswlib throws for labels it lacks or has marked deleted
      }
    };
    const labels = new Set(this.index.getIdsList());
    return {
      missing: [...this.live].filter((id) => !labels.has(id) || !returnable(id)),
      orphans: [...labels].filter((id) => !this.live.has(id) && returnable(id)),
    };
  }

  /** Write the index to `file` atomically: a crash leaves the old file or the new one, never half of one. */
  save(file: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      this.index.writeIndexSync(temporary);
      renameSync(temporary, file);
    } finally {
      if (existsSync(temporary)) rmSync(temporary, { force: true });
    }
  }
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return dot / (Math.sqrt(normA * normB) || 1);
}

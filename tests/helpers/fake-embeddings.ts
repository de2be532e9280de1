import { createHash } from 'node:crypto';
import { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingModel } from '../../src/embed/embedding-model.js';
import { wordTokens } from '../../src/text/terms.js';

/** Deterministic bag-of-words vectors: texts that share words are close. For unit tests only. */
export class FakeEmbeddings extends Embeddings {
  calls = 0;
  /**
   * `documentDelayMs` makes each embedDocuments call resolve that much later, as a worker thread's
   * answer does, so that work the ingest overlaps with embedding really overlaps.
   */
  constructor(
    readonly dimensions = 64,
    private readonly documentDelayMs = 0,
  ) {
    super({});
  }
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.calls += 1;
    if (this.documentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.documentDelayMs));
    return documents.map((text) => this.vector(text));
  }
  override async embedQuery(document: string): Promise<number[]> {
    return this.vector(document);
  }
  private vector(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const word of wordTokens(text)) {
      const bucket = createHash('md5').update(word).digest().readUInt32LE(0) % this.dimensions;
      vector[bucket] = (vector[bucket] ?? 0) + 1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  }
}

/** A fake model with an id, as the library expects. */
export function fakeModel(
  id = 'fake-64',
  dimensions = 64,
  documentDelayMs = 0,
): EmbeddingModel & { embeddings: FakeEmbeddings } {
  return { embeddings: new FakeEmbeddings(dimensions, documentDelayMs), id, dimensions };
}

import type { Embeddings } from '@langchain/core/embeddings';

/**
 * An embedding model in LangChain's `Embeddings` shape, plus what the index must record so that
 * vectors of different models never mix.
 */
export interface EmbeddingModel {
  readonly embeddings: Embeddings;
  /** A stable name of the model and its provider, stored beside every vector. */
  readonly id: string;
  readonly dimensions: number;
}

/** Split a list into consecutive batches of at most `size` items. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

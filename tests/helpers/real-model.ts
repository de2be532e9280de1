import type { EmbeddingModel } from '../../src/embed/embedding-model.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL_ID, UseLiteEmbeddings } from '../../src/embed/use-lite.js';

let shared: Promise<EmbeddingModel> | undefined;

/** The real offline model (USE-lite), loaded once per test file. */
export function realModel(): Promise<EmbeddingModel> {
  shared ??= UseLiteEmbeddings.load(8).then((embeddings) => ({
    embeddings,
    id: USE_LITE_MODEL_ID,
    dimensions: USE_LITE_DIMENSIONS,
  }));
  return shared;
}

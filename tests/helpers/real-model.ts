import type { Config } from '../../src/config.js';
import type { EmbeddingModel } from '../../src/embed/embedding-model.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL_ID, UseLiteEmbeddings } from '../../src/embed/use-lite.js';
import { PageFetcher } from '../../src/ingest/fetch-page.js';
import { Newsdesk } from '../../src/newsdesk.js';

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

/**
 * The real services over a data folder, with the real model. `localPages` lets links be fetched
 * from the tests' own servers on 127.0.0.1 (the test-only relaxation of the address guard).
 */
export async function openRealNewsdesk(
  dataDir: string,
  options: { llm?: Config['llm']; localPages?: boolean } = {},
): Promise<Newsdesk> {
  return Newsdesk.open(
    { dataDir, embedding: undefined as never, llm: options.llm },
    {
      model: await realModel(),
      ...(options.localPages ? { fetcher: new PageFetcher({ testOnlyAllowedAddresses: ['127.0.0.1'] }) } : {}),
    },
  );
}

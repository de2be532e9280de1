import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { loadEmbeddingModel } from '../../src/embed/load-embedding-model.js';
import { ConfigError, EmbeddingError } from '../../src/errors.js';
import { Newsdesk } from '../../src/newsdesk.js';
import { type EmbeddingsServer, startEmbeddingsServer } from '../helpers/openai-embeddings-server.js';
import { TEST_SECRETS } from '../helpers/secrets.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let server: EmbeddingsServer;
const temp = makeTempDir();

beforeAll(async () => {
  server = await startEmbeddingsServer(48);
});
afterAll(async () => {
  await server.close();
  temp.remove();
});

describe('an OpenAI-compatible embeddings endpoint', () => {
  it('embeds, stores and retrieves through the configured endpoint, in batches', async () => {
    const config = parseConfig({
      DATA_DIR: temp.dir,
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_BASE_URL: server.url,
      EMBEDDING_MODEL: 'nomic-embed-text',
      EMBEDDING_API_KEY: TEST_SECRETS.apiKey,
      EMBEDDING_BATCH_SIZE: '4',
    });
    const newsdesk = await Newsdesk.open(config);
    try {
      expect(newsdesk.model).toMatchObject({ dimensions: 48, id: `openai:nomic-embed-text@${server.url}` });
      await newsdesk.ingestFiles(['tests/fixtures/samples'], 'local');
      const answer = await newsdesk.ask('local', 'How many U.S. troops has the Pentagon put on alert?');
      expect(answer.answer).toContain('8,500');
      expect(server.requests.every((request) => request.model === 'nomic-embed-text')).toBe(true);
      expect(server.requests.every((request) => request.authorization === `Bearer ${TEST_SECRETS.apiKey}`)).toBe(true);
      expect(Math.max(...server.requests.map((request) => request.inputs.length))).toBe(4);
    } finally {
      newsdesk.close();
    }
  });

  it('fails start-up with a clear error when the endpoint does not answer', async () => {
    const settings = parseConfig({
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_BASE_URL: 'http://127.0.0.1:9/v1',
    }).embedding;
    await expect(loadEmbeddingModel({ ...settings })).rejects.toThrow(EmbeddingError);
  });

  it('explains how to enable the Transformers.js provider when its package is absent', async () => {
    const settings = parseConfig({
      EMBEDDING_PROVIDER: 'transformers',
      EMBEDDING_MODEL_PATH: '/models/bge-small',
    }).embedding;
    await expect(loadEmbeddingModel(settings)).rejects.toThrow(ConfigError);
    await expect(loadEmbeddingModel(settings)).rejects.toThrow(/npm install @huggingface\/transformers/);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeEmbeddings } from './fake-embeddings.js';

export interface EmbeddingsServer {
  url: string;
  requests: { model: string; inputs: string[]; authorization: string | undefined }[];
  close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1 speaking OpenAI's POST /v1/embeddings with deterministic vectors. */
export async function startEmbeddingsServer(dimensions = 48): Promise<EmbeddingsServer> {
  const vectors = new FakeEmbeddings(dimensions);
  const requests: EmbeddingsServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', async () => {
      if (request.method !== 'POST' || request.url !== '/v1/embeddings') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const parsed = JSON.parse(body) as { model: string; input: string | string[]; encoding_format?: string };
      const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      requests.push({ model: parsed.model, inputs, authorization: request.headers.authorization });
      const embedded = await vectors.embedDocuments(inputs);
      const data = embedded.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding:
          parsed.encoding_format === 'base64'
            ? Buffer.from(Float32Array.from(vector).buffer).toString('base64')
            : vector,
      }));
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the chat server. */
export interface ScriptedReply {
  /** The assistant's text. */
  content?: string;
  /** Answer with this HTTP status and an error body instead (e.g. 500). */
  status?: number;
  /** Wait this long before answering (a timeout test sets it above the client's limit). */
  delayMs?: number;
  /** When streaming, wait this long between chunks. */
  chunkDelayMs?: number;
}

/** A chat completions request as the server received it. */
export interface ReceivedChatRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  authorization: string | undefined;
}

/** Chooses the reply for each request (tests script a queue; the citation eval answers from the prompt). */
export type ReplyScript = (request: ReceivedChatRequest) => ScriptedReply;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The reply split into the small pieces a streaming server sends (a few words each). */
function streamPieces(content: string): string[] {
  return (
    content.match(/\S+\s*/g)?.reduce<string[]>((pieces, word, index) => {
      if (index % 3 === 0) pieces.push(word);
      else pieces[pieces.length - 1] += word;
      return pieces;
    }, []) ?? [content]
  );
}

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's POST /v1/chat/completions, plain and
 * streaming (server-sent events), with scripted replies: used by the tests and `npm run eval-citations`.
 */
export class ScriptedChatServer {
  readonly requests: ReceivedChatRequest[] = [];
  private readonly queue: ScriptedReply[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private script: ReplyScript | undefined,
  ) {}

  static async start(script?: ReplyScript): Promise<ScriptedChatServer> {
    let instance: ScriptedChatServer | undefined;
    const server = createServer((request, response) => {
      instance?.handle(request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    instance = new ScriptedChatServer(server, `http://127.0.0.1:${port}/v1`, script);
    return instance;
  }

  /** Queue replies, used in order before the script (if any). */
  reply(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  /** Replace the script. */
  answerWith(script: ReplyScript): void {
    this.script = script;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const parsed = JSON.parse(body) as {
      model: string;
      stream?: boolean;
      messages: { role: string; content: string | { type: string; text?: string }[] }[];
    };
    const received: ReceivedChatRequest = {
      model: parsed.model,
      stream: parsed.stream === true,
      messages: parsed.messages.map((message) => ({
        role: message.role,
        content:
          typeof message.content === 'string'
            ? message.content
            : message.content.map((part) => part.text ?? '').join(''),
      })),
      authorization: request.headers.authorization,
    };
    this.requests.push(received);
    const reply = this.queue.shift() ?? this.script?.(received) ?? { content: '' };
    if (reply.delayMs) await sleep(reply.delayMs);
    if (response.destroyed) return;
    if (reply.status && reply.status >= 400) {
      response
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    const content = reply.content ?? '';
    const id = `chatcmpl-${this.requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    if (!received.stream) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (delta: Record<string, string>, finish: string | null) =>
      response.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: parsed.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    send({ role: 'assistant', content: '' }, null);
    for (const piece of streamPieces(content)) {
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (response.destroyed) return;
      send({ content: piece }, null);
    }
    send({}, 'stop');
    response.end('data: [DONE]\n\n');
  }
}

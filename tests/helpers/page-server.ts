import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A real HTTP server on 127.0.0.1 serving fixed routes, for fetching pages in tests. */
export class PageServer {
  readonly hits: string[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(
    routes: Record<string, PageRoute | ((request: http.IncomingMessage) => PageRoute)>,
  ): Promise<PageServer> {
    const table = new Map(Object.entries(routes));
    const server = http.createServer();
    const pages = new PageServer(server);
    server.on('request', (request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      pages.hits.push(request.url ?? '/');
      const found = table.get(path);
      const route = typeof found === 'function' ? found(request) : found;
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
      response.end(route.body ?? '');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return pages;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

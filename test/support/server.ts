/**
 * A real HTTP server on 127.0.0.1 for sync tests, with routes that misbehave on purpose: drop the
 * connection halfway, answer 5xx, stall, demand a token. Every request is logged so tests can see
 * conditional and Range requests.
 *
 * @example
 * const server = await startTestServer();
 * server.route('/a.pdf', { body: bytes, dropAfter: 1000 }); // first answer stops after 1000 bytes
 * await server.close();
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  body: Uint8Array | string;
  type?: string;
  etag?: string;
  /** Required `Authorization: Bearer …` value. */
  token?: string;
  /** Answer this status instead, for the first `failTimes` requests (default: always). */
  status?: number;
  failTimes?: number;
  /** On the first full (non-Range) answer, destroy the socket after this many body bytes. */
  dropAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  url: string;
  route(path: string, route: Route): void;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Route & { hits: number; dropped?: boolean }>();
  const requests: LoggedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    route.hits++;
    if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
    if (route.token && req.headers.authorization !== `Bearer ${route.token}`) {
      res.writeHead(401, { 'Content-Type': 'text/plain' }).end('token required');
      return;
    }
    if (route.status && (route.failTimes === undefined || route.hits <= route.failTimes)) {
      res.writeHead(route.status).end(`status ${route.status}`);
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body);
    const etag = route.etag ?? `"${sha256(body).slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    const headers: Record<string, string | number> = { 'Content-Type': route.type ?? 'application/octet-stream', ETag: etag, 'Accept-Ranges': 'bytes' };
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    // If-Range as servers honour it: a validator that no longer matches gets the whole file.
    const ifRange = req.headers['if-range'];
    if (range && (ifRange === undefined || ifRange === etag)) {
      const start = Number(range[1]);
      if (start >= body.length) {
        res.writeHead(416).end();
        return;
      }
      res.writeHead(206, { ...headers, 'Content-Length': body.length - start, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` });
      res.end(body.subarray(start));
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    if (route.dropAfter !== undefined && !route.dropped) {
      route.dropped = true;
      res.write(body.subarray(0, route.dropAfter), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    res.end(body);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, route) => routes.set(path, { ...route, hits: 0 }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The web host: the Yandu API over HTTP on 127.0.0.1, guarded by a per-run token, plus the built
 * renderer and a server-sent event stream. Used by `npm run web`, `yandu serve`, the CLI when a
 * library is already open elsewhere, and every browser test.
 *
 * - `POST /api/<method>` with `Authorization: Bearer <token>` and a JSON body of arguments →
 *   `{ "result": … }` or `{ "error": { code, message } }` with a matching status.
 * - `GET /api/events?token=<token>` → `text/event-stream` of {@link YanduEvent}s.
 * - `GET /library/<path>` (token as for events) → a file of the library's `files/` or `text/`
 *   folder, with one `Range` honoured; anything else there is 403 (see `library-file.ts`).
 * - anything else → files of the built renderer, with a strict CSP.
 *
 * @example
 * const host = await startHttpHost({ api: core.api, on: core.on, token: newToken(), staticDir: 'out/renderer' });
 * console.log(`${host.url}/?token=${host.token}`);
 * await host.close();
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { libraryFile } from '../core/index.js';
import type { EventListener, YanduApi } from '../shared/contract.js';
import { MAX_UPLOAD_BASE64 } from '../shared/contract.js';
import { serve } from '../shared/rpc.js';
import { httpStatusOf, YanduError } from '../shared/errors.js';
import { eventsPath, isMethodName } from '../shared/methods.js';
import { serveStatic } from './static.js';
import { fail } from '../shared/error-words.js';

export interface HttpHostOptions {
  api: YanduApi;
  on: (listener: EventListener) => () => void;
  token: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Folder of the built renderer; without it only the API is served. */
  staticDir?: string;
  /** The library folder, whose documents `/library/…` serves; without it that path is 404. */
  libraryDir?: string;
}

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** `addFiles` carries whole files (base64): its body may be as large as the contract allows. */
const MAX_UPLOAD_BODY = MAX_UPLOAD_BASE64 + 64 * 1024;

/** A fresh random token for one run of the host. */
export const newToken = (): string => randomBytes(24).toString('hex');

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: unknown): void {
  const e = YanduError.from(error);
  sendJson(res, httpStatusOf[e.code], { error: e.toJSON() });
}

async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  // Said too large up front: refused before a byte of it is held.
  if (Number(req.headers['content-length']) > limit) {
    req.resume();
    throw fail('web.body-too-large', { mb: Math.round(limit / 2 ** 20) });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw fail('web.body-too-large', { mb: Math.round(limit / 2 ** 20) });
    chunks.push(chunk as Buffer);
  }
  if (!size) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw fail('web.body-not-json');
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

const LIBRARY_PREFIX = '/library/';

async function sendLibraryFile(libraryDir: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const reply = await libraryFile(libraryDir, path, req.headers.range);
    res.writeHead(reply.status, reply.headers);
    if (!reply.path || req.method === 'HEAD' || reply.end! < reply.start!) res.end(reply.status >= 400 ? String(reply.status) : undefined);
    else createReadStream(reply.path, { start: reply.start!, end: reply.end! }).on('error', () => res.destroy()).pipe(res);
  } catch {
    if (!res.headersSent) res.writeHead(500).end();
  }
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { api, on, token } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;

  // Whatever a request holds, the host answers it and goes on serving: a target the URL parser
  // refuses (`//[`) is a 400, any other failure a 500, never an exception out of the handler.
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: { code: 'internal', message: `web: ${(error as Error)?.message ?? 'request failed'}` } });
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendJson(res, 400, { error: { code: 'bad-arguments', message: 'web: malformed request target.' } });
      return;
    }
    // Refuse other Host names: a page on another site must not reach us through DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(res, 403, { error: { code: 'unauthorized', message: 'web: unexpected Host header.' } });
      return;
    }
    /** Event streams and library files are opened by the browser itself: the token may come in the query. */
    const refused = (): boolean => {
      if (sameToken(url.searchParams.get('token') ?? bearer(req), token)) return false;
      sendJson(res, 401, { error: { code: 'unauthorized', message: 'web: missing or wrong token.' } });
      return true;
    };
    if (url.pathname === eventsPath) {
      if (refused()) return;
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 2000\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    // Library paths are routed and resolved as sent (the URL parser would fold `..` away first).
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath.startsWith(LIBRARY_PREFIX) && options.libraryDir) {
      if (refused()) return;
      await sendLibraryFile(options.libraryDir, rawPath.slice(LIBRARY_PREFIX.length - 1), req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice(5));
      return;
    }
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      await serveStatic(options.staticDir, url.pathname, req, res);
      return;
    }
    sendJson(res, 404, { error: { code: 'not-found', message: 'web: no such path.' } });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    try {
      if (!sameToken(bearer(req), token)) throw fail('web.token');
      if (req.method !== 'POST') throw fail('web.post-only');
      if (!isMethodName(name)) throw fail('web.no-method', { name });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw fail('web.json-only');
      const args = await readBody(req, name === 'addFiles' ? MAX_UPLOAD_BODY : MAX_BODY);
      // Core's API checks the arguments (checked-api.ts); the envelope is the wire's (rpc.ts).
      const envelope = await serve(() => (api[name] as (a: unknown) => Promise<unknown>)(args));
      sendJson(res, envelope.error ? httpStatusOf[envelope.error.code] : 200, envelope);
    } catch (error) {
      sendError(res, error);
    }
  }

  const unsubscribe = on((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Serves the built renderer from one folder, never outside it, with a strict Content Security
 * Policy. Unknown paths without an extension fall back to `index.html` (client-side routes).
 *
 * @example
 * await serveStatic('/app/out/renderer', '/assets/index-abc.js', req, res);
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { appContentType, resolveInside } from '../core/index.js';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.js';

export { CONTENT_SECURITY_POLICY };

export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const path = await resolveInside(root, urlPath).catch(() => null);
  if (path === null) {
    res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`web: the app's pages are not built (${root} is missing); run npm run build. / 界面尚未构建。`);
    return;
  }
  if (!path) {
    res.writeHead(403, headers).end('Forbidden');
    return;
  }
  let file = path;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info && !extname(urlPath)) {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    res.writeHead(404, headers).end('Not found');
    return;
  }
  const type = appContentType(file);
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

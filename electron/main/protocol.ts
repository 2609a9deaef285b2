/**
 * The app's own scheme: `yandu://app/…` serves the built renderer (never `file://`), each
 * response with the strict CSP, nothing outside the renderer folder; `yandu://library/…` serves
 * the reader's documents from the library folder, under the same rules as the web host's
 * `/library/…` (see `core/files/library-file.ts`).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { appContentType, resolveInside, libraryFile } from '../core/index.js';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.js';

export const APP_SCHEME = 'yandu';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export const CSP = CONTENT_SECURITY_POLICY;

/** Must run before `app.ready`. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ]);
}

async function libraryResponse(libraryDir: string, url: URL, range: string | null): Promise<Response> {
  const reply = await libraryFile(libraryDir, url.pathname, range ?? undefined);
  const body = reply.path && reply.end! >= reply.start! ? (Readable.toWeb(createReadStream(reply.path, { start: reply.start!, end: reply.end! })) as ReadableStream) : null;
  // The renderer (yandu://app) reads documents from another host of the scheme: allow only it.
  return new Response(body, { status: reply.status, headers: { ...reply.headers, 'Access-Control-Allow-Origin': APP_ORIGIN } });
}

export function handleAppScheme(rendererDir: string, libraryDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === 'library') return libraryResponse(libraryDir, url, request.headers.get('range'));
    if (url.host !== 'app') return new Response('Forbidden', { status: 403 });
    const file = await resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': appContentType(file), 'Content-Security-Policy': CSP },
      });
    } catch {
      const index = await readFile(join(rendererDir, 'index.html'));
      return new Response(index, { headers: { 'Content-Type': appContentType('index.html'), 'Content-Security-Policy': CSP } });
    }
  });
}

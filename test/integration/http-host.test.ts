/**
 * The web host's guards and its static and event serving, over real HTTP on 127.0.0.1.
 */
import { request } from 'node:http';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';
import { newToken, startHttpHost, type HttpHost } from '../../electron/web/http-host';
import { writeNotes } from '../support/fixtures';
import { tempDir } from '../support/tmp';

/** A raw request, so tests control every header (fetch would set Host itself). */
function raw(host: HttpHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  let core: Core;
  let host: HttpHost;
  let root: string;
  let notes: string;

  beforeAll(async () => {
    root = await tempDir('host-');
    const staticDir = join(root, 'static');
    await mkdir(join(staticDir, 'assets'), { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>研读</title>');
    await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'secret');
    await symlink(join(root, 'secret.txt'), join(staticDir, 'link.txt'));
    notes = (await writeNotes(root)).folder;
    core = await createCore({ libraryDir: join(root, 'library') });
    await mkdir(join(root, 'library', 'files'), { recursive: true });
    await symlink(join(root, 'secret.txt'), join(root, 'library', 'files', 'leak.pdf'));
    host = await startHttpHost({ api: core.api, on: core.on, token: newToken(), staticDir, libraryDir: join(root, 'library') });
  });
  afterAll(async () => {
    await host.close();
    await core.close();
  });

  const json = { 'Content-Type': 'application/json' };

  it('binds to 127.0.0.1', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    expect((await raw(host, '/api/listDocuments', { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    const wrong = await raw(host, '/api/listDocuments', { method: 'POST', headers: { ...json, Authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('unauthorized');
  });

  it('answers with the token', async () => {
    const ok = await raw(host, '/api/libraryInfo', { method: 'POST', headers: { ...json, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const res = await raw(host, '/api/libraryInfo', { method: 'POST', headers: { ...json, Host: 'evil.example:80', Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses unknown methods, bad JSON and non-JSON bodies', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await raw(host, '/api/deleteEverything', { method: 'POST', headers: { ...json, ...auth }, body: '{}' })).status).toBe(404);
    expect((await raw(host, '/api/search', { method: 'POST', headers: { ...json, ...auth }, body: '{nope' })).status).toBe(400);
    expect((await raw(host, '/api/search', { method: 'POST', headers: { 'Content-Type': 'text/plain', ...auth }, body: '{"query":"x"}' })).status).toBe(400);
    expect((await raw(host, '/api/search', { method: 'POST', headers: { ...json, ...auth }, body: '{"query":5}' })).status).toBe(400);
  });

  it('serves the renderer with a strict CSP, and client routes fall back to index.html', async () => {
    const index = await raw(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await raw(host, '/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await raw(host, '/library')).body).toContain('研读');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/link.txt']) {
      const res = await raw(host, path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
  });

  it('streams events to a client with the token, and not without', async () => {
    expect((await raw(host, '/api/events')).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`${host.url}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await core.api.addPaths({ paths: [notes] });
    let text = '';
    while (!text.includes('library.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toMatch(/data: \{"type":"library\.changed","ids":\["d_/);
  });

  it('serves library documents with the token, a range of them, and nothing outside files/ and text/', async () => {
    await core.api.addPaths({ paths: [notes] });
    const doc = await core.api.getDocument({ id: (await core.api.listDocuments({}))[0]!.id });
    const original = `/${doc.original}`;
    expect((await raw(host, `/library${original}`)).status).toBe(401);
    expect((await raw(host, `/library${original}?token=wrong`)).status).toBe(401);
    const whole = await raw(host, `/library${original}?token=${host.token}`);
    expect(whole.status).toBe(200);
    expect(whole.body).toBe(await readFile(join(root, 'library', doc.original), 'utf8'));
    const part = await raw(host, `/library${original}`, { headers: { Authorization: `Bearer ${host.token}`, Range: 'bytes=0-2' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-length']).toBe('3');
    expect(part.headers['content-range']).toMatch(/^bytes 0-2\/\d+$/);
    const text = await raw(host, `/library/text/${doc.id}.txt?token=${host.token}`);
    expect(text.status).toBe(200);
    for (const path of ['/library/../secret.txt', '/library/files/%2e%2e/%2e%2e/secret.txt', '/library/files/leak.pdf', '/library/yandu.json', `/library/%2F${root.slice(1)}%2Fsecret.txt`]) {
      const refused = await raw(host, `${path}?token=${host.token}`);
      expect(refused.status, path).toBe(403);
      expect(refused.body).not.toContain('secret');
    }
  });
});

/**
 * Sync's HTTP is bounded whatever a server does, over real HTTP on 127.0.0.1: a body dripped a
 * byte at a time is cut off at the deadline, a body past its cap is refused as it arrives,
 * redirect loops and redirects to another site are refused with a clear message (and same-site
 * ones followed), a part file is resumed only if the file did not change meanwhile, and no abort
 * listeners pile up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, fetchBytes } from '../../electron/core/sync/http';
import { sha256, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

describe('sync HTTP under misbehaving servers', () => {
  let server: Server;
  let base = '';
  let other: Server;
  let otherBase = '';
  const hits = new Map<string, number>();

  beforeAll(async () => {
    const listen = async (s: Server): Promise<string> => {
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    };
    server = createServer((req, res) => {
      hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
      if (req.url === '/drip') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        const timer = setInterval(() => res.write('a'), 200);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 1);
        const pump = (): void => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        res.on('close', () => res.off('drain', pump));
        pump();
      } else if (req.url === '/loop-a') res.writeHead(302, { Location: '/loop-b' }).end();
      else if (req.url === '/loop-b') res.writeHead(302, { Location: '/loop-a' }).end();
      else if (req.url === '/away') res.writeHead(301, { Location: `${otherBase}/page` }).end();
      else if (req.url === '/moved') res.writeHead(301, { Location: '/page' }).end();
      else if (req.url === '/page') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>到了</p>');
      else if (req.url!.startsWith('/flaky-')) res.writeHead(hits.get(req.url!) === 1 ? 500 : 200).end('ok');
      else res.writeHead(404).end();
    });
    base = await listen(server);
    other = createServer((_req, res) => res.writeHead(200).end('elsewhere'));
    otherBase = await listen(other);
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    other.close();
  });

  it('cuts off a body dripped a byte at a time at the deadline', async () => {
    const start = Date.now();
    await expect(fetchBytes(`${base}/drip`, { timeoutMs: 1000, deadlineMs: 1500, retries: 0 })).rejects.toThrow(/took too long|下载超时/);
    // Ended by the deadline (without one it never ends), with room for a busy machine.
    expect(Date.now() - start).toBeLessThan(20_000);
  }, 60_000);

  it('refuses a body past its cap while it arrives, in memory and on disk', async () => {
    await expect(fetchBytes(`${base}/huge`, { maxBytes: 2 ** 20, retries: 0 })).rejects.toThrow(/larger than 1 MB|文件过大/);
    const dir = await tempDir('bounds-');
    await expect(downloadFile(`${base}/huge`, join(dir, 'huge.pdf'), { maxBytes: 2 ** 20, retries: 0 })).rejects.toThrow(/larger than 1 MB/);
    expect(await stat(join(dir, 'huge.pdf.part')).catch(() => undefined)).toBeUndefined();
  });

  it('refuses redirect loops and redirects to another site, and follows ones within the site', async () => {
    await expect(fetchBytes(`${base}/loop-a`)).rejects.toThrow(/redirected more than 5 times|重定向次数过多/);
    expect((hits.get('/loop-a') ?? 0) + (hits.get('/loop-b') ?? 0)).toBe(6); // not retried, not 84 requests
    await expect(fetchBytes(`${base}/away`)).rejects.toThrow(/another site|其他网站/);
    expect(Buffer.from((await fetchBytes(`${base}/moved`)).bytes).toString()).toBe('<p>到了</p>');
  });

  it('leaves no abort listener behind on a long-lived signal, retries included', async () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    // Each fetch fails once (a 500) and waits to retry: the wait listens on the signal too.
    for (let i = 0; i < 15; i++) await fetchBytes(`${base}/flaky-${i}`, { signal: controller.signal, backoffMs: 1 });
    for (let i = 0; i < 15; i++) await fetchBytes(`${base}/page`, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('warning', onWarning);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('resuming a download', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('resumes an unchanged file with Range, and takes a changed one whole (If-Range), never spliced', async () => {
    const dir = await tempDir('resume-');
    const first = Buffer.from('%PDF-1.4 第一版'.repeat(4000));
    server.route('/a.pdf', { body: first, dropAfter: 20_000 });
    const dest = join(dir, 'a.pdf');
    await expect(downloadFile(`${server.url}/a.pdf`, dest, { retries: 0 })).rejects.toThrow();
    expect((await stat(`${dest}.part`)).size).toBe(20_000);
    // Meanwhile the file changed on the server: the part must not be continued with the new bytes.
    const second = Buffer.from('%PDF-1.4 第二版，内容不同'.repeat(3000));
    server.route('/a.pdf', { body: second });
    await downloadFile(`${server.url}/a.pdf`, dest, { sha256: sha256(second), retries: 0 });
    expect(sha256(await readFile(dest))).toBe(sha256(second));
    // An unchanged file is resumed from where it stopped.
    server.route('/b.pdf', { body: first, dropAfter: 30_000 });
    const b = join(dir, 'b.pdf');
    await expect(downloadFile(`${server.url}/b.pdf`, b, { retries: 0 })).rejects.toThrow();
    await downloadFile(`${server.url}/b.pdf`, b, { sha256: sha256(first), retries: 0 });
    const ranged = server.requests.filter((r) => r.path === '/b.pdf' && r.headers.range);
    expect(ranged).toHaveLength(1);
    expect(ranged[0]!.headers['if-range']).toBeTruthy();
  });
});

/**
 * Sync against a real HTTP server on 127.0.0.1 that misbehaves on purpose: feeds with
 * conditional requests, member manifests behind a token, dropped connections, 5xx, a slow
 * server, a bad checksum; and a watched folder.
 */
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { sha256, startTestServer, type TestServer } from '../support/server';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const ARTICLE = readFileSync(join(SHARED, 'fixtures', 'beichen-article.html'));
const PDF = readFileSync(join(SHARED, 'corpus', 'pdf', 'research-report.pdf'));
const DEBIAN = readFileSync(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf'));
const TOKEN = 'member-token-3f9a8c7e1b2d';

const page = (title: string, body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}_测试站</title></head><body><div class="nav"><a href="/">首页</a></div>` +
  `<h1>${title}</h1><div class="info">2024-10-08 来源：测试站</div><div class="content">${body}</div><div class="footer">版权所有</div></body></html>`;
const prose = (topic: string): string =>
  Array.from({ length: 4 }, (_, i) => `<p>${topic}是推进国家治理现代化的重要内容，第${i + 1}段讨论了基层减负、数字政府和作风建设的具体做法，强调要在“实”字上下功夫。</p>`).join('');

const rss = (base: string, items: string[]): string => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>测试订阅</title><link>${base}/</link><description>测试</description>${items.join('')}</channel></rss>`;
const rssItem = (base: string, n: number, extra = ''): string =>
  `<item><title>第${n}篇</title><link>${base}/articles/${n}.html</link><guid>${base}/articles/${n}.html</guid><pubDate>Tue, 08 Oct 2024 08:00:00 GMT</pubDate><description>摘要${n}</description>${extra}</item>`;

describe('sync', () => {
  let server: TestServer;
  let core: Core;
  let root: string;

  beforeAll(async () => {
    server = await startTestServer();
    root = await tempDir('sync-');
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await core?.close();
  });

  const open = async (name: string, extra: Parameters<typeof createCore>[0] extends infer O ? Partial<O> : never = {}): Promise<Core> => {
    core = await createCore({ libraryDir: join(root, name), sync: { http: { timeoutMs: 1500, retries: 2, backoffMs: 50 } }, ...extra });
    return core;
  };

  it('imports a feed: item pages fetched and extracted, enclosed PDFs downloaded; unchanged feeds are not refetched', async () => {
    const base = server.url;
    server.route('/articles/1.html', { body: ARTICLE, type: 'text/html; charset=utf-8' });
    server.route('/articles/2.html', { body: page('数字政府建设', prose('数字政府')), type: 'text/html; charset=utf-8' });
    server.route('/files/report.pdf', { body: PDF, type: 'application/pdf' });
    server.route('/feed.xml', {
      body: rss(base, [rssItem(base, 1), rssItem(base, 2, `<enclosure url="${base}/files/report.pdf" type="application/pdf" length="${PDF.length}"/>`)]),
      type: 'application/rss+xml; charset=utf-8',
    });
    await open('feed');
    const source = await core.api.addSource({ kind: 'feed', url: `${base}/feed.xml` });
    const first = await core.api.sync({ sourceId: source.id });
    expect(first.failed).toEqual([]);
    expect(first.added).toHaveLength(3);
    const docs = await core.api.listDocuments({});
    const article = docs.find((d) => d.url === `${base}/articles/1.html`)!;
    expect(article).toMatchObject({ kind: 'article', title: '整治“指尖上的形式主义”', origin: '人民日报 2024年09月03日 第09版', sourceId: source.id });
    expect(docs.find((d) => d.url === `${base}/files/report.pdf`)).toMatchObject({ kind: 'pdf', pages: 4 });

    const before = server.requests.length;
    const second = await core.api.sync({ sourceId: source.id });
    expect(second.added).toEqual([]);
    const again = server.requests.slice(before);
    expect(again.map((r) => r.path)).toEqual(['/feed.xml']);
    expect(again[0]!.headers['if-none-match']).toBeTruthy();

    // A new item: only it is fetched.
    server.route('/articles/3.html', { body: page('乡村振兴', prose('乡村振兴')), type: 'text/html' });
    server.route('/feed.xml', { body: rss(base, [rssItem(base, 3), rssItem(base, 1), rssItem(base, 2, `<enclosure url="${base}/files/report.pdf" type="application/pdf"/>`)]), type: 'application/rss+xml' });
    const mark = server.requests.length;
    const third = await core.api.sync({ sourceId: source.id });
    expect(third.added.map((a) => a.path)).toEqual([expect.stringContaining('/articles/3.html')]);
    expect(server.requests.slice(mark).map((r) => r.path).sort()).toEqual(['/articles/3.html', '/feed.xml']);
    const [listed] = (await core.api.listSources({})).filter((s) => s.id === source.id);
    expect(listed!.history.map((h) => h.added)).toEqual([1, 0, 3]);
    expect(listed!.documents).toBe(4);
  });

  it('reads GB2312 feeds and the pages they link to', async () => {
    // The feed's items point to news.qq.com; point them at this server instead (ASCII bytes only).
    const original = readFileSync(join(SHARED, 'corpus', 'feeds', 'encoding-gb2312.v1.xml')).toString('latin1');
    const local = Buffer.from(original.replaceAll('http://news.qq.com/a/', `${server.url}/qq/`), 'latin1');
    server.route('/gb.xml', { body: local, type: 'text/xml' });
    const expected = JSON.parse(readFileSync(join(SHARED, 'corpus', 'feeds', 'encoding-gb2312.expected.json'), 'utf8')) as {
      feed: { items: { title: string; link: string }[] };
    };
    for (const item of expected.feed.items) {
      const path = item.link.replace('http://news.qq.com/a/', '/qq/');
      server.route(path, { body: page(item.title, prose(item.title.slice(0, 6))), type: 'text/html; charset=utf-8' });
    }
    await open('gbfeed');
    const source = await core.api.addSource({ kind: 'feed', url: `${server.url}/gb.xml` });
    const report = await core.api.sync({ sourceId: source.id });
    expect(report.failed).toEqual([]);
    const titles = (await core.api.listDocuments({})).map((d) => d.title).sort();
    expect(titles).toEqual(expected.feed.items.map((i) => i.title).sort());
  });

  it('imports a member manifest with its token, never storing the token in plain text', async () => {
    const pdfSha = sha256(PDF);
    server.route('/member/manifest.json', {
      token: TOKEN,
      type: 'application/json',
      body: JSON.stringify({
        version: 1,
        name: '会员资料',
        items: [
          { id: 'm1', title: '调研报告', url: 'files/report.pdf', kind: 'pdf', category: ['会员资料', '调研'], updatedAt: '2024-10-01', sha256: pdfSha, size: PDF.length },
          { id: 'm2', title: '指尖上的形式主义', url: '/member/a1.html', kind: 'article', updatedAt: '2024-09-03' },
          // Not an address Yandu fetches: it fails alone, the others import.
          { id: 'm3', title: '本机文件', url: 'file:///etc/passwd', kind: 'pdf' },
        ],
      }),
    });
    server.route('/member/files/report.pdf', { token: TOKEN, body: PDF, type: 'application/pdf' });
    server.route('/member/a1.html', { token: TOKEN, body: ARTICLE, type: 'text/html; charset=utf-8' });
    await open('manifest');
    const noToken = await core.api.addSource({ kind: 'manifest', url: `${server.url}/member/manifest.json` });
    expect(noToken.hasToken).toBe(false);
    expect((await core.api.sync({ sourceId: noToken.id })).failed[0]!.error).toMatch(/no member token/);

    await core.api.setSourceToken({ id: noToken.id, token: TOKEN });
    const report = await core.api.sync({ sourceId: noToken.id });
    expect(report.failed).toEqual([{ path: expect.stringContaining('m3'), error: expect.stringMatching(/not http\(s\)/) }]);
    expect(report.added).toHaveLength(2);
    const pdf = (await core.api.listDocuments({})).find((d) => d.kind === 'pdf')!;
    expect(pdf).toMatchObject({ category: ['会员资料', '调研'], sourceId: noToken.id });

    const dir = join(root, 'manifest');
    for (const file of ['yandu.json', 'secrets.json']) expect(await readFile(join(dir, file), 'utf8')).not.toContain(TOKEN);
    expect((await core.api.listSources({}))[0]).not.toHaveProperty('token');

    // Unchanged manifest: nothing is downloaded again.
    const mark = server.requests.length;
    const again = await core.api.sync({ sourceId: noToken.id });
    expect(again.unchanged).toHaveLength(2);
    expect(server.requests.slice(mark).map((r) => r.path)).toEqual(['/member/manifest.json']);
  });

  it('says "token rejected" on 401 and deletes nothing', async () => {
    server.route('/private/manifest.json', { token: 'the-right-token-1234', body: '{"version":1,"items":[]}', type: 'application/json' });
    await open('manifest');
    const before = await core.api.listDocuments({});
    const source = await core.api.addSource({ kind: 'manifest', url: `${server.url}/private/manifest.json`, token: 'a-wrong-token-5678' });
    const report = await core.api.sync({ sourceId: source.id });
    expect(report.failed[0]!.error).toMatch(/token was rejected .* \(HTTP 401\).*Nothing was deleted/);
    expect(report.failed[0]!.error).not.toContain('a-wrong-token-5678');
    expect(await core.api.listDocuments({})).toEqual(before);
    expect((await core.api.listSources({})).find((s) => s.id === source.id)!.lastError).toMatch(/token was rejected/);
  });

  it('resumes a PDF download after a dropped connection and verifies it', async () => {
    server.route('/big/manifest.json', {
      token: TOKEN,
      type: 'application/json',
      body: JSON.stringify({ version: 1, items: [{ id: 'deb', title: 'Debian 参考', url: 'debian.pdf', kind: 'pdf', sha256: sha256(DEBIAN), size: DEBIAN.length }] }),
    });
    server.route('/big/debian.pdf', { token: TOKEN, body: DEBIAN, type: 'application/pdf', dropAfter: 400_000 });
    await open('resume');
    const source = await core.api.addSource({ kind: 'manifest', url: `${server.url}/big/manifest.json`, token: TOKEN });
    const report = await core.api.sync({ sourceId: source.id });
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(1);
    const ranges = server.requests.filter((r) => r.path === '/big/debian.pdf').map((r) => r.headers.range);
    expect(ranges).toEqual([undefined, 'bytes=400000-']);
    const doc = await core.api.getDocument({ id: report.added[0]!.id });
    expect(doc.pageCount).toBe(251);
    expect(await readdir(join(root, 'resume', 'downloads'))).toEqual([]);
  });

  it('retries 5xx, then reports it; reports a slow server as a timeout; refuses a bad checksum keeping the old copy', async () => {
    server.route('/flaky/manifest.json', {
      type: 'application/json',
      status: 503,
      failTimes: 2,
      body: JSON.stringify({ version: 1, items: [{ id: 'r', title: '报告', url: 'r.pdf', kind: 'pdf', sha256: sha256(PDF) }] }),
    });
    server.route('/flaky/r.pdf', { body: PDF, type: 'application/pdf' });
    server.route('/down/manifest.json', { status: 500, body: '' });
    server.route('/slow/manifest.json', { delayMs: 4000, body: '{"version":1,"items":[]}' });
    await open('faults');
    const flaky = await core.api.addSource({ kind: 'manifest', url: `${server.url}/flaky/manifest.json`, token: TOKEN });
    const ok = await core.api.sync({ sourceId: flaky.id });
    expect(ok.failed).toEqual([]);
    expect(ok.added).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === '/flaky/manifest.json')).toHaveLength(3);

    const down = await core.api.addSource({ kind: 'manifest', url: `${server.url}/down/manifest.json`, token: TOKEN });
    expect((await core.api.sync({ sourceId: down.id })).failed[0]!.error).toMatch(/could not download .*HTTP 500/);
    expect(server.requests.filter((r) => r.path === '/down/manifest.json')).toHaveLength(3);

    const slow = await core.api.addSource({ kind: 'manifest', url: `${server.url}/slow/manifest.json`, token: TOKEN });
    expect((await core.api.sync({ sourceId: slow.id })).failed[0]!.error).toMatch(/did not answer in time/);

    // The manifest now promises other bytes than the server sends: refused, old copy kept.
    const docBefore = await core.api.getDocument({ id: ok.added[0]!.id });
    server.route('/flaky/manifest.json', {
      type: 'application/json',
      body: JSON.stringify({ version: 1, items: [{ id: 'r', title: '报告', url: 'r.pdf', kind: 'pdf', updatedAt: 'v2', sha256: sha256('other bytes') }] }),
    });
    const bad = await core.api.sync({ sourceId: flaky.id });
    expect(bad.failed[0]!.error).toMatch(/does not match its sha256; the old copy is kept/);
    expect(await core.api.getDocument({ id: ok.added[0]!.id })).toEqual(docBefore);
  });

  it('cancels a running sync, and the next one finishes the job', async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, title: `慢${i}`, url: `c${i}.html`, kind: 'article' }));
    for (const item of items) server.route(`/slowm/${item.url}`, { body: page(`慢速文章${item.id}`, prose(`慢速${item.id}`)), type: 'text/html', delayMs: 700 });
    server.route('/slowm/manifest.json', { body: JSON.stringify({ version: 1, items }), type: 'application/json' });
    await open('cancel');
    const source = await core.api.addSource({ kind: 'manifest', url: `${server.url}/slowm/manifest.json`, token: TOKEN });
    const running = core.api.sync({ sourceId: source.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(await core.api.cancelSync({})).toEqual({ cancelled: true });
    const report = await running;
    expect(report.added.length).toBeLessThan(items.length);
    expect(report.failed.some((f) => /cancelled/.test(f.error))).toBe(true);
    expect(await core.api.cancelSync({})).toEqual({ cancelled: false });
    const next = await core.api.sync({ sourceId: source.id });
    expect(next.failed).toEqual([]);
    expect((await core.api.listDocuments({})).length).toBe(items.length);
  });

  it('watches a folder: partial downloads wait, finished files come in, deleted ones are marked', async () => {
    const folder = join(root, 'Downloads');
    await rm(folder, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(folder);
    await open('watch', { watch: true, sync: { http: { timeoutMs: 1500 }, watchTiming: { stabilityMs: 300, debounceMs: 200 } } });
    const source = await core.api.addSource({ kind: 'folder', path: folder });
    const changed = (): Promise<void> =>
      new Promise((resolve) => {
        const off = core.on((e) => {
          if (e.type === 'library.changed') {
            off();
            resolve();
          }
        });
      });
    await writeFile(join(folder, 'report.pdf.crdownload'), PDF.subarray(0, 1000));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await core.api.listDocuments({})).toEqual([]);
    await writeFile(join(folder, 'report.pdf.crdownload'), PDF);
    const arrived = changed();
    await rename(join(folder, 'report.pdf.crdownload'), join(folder, 'report.pdf'));
    await arrived;
    const [doc] = await core.api.listDocuments({});
    expect(doc).toMatchObject({ kind: 'pdf', sourceId: source.id, sourcePath: join(folder, 'report.pdf') });

    const removed = changed();
    await rm(join(folder, 'report.pdf'));
    await removed;
    expect((await core.api.listDocuments({}))[0]).toMatchObject({ id: doc!.id, sourceMissing: true });
    expect((await core.api.getDocument({ id: doc!.id })).pageCount).toBe(4);
  });

  it('imports what a watched folder holds as soon as it is added, with progress', async () => {
    const folder = join(root, 'Already');
    await (await import('node:fs/promises')).mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.md'), '# 第一篇\n\n为基层减负，要在“实”字上下功夫。');
    await writeFile(join(folder, 'b.txt'), '第二篇：乡村振兴的笔记，写得长一些以便读取。');
    await writeFile(join(folder, 'report.pdf'), PDF);
    await open('already', { watch: true, sync: { http: { timeoutMs: 1500 }, watchTiming: { stabilityMs: 300, debounceMs: 200 } } });
    const progress: number[] = [];
    core.on((e) => {
      if (e.type === 'sync.progress') progress.push(e.done);
    });
    const source = await core.api.addSource({ kind: 'folder', path: folder });
    // No sync asked for, no new file arriving: the three already there come in by themselves.
    await expect.poll(async () => (await core.api.listDocuments({})).length, { timeout: 30_000 }).toBe(3);
    expect((await core.api.listDocuments({})).every((d) => d.sourceId === source.id)).toBe(true);
    expect(Math.max(...progress)).toBe(3);
    await expect.poll(async () => (await core.api.listSources({}))[0]?.lastSyncAt, { timeout: 10_000 }).toBeGreaterThan(0);
  }, 60_000);
});

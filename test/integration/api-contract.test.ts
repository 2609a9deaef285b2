/**
 * One API suite, run twice: against core directly and through the HTTP transport (web host +
 * Node HTTP client). Both must behave the same, errors included.
 */
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';
import type { YanduApi } from '../../electron/shared/contract';
import type { YanduEvent } from '../../electron/shared/types';
import { createHttpClient } from '../../electron/web/http-client';
import { newToken, startHttpHost, type HttpHost } from '../../electron/web/http-host';
import { writeNotes } from '../support/fixtures';
import { tempDir } from '../support/tmp';

interface Setup {
  api: YanduApi;
  events: YanduEvent[];
  close(): Promise<void>;
}

async function direct(libraryDir: string): Promise<Setup> {
  const core = await createCore({ libraryDir });
  const events: YanduEvent[] = [];
  core.on((e) => events.push(e));
  return { api: core.api, events, close: () => core.close() };
}

async function overHttp(libraryDir: string): Promise<Setup> {
  const core: Core = await createCore({ libraryDir });
  const host: HttpHost = await startHttpHost({ api: core.api, on: core.on, token: newToken() });
  const events: YanduEvent[] = [];
  core.on((e) => events.push(e));
  return {
    api: createHttpClient(host.url, host.token),
    events,
    close: async () => {
      await host.close();
      await core.close();
    },
  };
}

for (const [name, open] of [['core', direct], ['http', overHttp]] as const) {
  describe(`API contract over ${name}`, () => {
    let setup: Setup;
    let files: Awaited<ReturnType<typeof writeNotes>>;

    beforeAll(async () => {
      const dir = await tempDir(`api-${name}-`);
      files = await writeNotes(dir);
      setup = await open(join(dir, 'library'));
    });
    afterAll(() => setup.close());

    it('starts empty', async () => {
      expect(await setup.api.listDocuments({})).toEqual([]);
      expect(await setup.api.libraryInfo({})).toMatchObject({ documents: 0, schemaVersion: SCHEMA_VERSION });
    });

    it('adds a folder: readable files added, the rest reported, partial downloads skipped', async () => {
      const report = await setup.api.addPaths({ paths: [files.folder, join(files.folder, 'nope.md')] });
      expect(report.added.map((a) => a.path).sort()).toEqual([files.gbk, files.md, files.txt].sort());
      // Walking a folder skips what Yandu does not read (program.exe, .hidden.md, *.crdownload).
      expect(report.failed).toEqual([{ path: join(files.folder, 'nope.md'), error: expect.stringContaining('no such file') }]);
      expect(setup.events.some((e) => e.type === 'library.changed')).toBe(true);
      expect(setup.events.some((e) => e.type === 'sync.progress')).toBe(true);
    });

    it('adding the same files again adds nothing', async () => {
      const report = await setup.api.addPaths({ paths: [files.md, files.txt] });
      expect(report.added).toEqual([]);
      expect(report.unchanged).toHaveLength(2);
      expect(await setup.api.listDocuments({})).toHaveLength(3);
    });

    it('lists entries in the final JSON shape', async () => {
      const docs = await setup.api.listDocuments({});
      const md = docs.find((d) => d.sourcePath === files.md);
      expect(md).toMatchObject({ kind: 'text', title: '整治“指尖上的形式主义”', topics: [], sourcePath: files.md });
      expect(typeof md!.id).toBe('string');
      expect(typeof md!.addedAt).toBe('number');
      expect(docs.find((d) => d.sourcePath === files.gbk)?.title).toBe('基层治理');
    });

    it('shows a document with its text', async () => {
      const id = (await setup.api.listDocuments({})).find((d) => d.sourcePath === files.txt)!.id;
      const doc = await setup.api.getDocument({ id });
      expect(doc.text).toContain('让数据多跑路、群众少跑腿');
    });

    it('searches with every term required, snippets and ranges', async () => {
      const result = await setup.api.search({ query: '基层减负' });
      expect(result.total).toBe(3);
      for (const hit of result.hits) {
        expect(hit.ranges.length).toBeGreaterThan(0);
        for (const [s, e] of hit.ranges) expect(hit.snippet.slice(s, e)).toBe('基层减负');
      }
      expect((await setup.api.search({ query: '数字政府 基层减负' })).total).toBe(1);
      expect((await setup.api.search({ query: '不存在的提法' })).total).toBe(0);
      expect((await setup.api.search({ query: '基层减负', limit: 1 })).hits).toHaveLength(1);
    });

    it('updates a changed file in place, keeping its id', async () => {
      const before = (await setup.api.listDocuments({})).find((d) => d.sourcePath === files.md)!;
      await appendFile(files.md, '\n新增段落：减负不减责。\n');
      const report = await setup.api.sync({});
      expect(report.updated).toEqual([{ id: before.id, path: files.md }]);
      expect(report.unchanged).toHaveLength(2);
      expect((await setup.api.getDocument({ id: before.id })).text).toContain('减负不减责');
      expect(await setup.api.listDocuments({})).toHaveLength(3);
    });

    it('keeps a document whose source file was deleted, marked', async () => {
      await rm(files.gbk);
      await setup.api.sync({});
      const gbk = (await setup.api.listDocuments({})).find((d) => d.sourcePath === files.gbk)!;
      expect(gbk.sourceMissing).toBe(true);
      expect((await setup.api.getDocument({ id: gbk.id })).text).toContain('基层减负');
      await writeFile(files.gbk, 'restored later');
    });

    it('removes with undo', async () => {
      const doc = (await setup.api.listDocuments({}))[0]!;
      const { removed } = await setup.api.removeDocument({ id: doc.id });
      expect(removed.id).toBe(doc.id);
      expect((await setup.api.listDocuments({})).map((d) => d.id)).not.toContain(doc.id);
      expect((await setup.api.libraryInfo({})).trashed).toBe(1);
      await setup.api.restoreDocument({ id: doc.id });
      expect((await setup.api.listDocuments({})).map((d) => d.id)).toContain(doc.id);
    });

    it('adds files sent by content, named as sent, with no source path', async () => {
      const text = '上传的笔记\n基层减负要落到实处，上传测试专用语句。';
      const report = await setup.api.addFiles({ files: [{ name: '../上传的笔记.txt', data: Buffer.from(text).toString('base64') }] });
      expect(report.added).toHaveLength(1);
      expect(report.added[0]!.path).toBe('../上传的笔记.txt');
      const doc = await setup.api.getDocument({ id: report.added[0]!.id });
      expect(doc.sourcePath).toBeUndefined();
      expect(doc.text).toContain('上传测试专用语句');
      // The same bytes again: nothing new; a sync does not call the upload "source file removed".
      expect((await setup.api.addFiles({ files: [{ name: 'again.txt', data: Buffer.from(text).toString('base64') }] })).unchanged).toHaveLength(1);
      await setup.api.sync({});
      expect((await setup.api.getDocument({ id: doc.id })).sourceMissing).toBeUndefined();
      await expect(setup.api.addFiles({ files: [{ name: 'x.txt', data: '%%%' }] })).rejects.toMatchObject({ code: 'bad-arguments' });
      const bad = await setup.api.addFiles({ files: [{ name: 'broken.pdf', data: Buffer.from('%PDF-1.7 not really').toString('base64') }] });
      expect(bad.failed[0]).toMatchObject({ path: 'broken.pdf' });
      expect(bad.failed[0]!.error).toMatch(/PDF/);
    });

    it('remembers the reading position, through an update of the file', async () => {
      const doc = (await setup.api.listDocuments({})).find((d) => d.kind !== 'pdf')!;
      expect(doc.position).toBeUndefined();
      expect(await setup.api.savePosition({ id: doc.id, fraction: 0.25 })).toEqual({ progress: 0.25 });
      await setup.api.sync({});
      const again = (await setup.api.listDocuments({})).find((d) => d.id === doc.id)!;
      expect(again.position).toMatchObject({ fraction: 0.25 });
      expect(again.progress).toBe(0.25);
      expect((await setup.api.getDocument({ id: doc.id })).position?.fraction).toBe(0.25);
      await expect(setup.api.savePosition({ id: doc.id, fraction: 2 })).rejects.toMatchObject({ code: 'bad-arguments' });
      await expect(setup.api.savePosition({ id: 'd_missing', fraction: 0 })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('does not bring back a deleted document on sync, but does when it is added again', async () => {
      const doc = (await setup.api.listDocuments({})).find((d) => d.sourcePath === files.txt)!;
      await setup.api.removeDocument({ id: doc.id });
      await setup.api.sync({});
      expect((await setup.api.listDocuments({})).map((d) => d.id)).not.toContain(doc.id);
      const again = await setup.api.addPaths({ paths: [files.txt] });
      expect(again.added).toEqual([{ id: doc.id, path: files.txt }]);
      expect((await setup.api.listDocuments({})).map((d) => d.id)).toContain(doc.id);
    });

    it('answers bad calls with the contract error codes', async () => {
      await expect(setup.api.getDocument({ id: 'd_missing' })).rejects.toMatchObject({ code: 'not-found' });
      await expect(setup.api.search({ query: 'x', limit: -1 })).rejects.toMatchObject({ code: 'bad-arguments' });
      await expect(setup.api.addPaths({ paths: [] })).rejects.toMatchObject({ code: 'bad-arguments' });
      await expect(setup.api.restoreDocument({ id: 'd_missing' })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('loads the sample library, searchable at once, and removes it in one go', async () => {
      const report = await setup.api.addSample({});
      expect(report.failed).toEqual([]);
      expect(report.added.map((a) => a.path)).toEqual(['01-基层减负.html', '02-数字政府.html', '03-乡村振兴.html', '04-遴选备考要点.pdf']);
      const samples = (await setup.api.listDocuments({})).filter((d) => d.sample);
      expect(samples).toHaveLength(4);
      expect(samples.every((d) => d.sourcePath === undefined)).toBe(true);
      expect(samples.find((d) => d.kind === 'pdf')!.pages).toBeGreaterThanOrEqual(5);
      const hits = await setup.api.search({ query: '指尖上的形式主义' });
      expect(hits.hits.some((h) => samples.some((d) => d.id === h.docId))).toBe(true);
      expect((await setup.api.search({ query: '案例分析' })).hits.some((h) => h.page !== undefined)).toBe(true);
      expect(await setup.api.removeSample({})).toEqual({ removed: 4 });
      expect((await setup.api.listDocuments({})).some((d) => d.sample)).toBe(false);
    });
  });
}

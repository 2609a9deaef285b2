/**
 * Highlights through core, on real files: made on an article (the beichen fixture), a note and a
 * PDF page (the Debian reference); kept through restart, re-sync with changed text (followed,
 * flagged, orphaned, re-attached — never lost), reindex, a schema migration and the removal of
 * their document; exported (Markdown, CSV, Word 金句本) and backed up, the backup restored into
 * another library of the same files and exported again, unchanged. The CLI's export and restore.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { DB_FILE } from '../../electron/core/store/db';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';
import type { Highlight } from '../../electron/shared/types';
import { yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const NOTE = '学习笔记\n第一段：为基层减负，关键在于精简文件会议。\n第二段：数字政府建设要让数据多跑路。\n';

describe('highlights', () => {
  let root: string;
  let library: string;
  let files: string;
  let core: Core;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    root = await tempDir('highlights-');
    library = join(root, 'library');
    files = join(root, 'files');
    await mkdir(files);
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(files, 'beichen.html'));
    await copyFile(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf'), join(files, 'debian.pdf'));
    await writeFile(join(files, 'note.txt'), NOTE);
    core = await createCore({ libraryDir: library });
    await core.api.addPaths({ paths: [files] });
    for (const d of await core.api.listDocuments({})) ids[d.kind] = d.id;
  }, 120_000);
  afterAll(() => core?.close());

  const text = async (id: string): Promise<string> => {
    const d = await core.api.getDocument({ id });
    return d.pages ? d.pages.join('\f') : d.text!;
  };

  it('marks an article, a note and a PDF page, with W3C selectors', async () => {
    const article = await text(ids.article!);
    const at = article.indexOf('指尖上的形式主义”亮剑');
    const h = await core.api.addHighlight({ docId: ids.article!, start: at, end: at + 8, color: 'yellow', note: '申论开头可用', topics: ['作风建设/形式主义'] });
    expect(h.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: '指尖上的形式主义' });
    expect(h.target.selector[0].prefix.length).toBe(32);
    expect(h.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: at, end: at + 8 });
    expect(h.status).toBe('exact');

    const note = await text(ids.text!);
    const n = note.indexOf('为基层减负');
    await core.api.addHighlight({ docId: ids.text!, start: n, end: n + 5, color: 'green', topics: ['基层治理/基层减负'] });

    const pages = (await core.api.getDocument({ id: ids.pdf! })).pages!;
    const p = pages[149]!.indexOf('剪贴板');
    expect(p).toBeGreaterThanOrEqual(0);
    const onPage = await core.api.addHighlight({ docId: ids.pdf!, page: 150, start: p, end: p + 3, color: 'blue' });
    expect(onPage.target.page).toBe(150);
    expect(onPage.target.pagePosition).toEqual({ start: p, end: p + 3 });
    expect((await text(ids.pdf!)).slice(onPage.target.selector[1].start, onPage.target.selector[1].end)).toBe('剪贴板');
    expect(await core.api.listHighlights({})).toHaveLength(3);
    await expect(core.api.addHighlight({ docId: ids.text!, start: 5, end: 5, color: 'green' })).rejects.toMatchObject({ code: 'bad-arguments' });
    await expect(core.api.addHighlight({ docId: ids.text!, start: 0, end: 3, color: 'red' as never })).rejects.toMatchObject({ code: 'bad-arguments' });
  });

  it('survives a restart and a reindex', async () => {
    const before = await core.api.listHighlights({});
    await core.close();
    core = await createCore({ libraryDir: library });
    expect(await core.api.listHighlights({})).toEqual(before);
    await core.api.reindex({});
    expect(await core.api.listHighlights({})).toEqual(before);
  });

  it('follows changed text on re-sync; flags an edited quote; orphans a deleted one; never drops any', async () => {
    const noteHighlight = (): Promise<Highlight> => core.api.listHighlights({ docId: ids.text! }).then((l) => l[0]!);
    // Text inserted before the quote, even in its context: the quote, found once, follows exactly.
    await writeFile(join(files, 'note.txt'), NOTE.replace('第一段：', '第一段（新增的说明文字）：'));
    await core.api.sync({});
    let h = await noteHighlight();
    expect(h.status).toBe('exact');
    expect((await text(ids.text!)).slice(h.at!.start, h.at!.end)).toBe('为基层减负');
    // The quote itself edited: placed approximately and flagged until confirmed.
    await writeFile(join(files, 'note.txt'), NOTE.replace('为基层减负', '为基础减负'));
    await core.api.sync({});
    h = await noteHighlight();
    expect(h.status).toBe('fuzzy');
    expect(h.found).toBe('为基础减负');
    h = await core.api.updateHighlight({ id: h.id, confirm: true });
    expect(h.status).toBe('exact');
    expect(h.target.selector[0].exact).toBe('为基础减负');
    // The quote gone: kept as an orphan, then re-attached by hand.
    await writeFile(join(files, 'note.txt'), '学习笔记\n全部改写了，没有原来的句子。\n');
    await core.api.sync({});
    h = await noteHighlight();
    expect(h.status).toBe('orphan');
    expect(h.at).toBeUndefined();
    expect(h.color).toBe('green');
    const now = await text(ids.text!);
    h = await core.api.updateHighlight({ id: h.id, place: { start: now.indexOf('全部改写'), end: now.indexOf('全部改写') + 4 } });
    expect(h).toMatchObject({ status: 'exact', topics: ['基层治理/基层减负'] });
    expect(h.target.selector[0].exact).toBe('全部改写');
  });

  it('edits, deletes with undo, and keeps highlights with a removed document', async () => {
    const [h] = await core.api.listHighlights({ docId: ids.article! });
    expect((await core.api.updateHighlight({ id: h!.id, color: 'pink', note: '' })).note).toBeUndefined();
    await core.api.removeHighlight({ id: h!.id });
    expect(await core.api.listHighlights({ docId: ids.article! })).toHaveLength(0);
    await core.api.restoreHighlight({ id: h!.id });
    expect(await core.api.listHighlights({ docId: ids.article! })).toHaveLength(1);
    const removed = await core.api.removeDocument({ id: ids.article! });
    expect(removed.highlights).toBe(1);
    expect((await core.api.listHighlights({})).map((x) => x.docId)).not.toContain(ids.article);
    const backup = JSON.parse((await core.api.backup({})).content) as { highlights: Highlight[] };
    expect(backup.highlights.map((x) => x.id)).toContain(h!.id);
    await core.api.restoreDocument({ id: ids.article! });
    expect(await core.api.listHighlights({ docId: ids.article! })).toHaveLength(1);
  });

  it('exports Markdown and CSV with citations, and a Word 金句本', async () => {
    await core.api.updateHighlight({ id: (await core.api.listHighlights({ docId: ids.article! }))[0]!.id, note: '申论开头可用' });
    const md = await core.api.exportHighlights({ format: 'markdown', by: 'topic' });
    expect(md.filename).toMatch(/按专题\.md$/);
    expect(md.content).toContain('## 作风建设 › 形式主义');
    expect(md.content).toContain('> 指尖上的形式主义');
    expect(md.content).toMatch(/—— 《整治“指尖上的形式主义”》 · 北辰遴选 · 2024-09-03 · 人民日报/);
    expect(md.content).toContain('笔记：申论开头可用');
    expect(md.content).toMatch(/《Debian 参考手册》.*第 150 页/);
    const csv = await core.api.exportHighlights({ format: 'csv' });
    expect(csv.content.startsWith('\ufeff摘录,笔记,专题')).toBe(true);
    expect(csv.content.split('\r\n').filter(Boolean)).toHaveLength(4);
    const docx = await core.api.exportHighlights({ format: 'docx', topic: '作风建设' });
    const bytes = Buffer.from(docx.content, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('金句本 · 作风建设');
    expect(value).toContain('指尖上的形式主义');
    expect(value).toContain('笔记：申论开头可用');
    expect(value).not.toContain('剪贴板'); // another topic
  });

  it('restores a backup losslessly into another library of the same files', async () => {
    await core.api.savePosition({ id: ids.pdf!, page: 120, fraction: 0.5 });
    const first = await core.api.backup({});
    // Another library, the same files imported anew (other ids).
    const other = await createCore({ libraryDir: join(root, 'other') });
    try {
      await other.api.addPaths({ paths: [files] });
      const report = await other.api.restore({ content: first.content });
      expect(report).toMatchObject({ highlights: 3, unmatched: 0 });
      const again = await other.api.backup({});
      const shape = (json: string): unknown => {
        const b = JSON.parse(json) as { documents: { id: string; sha256: string; position?: unknown; topics: string[] }[]; highlights: Highlight[] };
        const sha = new Map(b.documents.map((d) => [d.id, d.sha256]));
        return {
          documents: b.documents.map(({ sha256, position, topics }) => ({ sha256, position, topics })).sort((a, c) => a.sha256.localeCompare(c.sha256)),
          highlights: b.highlights.map(({ docId, target, ...h }) => ({ ...h, doc: sha.get(docId), selector: target.selector, page: target.page })).sort((a, c) => a.id.localeCompare(c.id)),
        };
      };
      expect(shape(again.content)).toEqual(shape(first.content));
      // Restoring twice adds nothing.
      expect((await other.api.restore({ content: first.content })).highlights).toBe(0);
      await expect(other.api.restore({ content: '{"format":"something-else"}' })).rejects.toMatchObject({ code: 'bad-arguments' });
    } finally {
      await other.close();
    }
  });

  it('migrates a library from before highlights, and keeps what it had', async () => {
    const dir = join(root, 'v3');
    const old = await createCore({ libraryDir: dir });
    await old.api.addPaths({ paths: [join(files, 'note.txt')] });
    await old.close();
    const raw = JSON.parse(await readFile(join(dir, DB_FILE), 'utf8')) as Record<string, unknown>;
    delete raw.highlights;
    delete raw.highlightTrash;
    raw.schemaVersion = 3;
    await writeFile(join(dir, DB_FILE), JSON.stringify(raw));
    const reopened = await createCore({ libraryDir: dir });
    try {
      expect(await reopened.api.listHighlights({})).toEqual([]);
      const [doc] = await reopened.api.listDocuments({});
      await reopened.api.addHighlight({ docId: doc!.id, start: 0, end: 4, color: 'purple' });
      expect((await reopened.api.libraryInfo({})).schemaVersion).toBe(SCHEMA_VERSION);
    } finally {
      await reopened.close();
    }
    const third = await createCore({ libraryDir: dir });
    expect(await third.api.listHighlights({})).toHaveLength(1);
    await third.close();
  });

  it('exports and restores from the command line', async () => {
    await core.close();
    const out = join(root, 'backup.json');
    const run = await yandu(['export', '--out', out, '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ format: 'yandu-backup' });
    const md = await yandu(['export', '--format', 'md', '--by', 'document', '--library', library]);
    expect(md.stdout).toContain('# 研读标注（按文档）');
    expect((await yandu(['export', '--format', 'docx', '--library', library])).code).toBe(2); // binary needs --out
    const fresh = join(root, 'fresh');
    expect((await yandu(['add', files, '--library', fresh])).code).toBe(0);
    const restored = await yandu(['restore', out, '--library', fresh, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ highlights: 3, unmatched: 0 });
    expect((await yandu(['restore', join(root, 'missing.json'), '--library', fresh])).code).toBe(1);
    core = await createCore({ libraryDir: library });
  }, 120_000);
});

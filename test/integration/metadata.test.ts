/**
 * Dates, authors and sources from every place they live, through core: the 276 人民日报
 * commentaries carry them only in their file names (checked against each page's own title);
 * the same commentary saved as PDF; a Word file's core properties. The user's own edits in the
 * reader's header survive a re-sync of a changed file and are what exports cite; a date filter
 * says how many undated documents it left out.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';
import { RMRB } from '../support/twins';

const NAME = '20180611-前进的时代需要英雄-李越胜';

describe('document metadata', () => {
  let core: Core;
  let files: string;

  beforeAll(async () => {
    const dir = await tempDir('meta-');
    files = join(dir, 'files');
    await mkdir(files);
    core = await createCore({ libraryDir: join(dir, 'library') });
  }, 60_000);
  afterAll(() => core?.close());

  it('reads date, title and author of all 276 commentaries from their file names', async () => {
    const names = (await readdir(join(RMRB, 'html'))).filter((f) => f.endsWith('.html'));
    expect(names).toHaveLength(276);
    const report = await core.api.addPaths({ paths: [join(RMRB, 'html')] });
    expect(report.failed).toEqual([]);
    const docs = await core.api.listDocuments({});
    const wrong: string[] = [];
    for (const name of names) {
      const [, y, m, d, author] = /^(\d{4})(\d{2})(\d{2})-.*-([^-]+)\.html$/.exec(name)!;
      const doc = docs.find((x) => x.sourcePath?.endsWith(name));
      const h2 = /<h2>(.*?)<\/h2>/.exec(await readFile(join(RMRB, 'html', name), 'utf8'))?.[1]?.replace(/\s+/g, ' ').trim();
      if (!doc || doc.publishedAt !== `${y}-${m}-${d}` || doc.author !== author || doc.title !== h2) wrong.push(`${name}: ${JSON.stringify(doc && { t: doc.title, d: doc.publishedAt, a: doc.author })}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('reads the same from the commentary printed as PDF, and from Word core properties', async () => {
    // A library of its own: beside the commentaries' pages, the PDF would join its page as a form.
    const alone = await createCore({ libraryDir: join(files, '..', 'library-pdf') });
    try {
      await copyFile(join(RMRB, 'pdf', `${NAME}.pdf`), join(files, `${NAME}.pdf`));
      await copyFile(join(SHARED, 'corpus', 'docx', 'party-column-autumn.docx'), join(files, 'party-column-autumn.docx'));
      const report = await alone.api.addPaths({ paths: [join(files, `${NAME}.pdf`), join(files, 'party-column-autumn.docx')] });
      expect(report.failed).toEqual([]);
      const docs = await alone.api.listDocuments({});
      expect(docs.find((d) => d.kind === 'pdf')).toMatchObject({ title: '前进的时代需要英雄', publishedAt: '2018-06-11', author: '李越胜' });
      expect(docs.find((d) => d.kind === 'docx')).toMatchObject({ author: '召瑞 芶', publishedAt: '2025-03-23' });
    } finally {
      await alone.close();
    }
    // In the library of commentaries, it is the other form of its page.
    await core.api.addPaths({ paths: [join(files, `${NAME}.pdf`)] });
    const page = (await core.api.listDocuments({})).find((d) => d.title === '前进的时代需要英雄')!;
    expect(page.forms?.map((f) => f.kind)).toEqual(['pdf']);
  }, 60_000);

  it('keeps the user’s edits over a re-sync of a changed file, and cites them in exports', async () => {
    const path = join(files, 'note.md');
    await writeFile(path, '# 基层减负的几点体会\n\n为基层减负，要从文山会海改起。');
    const { added } = await core.api.addPaths({ paths: [path] });
    const id = added[0]!.id;
    const edited = await core.api.updateDocument({ id, title: '基层减负心得', publishedAt: '2024-09-03', author: '王小明', origin: '学习笔记', site: '' });
    expect(edited).toMatchObject({ title: '基层减负心得', publishedAt: '2024-09-03', author: '王小明', origin: '学习笔记', edited: ['title', 'publishedAt', 'author', 'site', 'origin'] });
    await writeFile(path, '# 新的标题\n\n为基层减负，要从文山会海改起，也要从督查检查改起。');
    const synced = await core.api.sync({});
    expect(synced.updated.map((u) => u.id)).toContain(id);
    const doc = await core.api.getDocument({ id });
    expect(doc.text).toContain('督查检查');
    expect(doc).toMatchObject({ title: '基层减负心得', publishedAt: '2024-09-03', author: '王小明', origin: '学习笔记' });
    const at = doc.text!.indexOf('为基层减负');
    await core.api.addHighlight({ docId: id, start: at, end: at + 5, color: 'yellow' });
    const md = await core.api.exportHighlights({ format: 'markdown', docId: id });
    expect(md.content).toContain('基层减负心得');
    expect(md.content).toContain('2024-09-03');
    await expect(core.api.updateDocument({ id, publishedAt: '2024-13' } as never)).rejects.toThrow();
  }, 60_000);

  it('says how many undated documents a date filter left out, and includes them on request', async () => {
    const path = join(files, '无日期的材料.md');
    await writeFile(path, '前进的时代需要英雄精神。');
    await core.api.addPaths({ paths: [path] });
    const filtered = await core.api.search({ query: '英雄精神', filters: { from: '2018-01-01' } });
    expect(filtered.undated).toBe(1);
    expect(filtered.hits.every((h) => h.docId !== undefined)).toBe(true);
    const all = await core.api.search({ query: '英雄精神', filters: { from: '2018-01-01', undated: true } });
    expect(all.total).toBe(filtered.total + 1);
  }, 60_000);
});

/**
 * The search index inside core: kept in step with the library, saved and loaded, rebuilt when
 * missing or damaged, with phrases, exclusions, filters and PDF pages.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { openIndexStore, savedLibraryStamp } from '../../electron/core/search/index-store';
import { INDEX_VERSION } from '../../electron/core/search/search-index';
import { textPathOf } from '../../electron/core/store/blobs';
import { stat } from 'node:fs/promises';
import { yandu } from '../support/cli';
import { writeNotes } from '../support/fixtures';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

describe('search in core', () => {
  it('is saved in step with the library file it leaves, and compares every document only when that file changed', async () => {
    const root = await tempDir('search-step-');
    const library = join(root, 'library');
    const notes = await writeNotes(root);
    let core = await createCore({ libraryDir: library });
    await core.api.addPaths({ paths: [notes.folder] });
    const doc = (await core.api.listDocuments({})).find((d) => d.sourcePath === notes.md)!;
    await core.close();
    // Closed: the index says which library file it is in step with — the one left on disk.
    const file = await stat(join(library, 'yandu.json'));
    expect(savedLibraryStamp(library)).toBe(`${file.mtimeMs}:${file.size}`);

    // The library file changed behind the index (a site given by another program): no longer in
    // step, so the index compares stamps and re-reads that document — the site filter finds it.
    const data = JSON.parse(await readFile(join(library, 'yandu.json'), 'utf8')) as { documents: { id: string; site?: string }[] };
    data.documents.find((d) => d.id === doc.id)!.site = '人民网';
    await writeFile(join(library, 'yandu.json'), JSON.stringify(data));
    expect(savedLibraryStamp(library)).not.toBe(`${(await stat(join(library, 'yandu.json'))).mtimeMs}:${(await stat(join(library, 'yandu.json'))).size}`);
    core = await createCore({ libraryDir: library });
    const found = await core.api.search({ query: '形式主义', filters: { sites: ['人民网'] } });
    expect(found.hits.map((h) => h.docId)).toEqual([doc.id]);
    await core.close();

    // In step, a stale document list is taken as it is (nothing compared); out of step it is patched.
    const stale = [{ id: doc.id, stamp: 'not-its-stamp', kind: 'text' as const, title: 'x' }];
    const trusting = await openIndexStore(library, stale, { inStep: true, libraryStamp: 'a' });
    expect(trusting.patched).toBe(0);
    const checking = await openIndexStore(library, stale, { libraryStamp: 'b' });
    expect(checking.patched).toBeGreaterThan(0);
  }, 60_000);

  it('reads a document again only when what the index holds of it changed, not for a tag', async () => {
    const root = await tempDir('search-stamp-');
    const library = join(root, 'library');
    const notes = await writeNotes(root);
    const core = await createCore({ libraryDir: library });
    await core.api.addPaths({ paths: [notes.md] });
    const [doc] = await core.api.listDocuments({});
    await core.close();
    const store = await openIndexStore(library, [{ id: doc!.id, kind: 'text', title: doc!.title }]);
    await store.refresh([{ id: doc!.id, kind: 'text', title: doc!.title, stamp: 'first' }], []);
    // The text file changes behind the index: with the same stamp (a tag given) it is not read again…
    await writeFile(textPathOf(library, doc!.id), '换了的文字，索引没有重读。');
    await store.refresh([{ id: doc!.id, kind: 'text', title: doc!.title, stamp: 'first' }], []);
    expect((await store.search('换了的文字', 10)).total).toBe(0);
    // …with another stamp (new text, OCR's pages, an edit) it is.
    await store.refresh([{ id: doc!.id, kind: 'text', title: doc!.title, stamp: 'other' }], []);
    expect((await store.search('换了的文字', 10)).total).toBe(1);
  }, 60_000);

  it('follows adds and deletes, survives a restart, and rebuilds a damaged index', async () => {
    const root = await tempDir('search-');
    const library = join(root, 'library');
    const notes = await writeNotes(root);
    let core = await createCore({ libraryDir: library });
    await core.api.addPaths({ paths: [notes.folder, join(SHARED, 'fixtures', 'beichen-article.html')] });
    expect((await core.api.search({ query: '基层减负' })).total).toBe(4);
    const gone = (await core.api.listDocuments({})).find((d) => d.sourcePath === notes.txt)!;
    await core.api.removeDocument({ id: gone.id });
    expect((await core.api.search({ query: '基层减负' })).hits.map((h) => h.docId)).not.toContain(gone.id);
    await core.close();

    const saved = JSON.parse(await readFile(join(library, 'index', 'meta.json'), 'utf8')) as { version: number; units: object };
    expect(saved.version).toBe(INDEX_VERSION);
    expect(Object.keys(saved.units)).toHaveLength(3);
    core = await createCore({ libraryDir: library });
    expect((await core.api.search({ query: '基层减负' })).total).toBe(3);
    await core.close();

    await writeFile(join(library, 'index', 'meta.json'), '{ damaged');
    core = await createCore({ libraryDir: library });
    expect((await core.api.search({ query: '基层减负' })).total).toBe(3);
    await core.close();

    // A damaged shard is found when it is first needed, and the index is rebuilt then.
    for (const name of (await readdir(join(library, 'index'))).filter((n) => n.startsWith('shard-'))) await writeFile(join(library, 'index', name), 'garbage');
    core = await createCore({ libraryDir: library });
    expect((await core.api.search({ query: '基层减负' })).total).toBe(3);
    await core.close();

    await rm(join(library, 'index'), { recursive: true });
    const run = await yandu(['reindex', '--json', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ documents: 3 });
  });

  it('answers phrases, exclusions and filters, and names PDF pages grouped under their PDF', async () => {
    const core = await createCore({ libraryDir: join(await tempDir('search2-'), 'lib') });
    try {
      await core.api.addPaths({ paths: [join(SHARED, 'fixtures', 'beichen-article.html'), join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf')] });
      const phrase = await core.api.search({ query: '"指尖上的形式主义"' });
      expect(phrase.total).toBe(1);
      expect(phrase.hits[0]!.snippet.slice(...phrase.hits[0]!.ranges[0]!)).toBe('指尖上的形式主义');
      expect((await core.api.search({ query: '形式主义 -基层' })).total).toBe(0);
      expect((await core.api.search({ query: '软件包', filters: { kinds: ['article'] } })).total).toBe(0);
      const pdf = await core.api.search({ query: '软件包', limit: 1000, filters: { kinds: ['pdf'] } });
      expect(pdf.total).toBeGreaterThan(20);
      const pages = pdf.hits.map((h) => h.page!);
      expect(pages.every((p) => p >= 1 && p <= 251)).toBe(true);
      expect(new Set(pdf.hits.map((h) => h.docId)).size).toBe(1);
      expect((await core.api.search({ query: '形式主义', filters: { from: '2024-09-01', to: '2024-09-30' } })).total).toBe(1);
      expect((await core.api.search({ query: '形式主义', filters: { from: '2025-01-01' } })).total).toBe(0);
      expect((await core.api.search({ query: '，。' })).total).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('offers the 提法 one character away when a query has no hits, in the API and the CLI', async () => {
    const root = await tempDir('search-dym-');
    const library = join(root, 'library');
    const core = await createCore({ libraryDir: library });
    try {
      await core.api.addPaths({ paths: [join(SHARED, 'fixtures', 'beichen-article.html')] });
      const none = await core.api.search({ query: '形试主义' });
      expect(none).toMatchObject({ total: 0, suggestions: ['形式主义'] });
      // Nothing close that the library has: no suggestion (官僚注义 is one edit from 官僚主义, which it lacks).
      expect((await core.api.search({ query: '乡村振行' })).suggestions).toBeUndefined();
      expect((await core.api.search({ query: '形式主义' })).suggestions).toBeUndefined();
    } finally {
      await core.close();
    }
    const cli = await yandu(['search', '形试主义', '--library', library]);
    expect(cli.stdout).toContain('你是不是要找：形式主义');
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import type { DocumentRecord } from '../store/schema';
import { openStore } from '../store/store';
import { DocumentLookup } from './lookup';

const doc = (id: string, more: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id,
  kind: 'article',
  title: `标题 ${id}`,
  topics: [],
  addedAt: 1,
  format: 'html',
  sha256: `sha-${id}`,
  ext: '.html',
  versions: [],
  sourcePath: `/dl/${id}.html`,
  ...more,
});

describe('document lookup', () => {
  it('finds by bytes, source, form and title from the first call on', async () => {
    const store = await openStore(await tempDir(), { now: Date.now });
    await store.change((d) => d.documents.push(doc('a', { url: 'https://x/a', forms: [{ id: 'f_1', kind: 'pdf', addedAt: 1, format: 'pdf', sha256: 'sha-f', ext: '.pdf', sourcePath: '/dl/a.pdf' }] }), doc('b')));
    const lookup = new DocumentLookup(store);
    expect(lookup.bySha('sha-a')?.id).toBe('a');
    expect(lookup.bySha('sha-b')?.id).toBe('b');
    expect(lookup.bySha('sha-zz')).toBeUndefined();
    expect(lookup.byFormSha('sha-f')?.id).toBe('a');
    expect(lookup.bySource({ path: '/dl/b.html' })?.id).toBe('b');
    expect(lookup.bySource({ url: 'https://x/a', path: '/tmp/download-1' })?.id).toBe('a');
    expect(lookup.formHolder({ path: '/dl/a.pdf' })).toMatchObject({ doc: { id: 'a' }, form: { id: 'f_1' } });
    expect(lookup.withTitle('标题a').map((d) => d.id)).toEqual(['a']);
  });

  it('follows the store: an import\'s own placement indexed at once, any other change rebuilt, a changed record never returned stale', async () => {
    const store = await openStore(await tempDir(), { now: Date.now });
    await store.change((d) => d.documents.push(doc('a')));
    const lookup = new DocumentLookup(store);
    expect(lookup.bySha('sha-a')?.id).toBe('a');
    // Placed by an import: indexed without a rebuild.
    const c = doc('c');
    const before = store.revision;
    store.stage((d) => d.documents.push(c));
    lookup.placed(c, before);
    expect(lookup.bySha('sha-c')).toBe(c);
    // Removed elsewhere: gone from every lookup.
    await store.change((d) => (d.documents = d.documents.filter((x) => x.id !== 'a')));
    expect(lookup.bySha('sha-a')).toBeUndefined();
    expect(lookup.bySource({ path: '/dl/a.html' })).toBeUndefined();
    // A new version's bytes: the old ones no longer find it, the new ones do.
    const at = store.revision;
    store.stage(() => (c.sha256 = 'sha-c2'));
    lookup.placed(c, at);
    expect(lookup.bySha('sha-c')).toBeUndefined();
    expect(lookup.bySha('sha-c2')).toBe(c);
    // A rename made without telling the lookup (another change came between): rebuilt, found by its new title.
    store.stage(() => (c.title = '新的标题'));
    expect(lookup.withTitle('新的标题')).toEqual([c]);
  });
});

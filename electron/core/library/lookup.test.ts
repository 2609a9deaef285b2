import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import type { DocumentRecord } from '../store/schema';
import { openStore } from '../store/store';
import { DocumentLookup, MIN_TITLE_KEY, WALKS_BEFORE_INDEX } from './lookup';
import { recordTitleKey, titleKey } from './similar';

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

  it('finds the titles that are, hold or are held in a title, in library order, as a walk over every document would', async () => {
    const store = await openStore(await tempDir(), { now: Date.now });
    const titles = ['为基层减负', '为基层减负（人民时评）', '人民时评：为基层减负松绑', '基层减负', '减负', '让数据多跑路', '让数据多跑路，群众少跑腿', '数据多跑', '多跑路群众', 'Ａ股市场', 'a股市场的信心', '为基层', '基层减负要在实字上下功夫'];
    await store.change((d) => d.documents.push(...titles.map((title, i) => doc(`d${i}`, { title }))));
    const lookup = new DocumentLookup(store);
    const walk = (key: string): string[] =>
      store.data.documents.filter((d) => {
        const other = recordTitleKey(d);
        return key.length >= MIN_TITLE_KEY && other.length >= MIN_TITLE_KEY && (other === key || other.includes(key) || key.includes(other));
      }).map((d) => d.id);
    const asked = [...titles, '减负松绑', '群众少跑腿', 'A股市场', '无关的标题', '基层减负要在实字上下功夫，减出实效', '基层'];
    // The first answers walk every document, the later ones come from the index: the same either way.
    expect(asked.length).toBeGreaterThan(WALKS_BEFORE_INDEX);
    for (const title of [...asked, ...asked]) expect(lookup.withRelatedTitle(titleKey(title)).map((d) => d.id), title).toEqual(walk(titleKey(title)));
    expect(lookup.withRelatedTitle(titleKey('为基层减负')).map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3']);
    // Placed by an import: found at once, after the others.
    const placed = doc('p', { title: '为基层减负，从精简文件做起' });
    const before = store.revision;
    store.stage((d) => d.documents.push(placed));
    lookup.placed(placed, before);
    expect(lookup.withRelatedTitle(titleKey('基层减负')).map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd12', 'p']);
    // A very long title is compared with every document.
    const long = `${'很长的标题'.repeat(50)}为基层减负`;
    expect(lookup.withRelatedTitle(titleKey(long)).map((d) => d.id)).toEqual(walk(titleKey(long)));
  });
});

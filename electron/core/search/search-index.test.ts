import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index';

/** A PDF whose page 1 runs on into page 2 (no line break at its end); page 2's paragraph closes. */
const PDF = '改革要坚持以人民为\f中心的发展思想，久久为功。\n新的一段讲安全。\f第三页';
const ARTICLE = '以人民为中心，久久为功。';

async function search(query: string) {
  const index = createSearchIndex();
  index.add({ id: 'p', kind: 'pdf', title: '手册' }, PDF);
  index.add({ id: 'a', kind: 'article', title: '评论' }, ARTICLE);
  const texts: Record<string, string> = { p: PDF, a: ARTICLE };
  const result = await index.search(query, { limit: 20, readText: async (id) => texts[id]!, titles: (id) => (id === 'p' ? '手册' : '评论') });
  return result.hits.map((h) => ({ doc: h.docId, page: h.page, snippet: h.snippet.slice(h.ranges[0]?.[0] ?? 0, h.ranges[0]?.[1] ?? 0) }));
}

describe('search across a PDF page break', () => {
  it('finds a phrase that runs onto the next page, on the page where it starts, and marks it in the snippet', async () => {
    expect(await search('人民为中心的发展')).toEqual([{ doc: 'p', page: 1, snippet: '人民为中心的发展' }]);
  });

  it('leaves to the next page what starts there, even a single bigram carried by the page before', async () => {
    expect((await search('中心的')).map((h) => h.page)).toEqual([2]);
    expect((await search('中心')).map((h) => `${h.doc}${h.page ?? ''}`).sort()).toEqual(['a', 'p2']);
    expect((await search('久久为功')).map((h) => `${h.doc}${h.page ?? ''}`).sort()).toEqual(['a', 'p2']);
  });

  it('does not join a page whose paragraph closed, and excludes by the page’s own text', async () => {
    expect(await search('安全第三')).toEqual([]);
    // Page 1 does not say 发展思想 (page 2 does): it stays.
    expect((await search('人民 -发展思想')).map((h) => `${h.doc}${h.page ?? ''}`).sort()).toEqual(['a', 'p1']);
  });
});

describe('date filters and documents with no known date', () => {
  const run = async (filters: Record<string, unknown>) => {
    const index = createSearchIndex();
    index.add({ id: 'dated', kind: 'article', title: '甲', publishedAt: '2024-09-03' }, '为基层减负。');
    index.add({ id: 'old', kind: 'article', title: '乙', publishedAt: '2018-05-02' }, '为基层减负。');
    index.add({ id: 'undated', kind: 'pdf', title: '丙' }, '为基层减负\f再为基层减负');
    index.add({ id: 'other', kind: 'article', title: '丁' }, '别的内容');
    const text: Record<string, string> = { dated: '为基层减负。', old: '为基层减负。', undated: '为基层减负\f再为基层减负', other: '别的内容' };
    return index.search('基层减负', { limit: 20, filters, readText: async (id) => text[id]!, titles: () => '' });
  };

  it('leaves undated documents out of a date filter and says how many', async () => {
    const result = await run({ from: '2024-01-01' });
    expect(result.hits.map((h) => h.docId)).toEqual(['dated']);
    expect(result.undated).toBe(1); // one document, however many of its pages match
  });

  it('keeps them on request, and counts none without a date filter', async () => {
    expect((await run({ from: '2024-01-01', undated: true })).hits.map((h) => h.docId).sort()).toEqual(['dated', 'undated', 'undated']);
    expect((await run({})).undated).toBeUndefined();
    expect((await run({ to: '2019' })).hits.map((h) => h.docId)).toEqual(['old']);
  });
});

describe('Simplified and Traditional Chinese', () => {
  it('match each other both ways, the snippet marking the text as written', async () => {
    const index = createSearchIndex();
    const texts: Record<string, string> = { tw: '我們要堅決反對形式主義和官僚主義。', cn: '坚决反对形式主义，为基层减负。' };
    index.add({ id: 'tw', kind: 'article', title: '臺灣刊本' }, texts.tw!);
    index.add({ id: 'cn', kind: 'article', title: '简体' }, texts.cn!);
    const run = async (query: string) =>
      (await index.search(query, { limit: 5, readText: async (id) => texts[id]!, titles: (id) => id })).hits.map((h) => `${h.docId}:${h.snippet.slice(...h.ranges[0]!)}`).sort();
    expect(await run('形式主義')).toEqual(['cn:形式主义', 'tw:形式主義']);
    expect(await run('坚决反对形式主义')).toEqual(['cn:坚决反对形式主义', 'tw:堅決反對形式主義']);
    expect(await run('官僚主义')).toEqual(['tw:官僚主義']);
  });
});

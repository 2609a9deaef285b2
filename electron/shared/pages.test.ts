import { describe, expect, it } from 'vitest';
import { flatQuote, joinPages, pageAt, pageBegin, splitPages } from './pages';

describe('pages of a PDF text', () => {
  const text = joinPages(['第一页', '第二页内容', '']);

  it('joins and splits pages by form feeds', () => {
    expect(text).toBe('第一页\f第二页内容\f');
    expect(splitPages(text)).toEqual(['第一页', '第二页内容', '']);
  });

  it('finds the page of an offset and where each page begins', () => {
    expect(pageAt(text, 0)).toEqual({ page: 1, begin: 0 });
    expect(pageAt(text, 3)).toEqual({ page: 1, begin: 0 }); // the break itself ends page 1
    expect(pageAt(text, 4)).toEqual({ page: 2, begin: 4 });
    expect(pageAt(text, 10)).toEqual({ page: 3, begin: 10 });
    expect([1, 2, 3].map((p) => pageBegin(text, p))).toEqual([0, 4, 10]);
    expect(pageBegin(text, 4)).toBeUndefined();
  });

  it('reads a quote across a break on one line', () => {
    expect(flatQuote(' 页尾\f页首 ')).toBe('页尾 页首');
  });
});

import { describe, expect, it } from 'vitest';
import { assemblePdf } from './index';

describe('PDF titles', () => {
  it('uses the metadata title, unless it is only a file name', () => {
    const pages = ['高测股份扩产4000万公里金刚线\n正文', '第二页'];
    expect(assemblePdf('a.pdf', { pages, outline: [], title: 'Debian 参考手册' }).title).toBe('Debian 参考手册');
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '德邦证券-220719.pdf' }).title).toBe('高测股份扩产4000万公里金刚线');
    expect(assemblePdf('扫描件.pdf', { pages: ['', ''], outline: [] })).toMatchObject({ title: '扫描件', scanned: true });
  });
});

import { describe, expect, it } from 'vitest';
import { assemblePdf, titleFromFileName } from './index';

describe('PDF titles', () => {
  it('uses the metadata title, unless it is only a file name', () => {
    const pages = ['高测股份扩产4000万公里金刚线\n正文', '第二页'];
    expect(assemblePdf('a.pdf', { pages, outline: [], title: 'Debian 参考手册' }).title).toBe('Debian 参考手册');
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '德邦证券-220719.pdf' }).title).toBe('高测股份扩产4000万公里金刚线');
    expect(assemblePdf('扫描件.pdf', { pages: ['', ''], outline: [] })).toMatchObject({ title: '扫描件', scanned: true });
  });

  it('takes a descriptive file name in the metadata over the first line of a report template', () => {
    const pages = ['[Table_Main] 证券研究报告 | 公司点评\n高测股份（688556.SH）', '第二页'];
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '德邦证券-高测股份(688556)扩产4000万公里金刚线，强化光伏硅片切割三元布局-220719.pdf' }).title).toBe('德邦证券-高测股份(688556)扩产4000万公里金刚线，强化光伏硅片切割三元布局');
    expect(assemblePdf('a.pdf', { pages, outline: [], title: 'Microsoft Word - 2024年遴选笔试真题解析.docx' }).title).toBe('2024年遴选笔试真题解析');
    // A generic or short one is not taken; the template's field name is dropped from page 1's line.
    expect(assemblePdf('a.pdf', { pages, outline: [], title: 'Microsoft Word - 新建文档1.docx' }).title).toBe('证券研究报告 | 公司点评');
    expect(titleFromFileName('德邦证券-220719.pdf')).toBeUndefined();
    expect(titleFromFileName('20240903-整治形式主义为基层减负-人民日报.pdf')).toBe('整治形式主义为基层减负');
  });
});

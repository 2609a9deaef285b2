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
  });

  it('takes the site names a browser printed into the title off, as the site', () => {
    const pages = ['在博物馆里上好“大思政课”\n正文'];
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '在博物馆里上好“大思政课”-光明日报-光明网' })).toMatchObject({ title: '在博物馆里上好“大思政课”', site: '光明网' });
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '黑龙江省各地持续开展博物馆里过“七一”活动_央广网' })).toMatchObject({ title: '黑龙江省各地持续开展博物馆里过“七一”活动', site: '央广网' });
    // Not a site: kept whole.
    expect(assemblePdf('a.pdf', { pages, outline: [], title: 'COVID-19 防控指南' }).title).toBe('COVID-19 防控指南');
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '中国好人，凝聚奋进力量' })).not.toHaveProperty('site');
  });

  it('passes over an info title that names no document', () => {
    const pages = ['关于做好2024年遴选工作的通知\n正文'];
    for (const title of ['Microsoft Word - 文档1', 'PowerPoint 演示文稿', 'Untitled', '无标题', 'untitled document'])
      expect(assemblePdf('a.pdf', { pages, outline: [], title }).title, title).toBe('关于做好2024年遴选工作的通知');
    expect(assemblePdf('a.pdf', { pages, outline: [], title: '标题党现象评析' }).title).toBe('标题党现象评析');
    // A hostile info title (a megabyte of spaces before a dash) is read in a title's length, at once.
    const start = performance.now();
    expect(assemblePdf('a.pdf', { pages, outline: [], title: `${' '.repeat(1_000_000)}-光明网` }).title).toBe('关于做好2024年遴选工作的通知');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(titleFromFileName('20240903-整治形式主义为基层减负-人民日报.pdf')).toBe('整治形式主义为基层减负');
  });
});

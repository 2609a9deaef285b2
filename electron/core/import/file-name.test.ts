import { describe, expect, it } from 'vitest';
import { fillFromFileName, metaFromFileName } from './file-name';

describe('metadata from a file name', () => {
  it('reads the forms downloads and scrapers use', () => {
    expect(metaFromFileName('20180502-扩大开放，实现共同繁荣的主动选择-吴秋余.html')).toEqual({ publishedAt: '2018-05-02', title: '扩大开放，实现共同繁荣的主动选择', author: '吴秋余' });
    expect(metaFromFileName('/dl/2024-09-03 整治“指尖上的形式主义”.pdf')).toEqual({ publishedAt: '2024-09-03', title: '整治“指尖上的形式主义”' });
    expect(metaFromFileName('[2024.9.3] 为基层减负 (1).pdf')).toEqual({ publishedAt: '2024-09-03', title: '为基层减负' });
    expect(metaFromFileName('【2024年9月3日】为基层减负.docx')).toEqual({ publishedAt: '2024-09-03', title: '为基层减负' });
    expect(metaFromFileName('整治形式主义_人民网_20240903.pdf')).toEqual({ title: '整治形式主义', site: '人民网', publishedAt: '2024-09-03' });
    expect(metaFromFileName('整治形式主义（2024年09月03日）.html')).toEqual({ title: '整治形式主义', publishedAt: '2024-09-03' });
    expect(metaFromFileName('以人民为中心 - 人民日报.html')).toEqual({ title: '以人民为中心', site: '人民日报' });
    expect(metaFromFileName('20190101-新年献词-人民日报.html')).toEqual({ publishedAt: '2019-01-01', title: '新年献词', site: '人民日报' });
  });

  it('says nothing of names without a real date or a known kind of source', () => {
    expect(metaFromFileName('20181345-标题-作者.html')).toEqual({});
    expect(metaFromFileName('2019-02-30 标题.html')).toEqual({});
    expect(metaFromFileName('scan_00012345.pdf')).toEqual({});
    expect(metaFromFileName('debian-reference.zh-cn.pdf')).toEqual({});
    expect(metaFromFileName('学习笔记_第三章.md')).toEqual({});
  });

  it('fills only what the document did not say', () => {
    const filled = fillFromFileName({ kind: 'article', format: 'html', title: '页面标题', text: '…', author: '页面作者' }, '20180502-扩大开放-吴秋余.html');
    expect(filled).toMatchObject({ title: '页面标题', author: '页面作者', publishedAt: '2018-05-02' });
    expect(fillFromFileName({ kind: 'pdf', format: 'pdf', title: '2024-09-03 为基层减负', text: '' }, '2024-09-03 为基层减负.pdf').title).toBe('为基层减负');
  });
});

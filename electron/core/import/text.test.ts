import { describe, expect, it } from 'vitest';
import { importText, markdownToText } from './text';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('text importers', () => {
  it('takes a Markdown title from the first heading and drops markup', () => {
    const doc = importText(enc('前言\n\n# 整治**形式主义**\n\n为[基层](http://x)减负。'), { fileName: 'a.md', format: 'md' });
    expect(doc.title).toBe('整治形式主义');
    expect(doc.text).toBe('前言\n\n整治形式主义\n\n为基层减负。');
    expect(doc.kind).toBe('text');
  });

  it('reads YAML front matter and takes it off the text', () => {
    const doc = importText(enc('---\ntitle: "整治形式主义"\ndate: 2024-09-03T08:00:00+08:00\nauthor: 殷烁\ntags: [基层减负]\n---\n# 正文标题\n\n为基层减负。'), { fileName: 'a.md', format: 'md' });
    expect(doc).toMatchObject({ title: '整治形式主义', publishedAt: '2024-09-03', author: '殷烁', text: '正文标题\n\n为基层减负。' });
    // Only front matter (a site generator's section file): titled by its name, not '---'.
    expect(importText(enc('---\nbookCollapseSection: true\n---'), { fileName: '_index.md', format: 'md' })).toMatchObject({ title: '_index', text: '' });
    // Without a title there, the first heading; a rule further down is no front matter.
    expect(importText(enc('---\nweight: 3\n---\n# 刑法修正案（三）\n正文'), { fileName: 'a.md', format: 'md' }).title).toBe('刑法修正案（三）');
    expect(importText(enc('# 标题\n\n---\n\n正文'), { fileName: 'a.md', format: 'md' }).text).toBe('标题\n\n---\n\n正文');
    expect(importText(enc('---\n---\n# 空的前言\n正文'), { fileName: 'a.md', format: 'md' }).title).toBe('空的前言');
    expect(importText(enc('---\ntitle: 斜线---不是结尾\n---\n正文'), { fileName: 'a.md', format: 'md' }).title).toBe('斜线---不是结尾');
  });

  it('reads its opening lines as a PDF page 1 is read: a byline, a law\'s line of record', () => {
    const note = importText(enc('整治“指尖上的形式主义”\n殷 烁;《 人民日报 》( 2024年09月03日 第 09 版)\n正文'), { fileName: '笔记.txt', format: 'txt' });
    expect(note).toMatchObject({ author: '殷 烁', origin: '人民日报 2024年09月03日 第09版', publishedAt: '2024-09-03' });
    const law = '# 中华人民共和国刑法修正案（三）\n\n2001年12月29日 第九届全国人民代表大会常务委员会第二十五次会议通过\n\n<!-- INFO END -->\n\n为了惩治恐怖活动犯罪……';
    expect(importText(enc(law), { fileName: '刑法修正案（三）.md', format: 'md' }).publishedAt).toBe('2001-12-29');
    // The file name's date is the saver's: a line of record does not override it (the registry fills it in).
    expect(importText(enc(law), { fileName: '刑法修正案（三）(2001-12-29).md', format: 'md' })).not.toHaveProperty('publishedAt');
    // A date inside a sentence is no line of record.
    expect(importText(enc('标题\n会议于2022年7月19日召开，审议通过了方案。'), { fileName: 'a.txt', format: 'txt' })).not.toHaveProperty('publishedAt');
  });

  it('takes a text title from the first non-empty line, else the file name', () => {
    expect(importText(enc('\n\n  数字政府  \n正文'), { fileName: 'x.txt', format: 'txt' }).title).toBe('数字政府');
    expect(importText(enc('   '), { fileName: '空白笔记.txt', format: 'txt' }).title).toBe('空白笔记');
  });

  it('clips very long first lines', () => {
    const title = importText(enc('长'.repeat(300)), { fileName: 'x.txt', format: 'txt' }).title;
    expect(title.length).toBe(80);
    expect(title.endsWith('…')).toBe(true);
  });

  it('keeps list items and quotes as words', () => {
    expect(markdownToText('> 引文\n- 一\n* 二\n`代码`')).toBe('引文\n一\n二\n代码');
  });
});

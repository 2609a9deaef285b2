import { describe, expect, it } from 'vitest';
import { isGenericTitle, withoutConverter } from './generic-title';

describe('generic metadata titles', () => {
  it('knows converters’ and editors’ defaults, and nothing else', () => {
    for (const t of ['Microsoft Word - 文档1', '新建 Microsoft Word 文档', 'PowerPoint 演示文稿', '演示文稿1', 'Untitled', 'untitled document', '无标题', 'Word文档', 'Document3', '幻灯片 1', '标题'])
      expect(isGenericTitle(t), t).toBe(true);
    for (const t of ['标题党现象评析', 'Microsoft Word - 关于做好遴选工作的通知', '文档管理办法', 'Debian 参考手册', '党建专栏｜秋日迎新正当时'])
      expect(isGenericTitle(t), t).toBe(false);
  });

  it('takes a converter’s prefix off', () => {
    expect(withoutConverter('Microsoft Word - 关于做好遴选工作的通知.docx')).toBe('关于做好遴选工作的通知.docx');
    expect(withoutConverter(' Debian 参考手册 ')).toBe('Debian 参考手册');
  });
});

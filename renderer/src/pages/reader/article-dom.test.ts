// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildArticle } from './article-dom';
import { markText, textNodesOf } from './marks';

describe('buildArticle', () => {
  it('keeps structure, drops attributes, scripts, images and unknown elements', () => {
    const body = buildArticle(
      document,
      { html: '<h2 onclick="x()">一、总体要求</h2><p style="color:red">基层<b>减负</b><img src="http://x/y.png" onerror="alert(1)"><a href="javascript:alert(1)">链接</a></p><script>alert(1)</script><iframe src="http://x"></iframe><svg><script>1</script></svg>' },
      '标题',
    );
    expect(body.innerHTML).toBe('<h2>一、总体要求</h2><p>基层<b>减负</b>链接</p>');
  });

  it('makes paragraphs of plain text and leaves out a first line that is the title', () => {
    const body = buildArticle(document, { text: '学习笔记\n\n基层减负\n  数字政府  ' }, '学习 笔记');
    expect(body.innerHTML).toBe('<p>基层减负</p><p>数字政府</p>');
  });
});

describe('markText', () => {
  it('numbers marks through the document, across elements', () => {
    const body = buildArticle(document, { html: '<p>推进基层<b>减负</b>，基层减负</p><p>ＧＤＰ</p>' }, '');
    expect(markText(textNodesOf(body), ['基层减负', 'gdp'], 5)).toBe(3);
    expect(body.innerHTML).toBe(
      '<p>推进<mark data-mark="5" data-testid="reader-mark">基层</mark><b><mark data-mark="5" data-testid="reader-mark">减负</mark></b>，<mark data-mark="6" data-testid="reader-mark">基层减负</mark></p><p><mark data-mark="7" data-testid="reader-mark">ＧＤＰ</mark></p>',
    );
  });
});

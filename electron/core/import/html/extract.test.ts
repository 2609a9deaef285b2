import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bestRun, contentRoot, extractArticle } from './extract';
import { importHtml } from './index';

const prose = (n: number, seed: string): string => `${seed}，这是正文的第${n}段，讲的是基层治理和为基层减负的具体做法。`.repeat(3);

const page = `<!doctype html><html><head><title>文章标题_栏目_某网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">评论</a> <a href="/c">专题</a></div>
<h1>文章标题</h1><div class="info">2024-05-06 来源：某日报</div>
<div class="content"><p>${prose(1, '开头')}</p><p>${prose(2, '中间')}</p><h3>小标题</h3><p>${prose(3, '结尾')}</p></div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/1">相关文章一二三四五</a></li><li><a href="/2">相关文章六七八九十</a></li></ul></div>
<div id="comments"><p>网友评论：写得很好，我很赞同这个观点，基层确实需要减负。</p></div>
<div class="footer">版权所有 © 某网 联系我们</div></body></html>`;

describe('article extraction', () => {
  it('finds the largest-sum run', () => {
    expect(bestRun([-5, 10, -2, 10, -30, 15])).toEqual([1, 3]);
    expect(bestRun([-1, -2])).toEqual([0, 0]);
  });

  it('keeps the article with its subheading and drops navigation, related links, comments and footer', () => {
    const { document } = parseHTML(page);
    const text = extractArticle(contentRoot(document as unknown as Document)).blocks.map((b) => b.text);
    expect(text.findIndex((t) => t.includes('开头'))).toBeLessThanOrEqual(1);
    expect(text).toContain('小标题');
    expect(text[text.length - 1]).toContain('结尾');
    expect(text.join('')).not.toMatch(/相关|网友评论|版权所有|首页/);
  });

  it('imports metadata and writes safe HTML', () => {
    const doc = importHtml(new TextEncoder().encode(page), 'a.html');
    expect(doc).toMatchObject({ kind: 'article', format: 'html', title: '文章标题', publishedAt: '2024-05-06', site: '某日报' });
    expect(doc.text.split('\n')).toHaveLength(4);
    expect(doc.html).toContain('<h2>小标题</h2>');
  });

  it('never lets markup from the page through', () => {
    const evil = `<html><body><div><p>${prose(1, '正文')}<script>alert(1)</script><img src=x onerror="alert(2)"></p>
      <p>${prose(2, '&lt;script&gt;alert(3)&lt;/script&gt;')}<a href="javascript:alert(4)">链接</a></p>
      <iframe src="http://evil.example/"></iframe><style>body{background:url(http://evil.example/x.png)}</style></div></body></html>`;
    const doc = importHtml(new TextEncoder().encode(evil), 'evil.html');
    expect(doc.html).not.toMatch(/<script|onerror|javascript:|<iframe|<img|<style|<a /i);
    expect(doc.html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(doc.text).not.toContain('alert(1)');
  });

  it('reads pages wrapped in a form (ASP.NET) and pages with no body text outside odd wrappers', () => {
    const aspx = `<html><body><form id="Form1"><input type="hidden" value="x"><div><p>${prose(1, '表单里')}</p></div></form></body></html>`;
    expect(importHtml(new TextEncoder().encode(aspx), 'a.aspx.html').text).toContain('表单里');
  });
});

describe('safe HTML check', () => {
  it('passes only allowlisted bare tags and sends anything else through DOMPurify', async () => {
    const { ensureSafeHtml } = await import('./sanitize');
    expect(ensureSafeHtml('<p>正文&lt;b&gt;</p><h2>小标题</h2>')).toBe('<p>正文&lt;b&gt;</p><h2>小标题</h2>');
    expect(ensureSafeHtml('<p class="x">a</p><img src=x onerror=alert(1)><script>alert(2)</script>')).toBe('<p>a</p>');
    expect(ensureSafeHtml('<p>a</p><P>b</P>')).toBe('<p>a</p><p>b</p>');
  });
});

import { describe, expect, it } from 'vitest';
import { importHtml } from './index';
import { findsTooLittle } from './fallback';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('extraction fallbacks', () => {
  it('falls back only when next to nothing of a large page was found', () => {
    expect(findsTooLittle(0, 300)).toBe(true);
    expect(findsTooLittle(40, 150)).toBe(false);
    expect(findsTooLittle(90, 3000)).toBe(true);
    // A short article on a page of long comments is still an article.
    expect(findsTooLittle(300, 3000)).toBe(false);
  });

  it('keeps the words of a page made only of short lines, and says which path found them', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `<div>第${i + 1}条 学习要点${i}</div>`).join('');
    const doc = importHtml(utf8(`<html><head><title>学习要点</title></head><body>${lines}</body></html>`), '要点.html');
    expect(doc.extraction).toMatch(/^(readability|page)$/);
    expect(doc.text).toContain('第1条 学习要点0');
    expect(doc.text).toContain('第60条 学习要点59');
  });

  it('takes no other path for an ordinary article', () => {
    const body = Array.from({ length: 5 }, () => '<p>基层减负要落到实处，切实为基层干部松绑减负，让他们把更多精力用在抓落实上。</p>').join('');
    expect(importHtml(utf8(`<html><body><article>${body}</article></body></html>`), 'a.html').extraction).toBeUndefined();
  });
});

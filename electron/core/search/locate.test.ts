import { describe, expect, it } from 'vitest';
import { locate } from './locate';

describe('locate', () => {
  it('finds every occurrence of every part, in the text as written', () => {
    const text = '整治形式主义，为基层减负。形式主义要整治，基层减负要落实。';
    const matches = locate(text, '基层减负 形式主义');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['形式主义', '基层减负', '形式主义', '基层减负']);
  });

  it('matches across width and radicals, marking the original characters', () => {
    const text = '推动Ｇ２０峰会，⼤会召开';
    const [g20, big] = [locate(text, 'g20')[0]!, locate(text, '大会')[0]!];
    expect(text.slice(g20.start, g20.end)).toBe('Ｇ２０');
    expect(text.slice(big.start, big.end)).toBe('⼤会');
  });

  it('names the page of each match in a PDF, and ignores exclusions', () => {
    expect(locate(['第一页', '第二页：减负，减负'], '减负 -第一页')).toEqual([
      { page: 2, start: 4, end: 6 },
      { page: 2, start: 7, end: 9 },
    ]);
    expect(locate('正文', '  ')).toEqual([]);
  });
});

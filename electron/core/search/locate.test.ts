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

describe('locate across a PDF page break', () => {
  const pages = ['全体人民坚持以人民为', '中心的发展思想。\n以人民为中心\n', '另起一段。\n'];

  it('reports a phrase over the break once, on its first page, with where it stops on the next', () => {
    const matches = locate(pages, '人民为中心');
    expect(matches).toEqual([
      { page: 1, start: 7, end: 10, next: { page: 2, end: 2 } },
      { page: 2, start: 10, end: 15 },
    ]);
    expect(pages[0]!.slice(7) + pages[1]!.slice(0, 2)).toBe('人民为中心');
  });

  it('leaves what is only on the next page to that page, and does not join a closed paragraph', () => {
    expect(locate(pages, '中心的').map((m) => m.page)).toEqual([2]);
    expect(locate(pages, '中心另起')).toEqual([]);
    expect(locate(pages, '思想。另起')).toEqual([]);
  });
});

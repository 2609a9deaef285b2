// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { domIndex, visibleAt, visibleIndex, visibleOfPoint, wrapRanges } from './text-map';
import { textNodesOf } from './marks';

describe('text map', () => {
  it('maps a highlight of the stored text onto the page, across elements and spaces', () => {
    const text = '第一段\n推进基层减负。\n第二段 数字政府';
    const body = document.createElement('div');
    body.innerHTML = '<p>第一段</p><p>推进<b>基层</b>减负。</p><p>第二段  数字政府</p>';
    const index = visibleIndex(text);
    const from = visibleAt(index, text.indexOf('基层减负'));
    const to = visibleAt(index, text.indexOf('基层减负') + 4);
    const dom = domIndex(textNodesOf(body));
    wrapRanges(dom, [{ from, to, make: () => Object.assign(document.createElement('mark'), { className: 'hl' }) }]);
    expect(body.innerHTML).toBe('<p>第一段</p><p>推进<b><mark class="hl">基层</mark></b><mark class="hl">减负</mark>。</p><p>第二段  数字政府</p>');
    expect([...body.querySelectorAll('mark')].map((m) => m.textContent).join('')).toBe('基层减负');
  });

  it('turns a selection back into offsets of the stored text', () => {
    const text = '标题\n为基层减负赋能';
    const body = document.createElement('div');
    body.innerHTML = '<p>标题</p><p>为基层<i>减负</i>赋能</p>';
    const dom = domIndex(textNodesOf(body));
    const index = visibleIndex(text);
    const startNode = body.querySelectorAll('p')[1]!.firstChild!; // 为基层
    const endNode = body.querySelector('i')!.firstChild!; // 减负
    const from = visibleOfPoint(dom, startNode, 1);
    const to = visibleOfPoint(dom, endNode, 2);
    expect(text.slice(index.at[from], index.end[to - 1])).toBe('基层减负');
  });

  it('counts compatibility forms as what they fold to', () => {
    expect(visibleIndex('⼤ 会').at).toEqual(Int32Array.from([0, 2]));
  });
});

describe('drawHighlights', () => {
  it('draws overlapping highlights, the later on top, and skips a title left out', async () => {
    const { drawHighlights } = await import('./highlight-marks');
    const text = '标题\n推进基层减负工作';
    const body = document.createElement('div');
    body.innerHTML = '<p>推进基层减负工作</p>';
    const h = (id: string, createdAt: number) => ({ id, docId: 'd', color: 'yellow' as const, topics: [], createdAt, updatedAt: 0, status: 'exact' as const, target: {} as never });
    drawHighlights(textNodesOf(body), text, [{ h: h('a', 1), start: 5, end: 9 }, { h: h('b', 2), start: 7, end: 11 }], '');
    expect([...body.querySelectorAll('mark')].map((m) => `${m.dataset.hl}:${m.textContent}`)).toEqual(['a:基层', 'b:减负工作']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../electron/shared/types';
import { inReadingOrder } from './HighlightsPanel';

const h = (id: string, at: Highlight['at'], createdAt = 0): Highlight =>
  ({ id, docId: 'd', color: 'yellow', topics: [], createdAt, updatedAt: 0, status: 'exact', target: { source: 'd', selector: [{ type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' }] }, ...(at ? { at } : {}) }) as unknown as Highlight;

describe('the reader’s 标注 pane', () => {
  it('lists highlights in reading order: page, then place; unplaced ones last', () => {
    const list = [h('p2-late', { start: 900, end: 910, page: 2 }), h('lost', undefined), h('p1', { start: 50, end: 60, page: 1 }), h('p2-early', { start: 800, end: 805, page: 2 })];
    expect(inReadingOrder(list).map((x) => x.id)).toEqual(['p1', 'p2-early', 'p2-late', 'lost']);
    const article = [h('b', { start: 40, end: 44 }, 2), h('a', { start: 10, end: 14 }, 3), h('a2', { start: 10, end: 12 }, 1)];
    expect(inReadingOrder(article).map((x) => x.id)).toEqual(['a2', 'a', 'b']);
  });
});

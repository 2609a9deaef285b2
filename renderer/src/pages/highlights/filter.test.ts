import { describe, expect, it } from 'vitest';
import type { DocumentSummary, Highlight } from '../../../../electron/shared/types';
import { filterHighlights, groupBy, NO_TOPIC } from './filter';

const docs = new Map<string, DocumentSummary>([
  ['a', { id: 'a', kind: 'article', title: '整治形式主义', topics: [], addedAt: 2 }],
  ['b', { id: 'b', kind: 'pdf', title: '数字政府白皮书', topics: [], addedAt: 1 }],
]);
const h = (id: string, docId: string, exact: string, patch: Partial<Highlight> = {}): Highlight => ({
  id, docId, color: 'yellow', topics: [], createdAt: Date.UTC(2026, 0, 10), updatedAt: 0, status: 'exact',
  target: { source: docId, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] },
  ...patch,
});
const all = [
  h('1', 'a', '为基层减负', { topics: ['基层治理/基层减负'], note: '申论可用' }),
  h('2', 'b', '数据多跑路', { color: 'green', topics: ['数字政府'], createdAt: Date.UTC(2026, 5, 1) }),
  h('3', 'a', '指尖上的形式主义'),
];

describe('highlight filters', () => {
  it('filters by colour, topic with sub-topics, date and words', () => {
    const ids = (f: Parameters<typeof filterHighlights>[2]): string[] => filterHighlights(all, docs, f).map((x) => x.id);
    expect(ids({ color: 'green' })).toEqual(['2']);
    expect(ids({ topic: '基层治理' })).toEqual(['1']);
    expect(ids({ from: '2026-03' })).toEqual(['2']);
    expect(ids({ text: '申论' })).toEqual(['1']);
    expect(ids({ text: '白皮书' })).toEqual(['2']);
  });

  it('groups by document (newest document first) and by topic (untagged last)', () => {
    expect(groupBy(all, docs, 'document').map((g) => [g.key, g.items.map((x) => x.id)])).toEqual([['a', ['1', '3']], ['b', ['2']]]);
    expect(groupBy(all, docs, 'topic').map((g) => g.key)).toEqual(['基层治理/基层减负', '数字政府', NO_TOPIC]);
  });
});

import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../electron/shared/types';
import { groupHits, rowsOf } from './group-hits';

const hit = (docId: string, score: number, page?: number): SearchHit => ({ docId, title: `《${docId}》`, score, snippet: '…', ranges: [], ...(page !== undefined ? { page } : {}) });

describe('search hits by document', () => {
  const hits = [hit('pdf', 5, 12), hit('art', 4), hit('pdf', 9, 3), hit('pdf', 1, 40), hit('other', 2)];

  it('makes one result per document, ordered by its best hit, its pages best first', () => {
    const groups = groupHits(hits);
    expect(groups.map((g) => g.docId)).toEqual(['pdf', 'art', 'other']);
    expect(groups[0]!.hits.map((h) => h.page)).toEqual([3, 12, 40]);
  });

  it('lists a document’s other pages only when it is opened', () => {
    const groups = groupHits(hits);
    expect(rowsOf(groups, new Set()).map((r) => r.kind)).toEqual(['doc', 'doc', 'doc']);
    const open = rowsOf(groups, new Set(['pdf']));
    expect(open.map((r) => (r.kind === 'more' ? `more:${r.hit.page}` : r.group.docId))).toEqual(['pdf', 'more:12', 'more:40', 'art', 'other']);
  });
});

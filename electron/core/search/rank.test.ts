import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topHits } from './rank';

/** The reference: sort every hit (stable), then put each document's hits after its best one. */
function reference(scores: number[], docs: string[], limit: number): number[] {
  const sorted = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const order = new Map<string, number>();
  sorted.forEach((i, r) => {
    if (!order.has(docs[i]!)) order.set(docs[i]!, r);
  });
  return sorted
    .map((i, r) => ({ i, r }))
    .sort((a, b) => order.get(docs[a.i]!)! - order.get(docs[b.i]!)! || a.r - b.r)
    .map(({ i }) => i)
    .slice(0, limit);
}

describe('top hits', () => {
  it('orders by score, keeps ties in the order found, and groups a PDF’s pages', () => {
    const docs = ['a', 'b', 'a'];
    expect(topHits([1, 5, 3], 2, (i) => docs[i]!)).toEqual([1, 2]);
    expect(topHits([1, 5, 3], 3, (i) => docs[i]!)).toEqual([1, 2, 0]);
    expect(topHits([2, 2, 2], 2)).toEqual([0, 1]);
    expect(topHits([], 20)).toEqual([]);
  });

  it('gives what sorting everything gives (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')), { maxLength: 400 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (hits, distinct, limit) => {
          const scores = hits.map(([s]) => s / 3);
          const docs = hits.map(([, d], i) => (distinct ? `u${i}` : d));
          expect(topHits(scores, limit, (i) => docs[i]!)).toEqual(reference(scores, docs, limit));
          if (distinct) expect(topHits(scores, limit)).toEqual(reference(scores, docs, limit));
        },
      ),
      { numRuns: 500 },
    );
  });
});

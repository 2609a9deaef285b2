import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareRange } from './extract';

describe('PDF shares', () => {
  it('gives share 0 a few pages less, for the outline it also reads', () => {
    expect(shareRange(251, 0, 2)).toEqual([1, 121]);
    expect(shareRange(251, 1, 2)).toEqual([122, 251]);
    expect(shareRange(5, 0, 1)).toEqual([1, 5]);
  });

  it('covers every page exactly once, in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 4 }), (pages, shares) => {
        const covered: number[] = [];
        for (let i = 0; i < shares; i++) {
          const [from, to] = shareRange(pages, i, shares);
          for (let p = from; p <= to; p++) covered.push(p);
        }
        expect(covered).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      }),
    );
  });
});

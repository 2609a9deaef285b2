import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageLayout, sectionAt } from './layout';

describe('pageLayout', () => {
  it('stacks pages with a gap', () => {
    const layout = pageLayout([[600, 800], [600, 400], [600, 800]], 0.5, 10);
    expect([layout.top(1), layout.top(2), layout.top(3)]).toEqual([0, 410, 620]);
    expect(layout.height).toBe(1020);
    expect(layout.heightOf(2)).toBe(200);
    expect(layout.widthOf(3)).toBe(300);
    expect(layout.pageAt(409)).toBe(1);
    expect(layout.pageAt(410)).toBe(2);
    expect(layout.pageAt(-5)).toBe(1);
    expect(layout.pageAt(99_999)).toBe(3);
    expect(layout.visible(400, 300)).toEqual([1, 3]);
  });

  it('finds the page under any offset, as a linear walk does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 })), { minLength: 1, maxLength: 60 }), fc.double({ min: 0.1, max: 4, noNaN: true }), fc.nat(), (sizes, scale, at) => {
        const layout = pageLayout(sizes, scale, 8);
        const y = at % Math.ceil(layout.height + 1);
        let expected = 1;
        for (let p = 1; p <= sizes.length; p++) if (layout.top(p) <= y) expected = p;
        expect(layout.pageAt(y)).toBe(expected);
      }),
    );
  });
});

describe('the outline entry being read', () => {
  const outline = [{ page: 3 }, { page: 5 }, { page: undefined }, { page: 5 }, { page: 9 }];
  it('is the last entry starting on or before the page', () => {
    expect(sectionAt(outline, 1)).toBe(-1);
    expect(sectionAt(outline, 4)).toBe(0);
    expect(sectionAt(outline, 5)).toBe(3); // two entries start on page 5: the later, deeper one
    expect(sectionAt(outline, 100)).toBe(4);
    expect(sectionAt(undefined, 3)).toBe(-1);
  });
});

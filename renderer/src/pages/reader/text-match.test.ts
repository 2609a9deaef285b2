import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInItems } from './text-match';

describe('findInItems', () => {
  it('finds a phrase across items and spaces', () => {
    expect(findInItems(['基层', '减 负工作'], ['基层减负'])).toEqual([[{ item: 0, start: 0, end: 2 }, { item: 1, start: 0, end: 3 }]]);
  });

  it('folds width, case and Kangxi radicals like search', () => {
    expect(findInItems(['推进⼤数据和ＧＤＰ'], ['大数据', 'gdp'])).toEqual([[{ item: 0, start: 2, end: 5 }], [{ item: 0, start: 6, end: 9 }]]);
  });

  it('reports occurrences in page order, without overlap', () => {
    expect(findInItems(['形式主义形式主义', '形式'], ['形式主义', '主义形式']).map((r) => r[0]!.start)).toEqual([0, 4]);
    expect(findInItems(['abc'], [''])).toEqual([]);
  });

  it('every occurrence covers exactly the needle', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('基', '层', '减', '负', ' ', 'a') }), { maxLength: 8 }), fc.constantFrom('基层', '减负', '层减', 'a基'), (items, needle) => {
        for (const occurrence of findInItems(items, [needle])) {
          const text = occurrence.map((r) => items[r.item]!.slice(r.start, r.end)).join('').replace(/\s/g, '');
          expect(text).toBe(needle);
        }
        const joined = items.join('').replace(/\s/g, '');
        expect(findInItems(items, [needle]).length).toBe(joined.split(needle).length - 1);
      }),
    );
  });
});

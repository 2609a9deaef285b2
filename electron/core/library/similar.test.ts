import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarity, titleKey } from './similar';

describe('near-identical articles', () => {
  it('ignores punctuation, width and spacing', () => {
    expect(similarity('为基层减负，要在实字上下功夫。', '为基层减负 要在“实”字上下功夫')).toBe(1);
    expect(titleKey('整治“指尖上的形式主义”')).toBe(titleKey('整治"指尖上的形式主义"'));
  });

  it('tells different articles apart', () => {
    expect(similarity('全面推进乡村振兴，加快农业农村现代化。', '加快建设数字政府，提升政务服务效能。')).toBeLessThan(0.2);
  });

  it('is symmetric and within [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBeCloseTo(s, 10);
      }),
    );
  });
});

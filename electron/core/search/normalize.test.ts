import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap } from './normalize';

describe('normalize', () => {
  it('folds width, case and compatibility forms', () => {
    expect(normalize('Ｇ２０ 峰会，⼤会 ABC')).toBe('g20 峰会,大会 abc');
  });

  it('learns which characters fold to themselves without losing the pairs a lone surrogate starts', () => {
    expect(normalize('。。\ud835')).toBe('。。\ud835');
    expect(normalize('𝐀𝐁 。')).toBe('ab 。');
    expect(normalize('基层')).toBe('基层');
  });

  it('folds Traditional Chinese to Simplified, one character for one, leaving Simplified text as it is', () => {
    expect(normalize('形式主義')).toBe('形式主义');
    expect(normalize('堅持以人民為中心的發展思想')).toBe(normalize('坚持以人民为中心的发展思想'));
    expect(normalize('坚持以人民为中心的发展思想，什么')).toBe('坚持以人民为中心的发展思想,什么'); // 么 is Simplified: kept
    const n = normalizeWithMap('反對形式主義');
    expect(n.text).toBe('反对形式主义');
    expect(n.toOriginal([4, 6])).toEqual([4, 6]);
  });

  it.each([
    ['with pieces of other lengths (ﬁ → fi)', ['ﬁ', '㈠']],
    ['with every piece as long as its character', []],
  ])('maps every normalized range back to original text that normalizes to it, %s', (_, longer) => {
    const chars = fc.constantFrom(...longer, '基', '层', '减', '负', '義', '們', '⼤', 'Ｇ', '２', 'A', 'b', '，', ' ', '①', '𠀋', 'é', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalizeWithMap(text);
        expect(n.text).toBe(normalize(text));
        const start = n.text.length ? a % n.text.length : 0;
        const end = start + (n.text.length ? b % (n.text.length - start + 1) : 0);
        const [os, oe] = n.toOriginal([start, end]);
        expect(os).toBeGreaterThanOrEqual(0);
        expect(oe).toBeLessThanOrEqual(text.length);
        // The original slice normalizes to a string that contains the normalized range.
        expect(normalize(text.slice(os, oe))).toContain(n.text.slice(start, end));
      }),
    );
  });
});

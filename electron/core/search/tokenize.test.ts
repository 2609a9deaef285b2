import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { bigramSpans, queryTokens, tokenize, tokenizeNormalized } from './tokenize';

describe('Chinese tokenizer', () => {
  it('cuts CJK runs into overlapping bigrams; a lone character stands as itself', () => {
    expect(tokenize('整治“指尖上”')).toEqual(['整治', '指尖', '尖上']);
    expect(tokenize('国，家')).toEqual(['国', '家']);
    expect(queryTokens('国')).toEqual([]);
    expect(queryTokens('整治形式主义')).toEqual(['整治', '治形', '形式', '式主', '主义']);
  });

  it('keeps Latin and digit runs as words (5G, GDP, 2024) besides their bigrams', () => {
    expect(tokenize('5G与GDP')).toContain('5g');
    expect(tokenize('5G与GDP')).toContain('gdp');
    expect(tokenize('2024年')).toContain('2024');
    expect(tokenize('Ｇ２０峰会')).toContain('g20');
  });

  it('folds radicals and width before cutting', () => {
    expect(tokenize('⻘年')).toEqual(tokenize('青年'));
    expect(queryTokens('ＧＤＰ')).toEqual(queryTokens('gdp'));
  });

  it('drops punctuation and spaces', () => {
    expect(tokenize('，。！？ 、；：')).toEqual([]);
    expect(queryTokens('“”')).toEqual([]);
  });

  const text = fc
    .array(fc.constantFrom('基', '层', '减', '负', '治', '理', '，', ' ', 'a', 'B', '5', 'G', '⻘', '年', 'é', '𠀋', '-'), { maxLength: 60 })
    .map((a) => a.join(''));

  it('every substring of length ≥ 2 has query tokens that the text’s tokens contain (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const chars = [...s];
        if (chars.length < 2) return;
        const start = a % (chars.length - 1);
        const end = start + 2 + (b % (chars.length - start - 1));
        const all = new Set(tokenize(s));
        for (const token of queryTokens(chars.slice(start, end).join(''))) expect(all.has(token)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tokens are normalized and never contain separators (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const token of [...tokenize(s), ...queryTokens(s)]) {
          expect(token).toBe(normalize(token));
          expect(token).not.toMatch(/[\s，-]/);
        }
      }),
    );
  });

  it('records the first and last byte of every bigram token and of nothing else (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const normalized = normalize(s);
        const spans = bigramSpans(normalized);
        const bigrams = new Set(tokenizeNormalized(normalized).filter((t) => [...t].length === 2));
        expect(new Set(spans.keys())).toEqual(bigrams);
        for (const [token, [first, last]] of spans) {
          expect(first).toBe(2 * normalized.indexOf(token));
          expect(last).toBe(2 * normalized.lastIndexOf(token));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

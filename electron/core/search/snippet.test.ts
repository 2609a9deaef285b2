import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { findAll, makeSnippet } from './snippet';

describe('snippets', () => {
  it('shows the original text and marks each match', () => {
    const text = `${'前文'.repeat(50)}整治形式主义，为基层减负。基层减负不是减责任。${'后文'.repeat(50)}`;
    const { snippet, ranges } = makeSnippet(text, ['基层减负'], 40);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('，为基层减负。');
    expect(ranges).toHaveLength(2);
    for (const [s, e] of ranges) expect(snippet.slice(s, e)).toBe('基层减负');
  });

  it('matches width variants but shows them as written', () => {
    const { snippet, ranges } = makeSnippet('推动Ｇ２０峰会', ['g20'], 40);
    expect(ranges.map(([s, e]) => snippet.slice(s, e))).toEqual(['Ｇ２０']);
  });

  it('merges overlapping matches and keeps touching ones apart', () => {
    expect(findAll('基层减负减负', ['减负', '层减'])).toEqual([[1, 4], [4, 6]]);
  });

  it('every range marks text that normalizes to a needle (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('基', '层', '减', '负', '，', 'Ａ', 'a', '\n'), { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        const { snippet, ranges } = makeSnippet(text, ['减负', 'a'], 50);
        for (const [s, e] of ranges) expect(['减负', 'a']).toContain(normalize(snippet.slice(s, e)));
      }),
    );
  });
});

describe('snippets of long texts', () => {
  it('marks the same text as mapping the whole text would', () => {
    const long = `${'前文，'.repeat(3000)}为基层减负，Ｇ２０峰会。${'后文。'.repeat(3000)}`;
    const { snippet, ranges } = makeSnippet(long, ['基层减负', 'g20'], 60);
    expect(ranges.map(([s, e]) => snippet.slice(s, e))).toEqual(['基层减负', 'Ｇ２０']);
  });
});

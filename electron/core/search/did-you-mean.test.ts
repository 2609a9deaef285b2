import { describe, expect, it } from 'vitest';
import { isOneEdit, oneEditAway } from './did-you-mean';

describe('did you mean', () => {
  it('knows one changed, added or dropped character', () => {
    expect(isOneEdit('形试主义', '形式主义')).toBe(true);
    expect(isOneEdit('基层减', '基层减负')).toBe(true);
    expect(isOneEdit('基层减负担', '基层减负')).toBe(true);
    expect(isOneEdit('形式主义', '形式主义')).toBe(false);
    expect(isOneEdit('形试注义', '形式主义')).toBe(false);
    expect(isOneEdit('乡村振兴', '基层减负')).toBe(false);
  });

  it('offers the phrases one edit away, compared as search compares (width, radicals)', () => {
    expect(oneEditAway('形试主义', ['形式主义', '官僚主义', '基层减负', '形式主义'])).toEqual(['形式主义']);
    expect(oneEditAway('ＳＤＧｓ', ['SDG'])).toEqual(['SDG']);
    expect(oneEditAway('形', ['形式'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { HISTORY_MAX, remembered } from './history';

describe('search history', () => {
  it('puts the newest first, once, and keeps a few', () => {
    expect(remembered([], ' 基层减负 ')).toEqual(['基层减负']);
    expect(remembered(['形式主义', '基层减负'], '基层减负')).toEqual(['基层减负', '形式主义']);
    expect(remembered(['a'], '  ')).toEqual(['a']);
    const long = Array.from({ length: HISTORY_MAX }, (_, i) => `q${i}`);
    expect(remembered(long, 'new')).toEqual(['new', ...long.slice(0, HISTORY_MAX - 1)]);
  });
});

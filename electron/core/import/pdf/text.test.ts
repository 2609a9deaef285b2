import { describe, expect, it } from 'vitest';
import { foldCompatibility, joinItems } from './text';

const item = (str: string, x: number, y: number, width = str.length * 10) => ({ str, x, y, width, height: 10 });

describe('PDF text joining', () => {
  it('never puts a space between Chinese glyphs, even across a gap', () => {
    expect(joinItems([item('基层', 0, 100), item('减负', 25, 100)])).toBe('基层减负');
  });

  it('keeps a space between Latin words that the PDF spaces apart', () => {
    expect(joinItems([item('Debian', 0, 100), item('Reference', 70, 100)])).toBe('Debian Reference');
    expect(joinItems([item('Debian', 0, 100), item('的', 60.5, 100)])).toBe('Debian的');
  });

  it('orders lines top to bottom and items left to right', () => {
    expect(joinItems([item('第二行', 0, 80), item('右', 40, 100), item('左', 0, 100)])).toBe('左右\n第二行');
  });

  it('folds radicals and compatibility characters, not Chinese punctuation', () => {
    expect(foldCompatibility('中国人⺠大学⻘年，⼤会ﬁ')).toBe('中国人民大学青年，大会fi');
  });
});

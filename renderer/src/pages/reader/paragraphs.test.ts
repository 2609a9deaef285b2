import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './paragraphs';

describe('paragraphsOf', () => {
  it('cuts at line breaks, drops blank lines and marks each match with its number', () => {
    const text = '整治形式主义\n\n为基层减负，基层减负\r\n结束';
    const matches = [{ start: 9, end: 13 }, { start: 14, end: 18 }];
    expect(paragraphsOf(text, matches)).toEqual([
      [{ text: '整治形式主义' }],
      [{ text: '为' }, { text: '基层减负', mark: 0 }, { text: '，' }, { text: '基层减负', mark: 1 }],
      [{ text: '结束' }],
    ]);
  });

  it('numbers marks from firstMark, and keeps a match split by a line break under one number', () => {
    expect(paragraphsOf('基层\n减负', [{ start: 0, end: 5 }], 7)).toEqual([[{ text: '基层', mark: 7 }], [{ text: '减负', mark: 7 }]]);
  });
});

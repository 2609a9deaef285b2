import { describe, expect, it } from 'vitest';
import { markSnippet } from './SearchPage';

describe('markSnippet', () => {
  it('splits a snippet into plain and marked parts by ranges', () => {
    expect(markSnippet({ snippet: '为基层减负，基层', ranges: [[1, 5], [6, 8]] })).toEqual([
      { text: '为', marked: false },
      { text: '基层减负', marked: true },
      { text: '，', marked: false },
      { text: '基层', marked: true },
    ]);
  });
});

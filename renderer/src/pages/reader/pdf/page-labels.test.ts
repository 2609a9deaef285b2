import { describe, expect, it } from 'vitest';
import { pageLabels } from './page-labels';

describe('printed page labels', () => {
  const book = pageLabels(['1', 'i', 'ii', 'iii', '1', '2', '3'], 7);

  it('names each page by what it prints, and goes to a printed label before a place', () => {
    expect(book.differ).toBe(true);
    expect([1, 2, 5, 7].map(book.labelOf)).toEqual(['1', 'i', '1', '3']);
    expect(book.pageOf('II')).toBe(3);
    expect(book.pageOf(' 2 ')).toBe(6); // the page printed 2, not the second page
    expect(book.pageOf('1')).toBe(1); // two pages print 1: the first
    expect(book.pageOf('7')).toBe(7); // no page prints 7: the seventh
    expect(book.pageOf('8')).toBeUndefined();
    expect(book.pageOf('x')).toBeUndefined();
  });

  it('is the plain page number when the PDF has no labels, or labels equal to the places', () => {
    for (const plain of [pageLabels(null, 3), pageLabels(['1', '2', '3'])]) {
      expect(plain.differ).toBe(false);
      expect(plain.labelOf(2)).toBe('2');
      expect(plain.pageOf('3')).toBe(3);
    }
  });
});

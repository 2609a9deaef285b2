import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, quoteAt } from './anchor';

const ALPHABET = [...'基层减负数字政府治理形式主义，。'];
const textArb = fc.array(fc.constantFrom(...ALPHABET), { minLength: 120, maxLength: 800 }).map((a) => a.join(''));

/** An edit: insert `insert` at `at`, after deleting `remove` characters there. */
const editArb = fc.record({ at: fc.nat(), insert: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((a) => a.join('')), remove: fc.nat({ max: 12 }) });

describe('anchor', () => {
  it('keeps the position when the text is unchanged', () => {
    const text = '为基层减负赋能，为基层减负松绑';
    const q = quoteAt(text, 9, 13);
    expect(anchor(text, q, { start: 9, end: 13 })).toEqual({ status: 'exact', start: 9, end: 13 });
  });

  it('finds the quote in its context after the text moved, nearest the old place', () => {
    const q = quoteAt('甲乙为基层减负赋能丙丁', 4, 8);
    expect(anchor('新增一段文字。甲乙为基层减负赋能丙丁', q, { start: 4, end: 8 })).toEqual({ status: 'exact', start: 11, end: 15 });
  });

  it('asks for confirmation when only the quote is left, or only something close to it', () => {
    const q = quoteAt('前文为基层减负赋能后文', 3, 9);
    expect(anchor('完全不同的上下文里也有基层减负赋能一词', q, { start: 3, end: 9 })).toMatchObject({ status: 'fuzzy', start: 11, end: 17 });
    const moved = anchor('这里写的是：基层减负增能', q, { start: 3, end: 9 }); // one character changed
    expect(moved.status).toBe('fuzzy');
    expect(anchor('毫不相干', q, { start: 3, end: 9 })).toEqual({ status: 'orphan' });
  });

  it('places exactly every highlight whose quote and context were left alone (random edits elsewhere)', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.integer({ min: 2, max: 30 }), fc.array(editArb, { maxLength: 8 }), (original, s0, len, edits) => {
        const start = s0 % (original.length - len);
        const end = start + len;
        const quote = quoteAt(original, start, end);
        let text = original;
        let shift = 0; // where the quote's context now begins, relative to where it was
        const from = Math.max(0, start - 32);
        const to = Math.min(original.length, end + 32);
        for (const edit of edits) {
          // Edits happen before or after the protected span [from, to), never in it.
          const spanStart = from + shift;
          const spanEnd = to + shift;
          const before = edit.at % (spanStart + 1);
          const afterRoom = text.length - spanEnd;
          const useBefore = edit.at % 2 === 0 && spanStart > 0;
          if (useBefore) {
            const remove = Math.min(edit.remove, spanStart - before);
            text = text.slice(0, before) + edit.insert + text.slice(before + remove);
            shift += edit.insert.length - remove;
          } else {
            const at = spanEnd + (afterRoom ? edit.at % (afterRoom + 1) : 0);
            const remove = Math.min(edit.remove, text.length - at);
            text = text.slice(0, at) + edit.insert + text.slice(at + remove);
          }
        }
        const result = anchor(text, quote, { start, end });
        expect(result).toEqual({ status: 'exact', start: start + shift, end: end + shift });
      }),
      { numRuns: 300 },
    );
  });

  it('never places an edited quote silently: fuzzy (to confirm) or orphan', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.integer({ min: 4, max: 30 }), fc.nat(), fc.constantFrom(...ALPHABET), fc.boolean(), (original, s0, len, k, ch, insert) => {
        const start = s0 % (original.length - len);
        const end = start + len;
        const quote = quoteAt(original, start, end);
        const at = start + 1 + (k % (len - 1));
        const text = insert ? original.slice(0, at) + ch + original.slice(at) : original.slice(0, at) + original.slice(at + 1);
        const result = anchor(text, quote, { start, end });
        // Whatever happens, "exact" means the quote's very words.
        if (result.status === 'exact') expect(text.slice(result.start, result.end)).toBe(quote.exact);
        // Where the edit really removed the quote from the text, it is flagged or orphaned.
        if (!text.includes(quote.exact)) expect(['fuzzy', 'orphan']).toContain(result.status);
        if (result.status === 'fuzzy') expect(result.end! - result.start!).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkableOf, CHUNK, codesOf, contains, findPart, firstIn, FOUND_LATER, windowOf, type Part } from './checkable';
import { normalize } from './normalize';
import { blockSizeOf, tallyOf, type Tally } from './shards';
import { bigramSpans } from './tokenize';

describe('checkable unit text', () => {
  it('holds the normalized title and text, and finds strings in either', () => {
    const unit = checkableOf('Ｇ２０峰会', '为基层减负，整治形式主义。', 0);
    expect(unit.text.toString('ucs2')).toBe(normalize('为基层减负，整治形式主义。'));
    expect(contains(unit, 'g20')).toBe(true);
    expect(contains(unit, '基层减负') && contains(unit, '主义')).toBe(true);
    expect(contains(unit, '基层减负') && !contains(unit, '形式')).toBe(false);
    expect(firstIn(unit, ['形式', '减负'])).toBe(2 * '为基层'.length);
  });

  it('maps a match to a window of the file, as written, that contains it (property)', () => {
    const piece = fc.constantFrom('基层', '减负', '，', 'Ａ', '𠀋', '⼤', 'x', '\n', '形式主义', `长${'段'.repeat(3 * CHUNK)}文`);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 * CHUNK }), fc.string({ maxLength: 20 }), fc.nat(), (parts, before, pick) => {
        const text = parts.join('');
        const file = Buffer.from(`${before}\f${text}`);
        const fileStart = Buffer.byteLength(`${before}\f`);
        const unit = checkableOf('', text, fileStart);
        const needle = normalize(parts[pick % parts.length]!);
        const at = unit.text.indexOf(needle, 0, 'ucs2');
        expect(at).toBeGreaterThanOrEqual(0);
        const [start, end] = windowOf(unit, at, 2 * needle.length);
        expect(start).toBeGreaterThanOrEqual(fileStart);
        expect(end).toBeLessThanOrEqual(file.length);
        const window = file.subarray(start, end).toString('utf8');
        expect(window).not.toContain('\uFFFD');
        expect(normalize(window)).toContain(needle);
      }),
      { numRuns: 200 },
    );
  });
});

describe('finding a part between its bigrams’ places', () => {
  /** A one-unit tally with each of the part's bigrams' first and last places in `text`, as the index keeps them. */
  const setUp = (text: string, needle: string): { unit: ReturnType<typeof checkableOf>; part: Part; tally: Tally; block: number } => {
    const unit = checkableOf('', text, 0);
    const block = blockSizeOf(unit.text.length);
    const spans = bigramSpans(normalize(text));
    const wanted = [...bigramSpans(needle)];
    const tally = tallyOf(1, wanted.length);
    wanted.forEach(([token], slot) => {
      const span = spans.get(token);
      tally.first[slot] = span ? Math.floor(span[0] / block) : -1;
      tally.last[slot] = span ? Math.floor(span[1] / block) : -1;
    });
    const part: Part = {
      text: needle,
      codes: codesOf(needle),
      bigrams: wanted.map(([, [offset]], at) => ({ at, offset })),
      proof: wanted.length === needle.length - 1,
    };
    return { unit, part, tally, block };
  };

  it('finds the part exactly when the text has it: first place, or found from the end (property)', () => {
    const piece = fc.constantFrom('第十二条', '十二', '第十', '二条', '十三届', '条', '。', '第', '规定', '二');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 0, max: 3000 }), fc.constantFrom('第十二条', '十二条', '二条规定'), (parts, pad, needle) => {
        // Padding moves the text across block sizes and past the native search's threshold.
        const text = '各'.repeat(pad) + parts.join('');
        const { unit, part, tally, block } = setUp(text, needle);
        const at = findPart(unit, part, tally, 0, block);
        const expected = text.indexOf(needle);
        if (expected < 0) expect(at).toBe(-1);
        else if (at !== FOUND_LATER) expect(at).toBe(2 * expected);
      }),
      { numRuns: 300 },
    );
  });

  it('searches a long range natively and still finds the first place', () => {
    const text = `第十二${'各'.repeat(20_000)}第十二条${'各'.repeat(20_000)}二条`;
    const { unit, part, tally, block } = setUp(text, '第十二条');
    expect(findPart(unit, part, tally, 0, block)).toBe(2 * text.indexOf('第十二条'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkableOf, CHUNK, contains, firstIn, windowOf } from './checkable';
import { normalize } from './normalize';

describe('checkable unit text', () => {
  it('holds the normalized title and text, and finds strings in either', () => {
    const unit = checkableOf('Ｇ２０峰会', '为基层减负，整治形式主义。', 0);
    expect(unit.text.toString()).toBe(normalize('为基层减负，整治形式主义。'));
    expect(contains(unit, 'g20')).toBe(true);
    expect(contains(unit, '基层减负') && contains(unit, '主义')).toBe(true);
    expect(contains(unit, '基层减负') && !contains(unit, '形式')).toBe(false);
    expect(firstIn(unit, [Buffer.from('形式'), Buffer.from('减负')])).toBe(Buffer.from('为基层').length);
  });

  it('maps a match to a window of the file, as written, that contains it (property)', () => {
    const piece = fc.constantFrom('基层', '减负', '，', 'Ａ', '𠀋', '⼤', 'x', '\n', '形式主义');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 * CHUNK }), fc.string({ maxLength: 20 }), fc.nat(), (parts, before, pick) => {
        const text = parts.join('');
        const file = Buffer.from(`${before}\f${text}`);
        const fileStart = Buffer.byteLength(`${before}\f`);
        const unit = checkableOf('', text, fileStart);
        const needle = normalize(parts[pick % parts.length]!);
        const at = unit.text.indexOf(Buffer.from(needle));
        expect(at).toBeGreaterThanOrEqual(0);
        const [start, end] = windowOf(unit, at);
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

import { describe, expect, it } from 'vitest';
import { CARRY, carryOf, unitsOf } from './units';

describe('search units of a PDF', () => {
  it('give a page that runs on the start of the next page, at its place in the text file', () => {
    const text = '坚持以人民为\f中心的发展思想。\n下一段\f最后一页';
    const units = unitsOf({ id: 'd', kind: 'pdf', title: '题' }, text);
    expect(units.map((u) => u.carry?.text)).toEqual(['中心的发展思想。', '最后一页', undefined]);
    expect(units[0]!.carry!.fileStart).toBe(units[1]!.fileStart);
    expect(Buffer.from(text).subarray(units[1]!.fileStart).toString().startsWith('中心')).toBe(true);
  });

  it('carry nothing from a page whose last paragraph closed, nor past the next page’s first line or CARRY characters', () => {
    expect(carryOf(['第一段。\n', '第二段'], 0)).toBe('');
    expect(carryOf(['', '第二段'], 0)).toBe('');
    expect(carryOf(['一', '二'], 1)).toBe('');
    expect(carryOf(['一', '长'.repeat(200)], 0)).toHaveLength(CARRY);
    expect(carryOf(['一', `${'长'.repeat(CARRY - 1)}𠀋`], 0)).toBe('长'.repeat(CARRY - 1));
  });

  it('keep an article whole', () => {
    expect(unitsOf({ id: 'd', kind: 'article', title: '题' }, '甲\f乙')).toEqual([{ id: 'd', docId: 'd', title: '题', text: '甲\f乙', fileStart: 0 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { safeFileName } from './upload';

describe('safeFileName', () => {
  it('keeps the name, never a folder or a device', () => {
    expect(safeFileName('整治形式主义.html')).toBe('整治形式主义.html');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\报告.pdf')).toBe('报告.pdf');
    expect(safeFileName('a\u0000b?.pdf')).toBe('a_b_.pdf');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('.hidden.txt')).toBe('hidden.txt');
  });
});

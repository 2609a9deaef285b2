import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from './paths';

describe('library location', () => {
  it('follows Electron userData per platform', () => {
    expect(defaultLibraryDir('win32', 'C:\\Users\\a', {})).toBe('C:\\Users\\a\\AppData\\Roaming\\研读\\library');
    expect(defaultLibraryDir('win32', 'C:\\Users\\a', { APPDATA: 'D:\\Roam' })).toBe('D:\\Roam\\研读\\library');
    expect(defaultLibraryDir('darwin', '/Users/a', {})).toBe('/Users/a/Library/Application Support/研读/library');
    expect(defaultLibraryDir('linux', '/home/a', {})).toBe('/home/a/.config/研读/library');
  });

  it('prefers --library, then YANDU_LIBRARY', () => {
    const base = { platform: 'linux' as const, home: '/home/a' };
    expect(resolveLibraryDir({ ...base, flag: '/x', env: { YANDU_LIBRARY: '/y' } })).toBe('/x');
    expect(resolveLibraryDir({ ...base, env: { YANDU_LIBRARY: '/y' } })).toBe('/y');
    expect(resolveLibraryDir({ ...base, env: {} })).toBe('/home/a/.config/研读/library');
  });
});

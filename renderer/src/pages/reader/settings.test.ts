import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LINE_HEIGHTS, parseSettings, readerSettings, saveReaderSettings, stepIn } from './settings';

describe('reader settings', () => {
  it('round-trips through storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readerSettings(storage)).toEqual(DEFAULT_SETTINGS);
    saveReaderSettings(storage, { ...DEFAULT_SETTINGS, theme: 'sepia', size: 22 });
    expect(readerSettings(storage)).toMatchObject({ theme: 'sepia', size: 22 });
  });

  it('falls back field by field on bad values', () => {
    expect(parseSettings({ font: 'comic', size: 900, lineHeight: 2.2, theme: 'dark', width: 7 })).toEqual({ ...DEFAULT_SETTINGS, lineHeight: 2.2, theme: 'dark' });
    expect(readerSettings({ getItem: () => '{oops' })).toEqual(DEFAULT_SETTINGS);
  });

  it('steps within bounds', () => {
    expect(stepIn(LINE_HEIGHTS, 2, 1)).toBe(2.2);
    expect(stepIn(LINE_HEIGHTS, 2.4, 1)).toBe(2.4);
    expect(stepIn(LINE_HEIGHTS, 1.6, -1)).toBe(1.6);
  });
});

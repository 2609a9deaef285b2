/**
 * The article view's typography, kept in the browser's storage: font, size, line height, width
 * and theme. Whatever is stored is checked, so a bad value falls back to the default.
 *
 * @example
 * const s = readerSettings(localStorage);         // → { font: 'serif', size: 19, … }
 * saveReaderSettings(localStorage, { ...s, theme: 'sepia' });
 */
export interface ReaderSettings {
  font: 'serif' | 'sans';
  /** Font size in CSS pixels. */
  size: number;
  lineHeight: number;
  width: 'narrow' | 'medium' | 'wide';
  /** `app`: the app's own theme (light, or dark when the app is dark). */
  theme: 'app' | 'light' | 'sepia' | 'dark';
}

export const DEFAULT_SETTINGS: ReaderSettings = { font: 'serif', size: 19, lineHeight: 2, width: 'medium', theme: 'app' };
export const SIZES = [15, 16, 17, 18, 19, 20, 22, 24, 26];
export const LINE_HEIGHTS = [1.6, 1.8, 2, 2.2, 2.4];
export const WIDTHS: Record<ReaderSettings['width'], number> = { narrow: 620, medium: 760, wide: 940 };

const KEY = 'yandu.reader.settings';

const oneOf = <T>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/** Checks stored settings field by field. */
export function parseSettings(raw: unknown): ReaderSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    font: oneOf(r.font, ['serif', 'sans'] as const, DEFAULT_SETTINGS.font),
    size: oneOf(r.size, SIZES, DEFAULT_SETTINGS.size),
    lineHeight: oneOf(r.lineHeight, LINE_HEIGHTS, DEFAULT_SETTINGS.lineHeight),
    width: oneOf(r.width, ['narrow', 'medium', 'wide'] as const, DEFAULT_SETTINGS.width),
    theme: oneOf(r.theme, ['app', 'light', 'sepia', 'dark'] as const, DEFAULT_SETTINGS.theme),
  };
}

export function readerSettings(storage: Pick<Storage, 'getItem'>): ReaderSettings {
  try {
    return parseSettings(JSON.parse(storage.getItem(KEY) ?? '{}'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveReaderSettings(storage: Pick<Storage, 'setItem'>, settings: ReaderSettings): void {
  storage.setItem(KEY, JSON.stringify(settings));
}

/** One step up or down a list of allowed values. */
export function stepIn<T>(list: readonly T[], value: T, by: number): T {
  const i = list.indexOf(value);
  return list[Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + by))]!;
}

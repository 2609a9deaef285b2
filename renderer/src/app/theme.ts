/**
 * The app's theme: the system's (default), or 浅色 / 深色 when the user picks one; kept in the
 * browser's storage and set as `data-theme` on <html>, which the style sheet's variables follow.
 *
 * @example
 * applyTheme(loadTheme());          // at start, before the first paint
 * applyTheme(saveTheme(nextTheme(current))); // the sidebar's button: 跟随系统 → 浅色 → 深色
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'yandu.theme';
const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

export function loadTheme(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function saveTheme(choice: ThemeChoice): ThemeChoice {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  return choice;
}

export const nextTheme = (choice: ThemeChoice): ThemeChoice => ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length]!;

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Whether the app shows dark now: chosen, or the system's while nothing is chosen. */
export function appIsDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen === 'dark' || (chosen === undefined && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
}

/**
 * The app's theme: the system's (default), or 浅色 / 深色 when the user picks one; kept in the
 * browser's storage. What shows is set as `data-theme` (light or dark) on <html>, which the style
 * sheet's variables follow — following the system's changes while nothing is chosen.
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

const systemDark = (): MediaQueryList | undefined => window.matchMedia?.('(prefers-color-scheme: dark)');
let following: (() => void) | undefined;

export function applyTheme(choice: ThemeChoice): void {
  const set = (): void => {
    document.documentElement.dataset.theme = choice === 'system' ? (systemDark()?.matches ? 'dark' : 'light') : choice;
  };
  set();
  // While it follows the system, a change there (evening, say) shows at once.
  if (following) systemDark()?.removeEventListener('change', following);
  following = choice === 'system' ? set : undefined;
  if (following) systemDark()?.addEventListener('change', following);
}

/** Whether the app shows dark now. */
export const appIsDark = (): boolean => document.documentElement.dataset.theme === 'dark';

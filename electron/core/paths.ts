/**
 * Where the library lives. `--library DIR` wins, then `YANDU_LIBRARY`, then the folder the desktop
 * app uses: Electron's `userData` for the product name 研读, plus `library`. The CLI and web mode
 * compute the same folder, so all three open one library.
 *
 * @example
 * resolveLibraryDir({ flag: undefined, env: {}, platform: 'win32', home: 'C:\\Users\\a' });
 * // → 'C:\\Users\\a\\AppData\\Roaming\\研读\\library'
 */
import { resolve, win32, posix } from 'node:path';

export const PRODUCT_NAME = '研读';

/** Electron's `app.getPath('appData')` for a platform. */
export function appDataDir(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return env.APPDATA ?? win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? posix.join(home, '.config');
}

export function defaultLibraryDir(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string {
  const join_ = platform === 'win32' ? win32.join : posix.join;
  return join_(appDataDir(platform, home, env), PRODUCT_NAME, 'library');
}

export function resolveLibraryDir(options: {
  flag?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}): string {
  if (options.flag) return resolve(options.flag);
  if (options.env.YANDU_LIBRARY) return resolve(options.env.YANDU_LIBRARY);
  return defaultLibraryDir(options.platform, options.home, options.env);
}


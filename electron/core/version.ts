/**
 * The app's version, for `libraryInfo` and the About dialog. Kept in step with package.json by a
 * unit test.
 *
 * @example
 * APP_VERSION; // → '0.1.0'
 */
export const APP_VERSION = '0.1.0';

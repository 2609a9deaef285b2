/**
 * Resolves a URL path inside a root folder, or refuses it: `..` (plain or percent-encoded),
 * absolute paths within the path (`//etc/passwd`, `%2Fetc`, `C:`), backslashes, NUL bytes, malformed escapes and symlinks whose target lies outside the root
 * all give `undefined`. Shared by the web host (renderer files, library files) and the desktop
 * app's own scheme.
 *
 * @example
 * await resolveInside('/lib', '/files/ab/abcd.pdf'); // → '/lib/files/ab/abcd.pdf'
 * await resolveInside('/lib', '/%2e%2e/etc/passwd'); // → undefined
 */
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

const within = (path: string, root: string): boolean => path === root || path.startsWith(root + sep);

/** The real path of `urlPath` under `root`; a path that does not exist resolves lexically. */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // NUL, backslashes, an absolute path inside the path (`//etc/passwd`, `/files/%2Fetc`) or a drive letter.
  if (/[\0\\]|\/\/|(^|\/)[A-Za-z]:/.test(decoded)) return undefined;
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!within(candidate, realRoot)) return undefined;
  try {
    const real = await realpath(candidate);
    return within(real, realRoot) ? real : undefined;
  } catch {
    return candidate; // does not exist; the caller decides (404 or index.html)
  }
}

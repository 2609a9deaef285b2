/**
 * The folder Yandu is installed in (the one with its package.json): found by walking up from
 * this code, so it is the same whether the CLI runs from the source tree (`electron/web/…`) or
 * built (`out/main/cli.js`).
 *
 * @example
 * join(appRoot(), 'resources'); // → '/opt/yandu/resources'
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function appRoot(): string {
  if (found) return found;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'yandu') return (found = dir);
    if (dirname(dir) === dir) throw new Error('web: cannot find the Yandu folder (no package.json named yandu above this code).');
  }
}

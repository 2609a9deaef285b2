/**
 * Where the workers' code is: as TypeScript in the source tree (development and tests), or as
 * `import-worker.js` / `search-worker.js` beside the bundle in the built app.
 *
 * @example
 * createWorkerPool(importWorkerEntry(), 2);
 * createWorkerPool(searchWorkerEntry(), 1);
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function entry(name: string, dir: string): URL {
  // Source tree; beside the bundle; or one up, when this code sits in a shared chunk (out/main/chunks/).
  for (const candidate of [`${dir}${name}.ts`, `./${name}.js`, `../${name}.js`]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`worker: ${name} is missing next to the app; reinstall Yandu.`);
}

export const importWorkerEntry = (): URL => entry('import-worker', './');
export const searchWorkerEntry = (): URL => entry('search-worker', '../search/');
export const ocrWorkerEntry = (): URL => entry('ocr-worker', '../ocr/');

/**
 * Where the import worker's code is: beside this module as TypeScript in development and tests,
 * or as `import-worker.js` beside the bundle in the built app.
 *
 * @example
 * createWorkerPool(importWorkerEntry(), 2);
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function importWorkerEntry(): URL {
  for (const candidate of ['./import-worker.ts', './import-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('worker: import-worker is missing next to the app; reinstall Yandu.');
}

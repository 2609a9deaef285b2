/**
 * Worker thread that runs the importers: receives `{ fileName, bytes, options }`, answers
 * `{ ok: true, result: Imported }` or `{ ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { runImporter } from '../import/registry.js';
import type { ImportOptions } from '../import/types.js';

parentPort?.on('message', async (message: { fileName: string; bytes: Uint8Array; options?: ImportOptions }) => {
  try {
    const result = await runImporter(message.fileName, message.bytes, message.options);
    parentPort?.postMessage({ ok: true, result });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).message });
  }
});

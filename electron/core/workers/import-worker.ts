/**
 * Worker thread that runs the importers. Messages:
 * - `{ op: 'import', fileName, bytes, options }` → the Imported document;
 * - `{ op: 'pdfShare', fileName, bytes, index, shares }` → the text of that share of the pages
 *   (share 0 with the page count, outline and metadata).
 * Answers `{ ok: true, result }` or `{ ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { pdfShare } from '../import/pdf/extract.js';
import { namedPdfErrors } from '../import/pdf/index.js';
import { runImporter } from '../import/registry.js';
import type { ImportOptions } from '../import/types.js';

interface Job {
  op?: 'import' | 'pdfShare';
  fileName: string;
  bytes: Uint8Array;
  options?: ImportOptions;
  index?: number;
  shares?: number;
}

async function run(job: Job): Promise<unknown> {
  if (job.op === 'pdfShare') return namedPdfErrors(job.fileName, () => pdfShare(job.bytes, job.index ?? 0, job.shares ?? 1));
  return runImporter(job.fileName, job.bytes, job.options);
}

parentPort?.on('message', async (job: Job) => {
  try {
    parentPort?.postMessage({ ok: true, result: await run(job) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).message });
  }
});

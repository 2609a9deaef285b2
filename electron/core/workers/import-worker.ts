/**
 * Worker thread that runs the importers. Messages:
 * - `{ op: 'import', fileName, bytes, options }` → the Imported document;
 * - `{ op: 'pdfShare', fileName, bytes, counter, info }` → the pages this worker took from the
 *   shared page counter (with the page count, outline and metadata when `info`).
 * Answers `{ ok: true, result }` or `{ ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { newPageCounter, pdfShare } from '../import/pdf/extract.js';
import { namedPdfErrors } from '../import/pdf/index.js';
import { runImporter } from '../import/registry.js';
import type { ImportOptions } from '../import/types.js';

interface Job {
  op?: 'import' | 'pdfShare';
  fileName: string;
  bytes: Uint8Array;
  options?: ImportOptions;
  counter?: Int32Array;
  info?: boolean;
}

async function run(job: Job): Promise<unknown> {
  if (job.op === 'pdfShare') return namedPdfErrors(job.fileName, () => pdfShare(job.bytes, job.counter ?? newPageCounter(), job.info ?? true));
  return runImporter(job.fileName, job.bytes, job.options);
}

parentPort?.on('message', async (job: Job) => {
  try {
    parentPort?.postMessage({ ok: true, result: await run(job) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).message });
  }
});

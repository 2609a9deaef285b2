/**
 * Worker thread that runs the importers. Messages:
 * - `{ op: 'import', fileName, bytes, options }` → the Imported document (scored by the theme
 *   classifier when `options.topicModel` names its file);
 * - `{ op: 'warm', topicModel }` → nothing: the theme classifier is read now, while idle;
 * - `{ op: 'pdfShare', fileName, bytes, counter, info }` → the pages this worker took from the
 *   shared page counter (with the page count, outline and metadata when `info`).
 * Answers with the wire's envelope, `{ result }` or `{ error: { code, message } }` (`rpc.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { serve } from '../../shared/rpc.js';
import { newPageCounter, pdfShare } from '../import/pdf/extract.js';
import { namedPdfErrors } from '../import/pdf/index.js';
import { runImporter } from '../import/registry.js';
import type { ImportOptions } from '../import/types.js';
import { loadModel, scoreVector } from '../topics/scoring.js';

interface Warm {
  op: 'warm';
  topicModel?: string;
}

interface Job {
  op?: 'import' | 'pdfShare';
  fileName: string;
  bytes: Uint8Array;
  options?: ImportOptions;
  counter?: Int32Array;
  info?: boolean;
}

async function run(job: Job | Warm): Promise<unknown> {
  if (job.op === 'warm') {
    if (job.topicModel) loadModel(job.topicModel);
    return null;
  }
  if (job.op === 'pdfShare') return namedPdfErrors(job.fileName, () => pdfShare(job.bytes, job.counter ?? newPageCounter(), job.info ?? true));
  const imported = await runImporter(job.fileName, job.bytes, job.options);
  const model = job.options?.topicModel ? loadModel(job.options.topicModel) : undefined;
  if (model) imported.themeScores = scoreVector(model, imported);
  return imported;
}

parentPort?.on('message', async (job: Job | Warm) => {
  // The wire's envelope (rpc.ts): an error keeps its code on the way back.
  parentPort?.postMessage(await serve(() => run(job)));
});

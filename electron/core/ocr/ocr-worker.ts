/**
 * Child process that reads scanned pages (a process, not a thread: ONNX Runtime's binding loads
 * once per process; `workers/child.ts`). Messages:
 * - `{ op: 'page', key, path, n }` → `{ items, blank }`: page `n` of the PDF at `path` drawn
 *   (`render.ts`), read (`engine.ts`) and placed on the page (`layer.ts`). The PDF stays open
 *   for the next page of the same `key`; the models are loaded on the first page and kept.
 * It is ended (not asked) when there is nothing left to read. Answers with the wire's envelope (`rpc.ts`).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fail } from '../../shared/error-words.js';
import { serve } from '../../shared/rpc.js';
import { openPdf, type PdfDocument } from '../import/pdf/extract.js';
import { createOcrEngine, type OcrEngine } from './engine.js';
import { isBlank } from './gray.js';
import { itemsOf } from './layer.js';
import { renderPage } from './render.js';

interface PageJob {
  op: 'page';
  key: string;
  path: string;
  n: number;
}

let engine: Promise<OcrEngine> | undefined;
let open: { key: string; doc: Promise<PdfDocument> } | undefined;

async function readPage(job: PageJob) {
  if (open?.key !== job.key) {
    await (await open?.doc.catch(() => undefined))?.destroy();
    open = { key: job.key, doc: readFile(job.path).then((bytes) => openPdf(new Uint8Array(bytes))) };
  }
  const doc = await open.doc;
  if (job.n < 1 || job.n > doc.numPages) throw new RangeError(`no page ${job.n}`);
  const { image, viewport } = await renderPage(doc, job.n);
  if (isBlank(image)) return { items: [], blank: true };
  engine ??= createOcrEngine({ threads: Math.min(2, availableParallelism()) }).catch((error: Error) => {
    engine = undefined;
    // Not this page's fault: the queue stops rather than marking every page unreadable.
    throw fail('ocr.engine', { reason: error.message });
  });
  const lines = await (await engine).read(image);
  return { items: lines.flatMap((line) => itemsOf(line, viewport)), blank: false };
}

process.on('message', (job: PageJob) => {
  void serve(() => readPage(job)).then((reply) => process.send!(reply));
});
// The app that started it is gone: so is this.
process.on('disconnect', () => process.exit(0));

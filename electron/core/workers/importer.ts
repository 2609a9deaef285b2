/**
 * Parsing files in the worker pool. A large PDF (over 256 KB) is read by every worker at once,
 * each taking the next page from a shared counter until none is left (pdf.js reads one page at a
 * time on one thread); everything else is one job.
 *
 * @example
 * const importFile = createPoolImporter(pool, 2);
 * const doc = await importFile('manual.pdf', bytes);
 */
import { assemblePdf } from '../import/pdf/index.js';
import { joinShares, newPageCounter, type PdfShare } from '../import/pdf/extract.js';
import type { Imported, ImportOptions } from '../import/types.js';
import type { WorkerPool } from './pool.js';

/** PDFs smaller than this are read by one worker. */
export const SPLIT_BYTES = 256 * 1024;

export type ImportFile = (fileName: string, bytes: Uint8Array, options?: ImportOptions) => Promise<Imported>;

export function createPoolImporter(pool: WorkerPool, workers: number): ImportFile {
  // Every job gets its own copy of the bytes, moved (not cloned) into the worker.
  const send = <T>(message: Record<string, unknown> & { bytes: Uint8Array }): Promise<T> => {
    const copy = message.bytes.slice();
    return pool.run<T>({ ...message, bytes: copy }, [copy.buffer]);
  };
  return async (fileName, bytes, options) => {
    if (workers < 2 || !/\.pdf$/i.test(fileName) || bytes.length < SPLIT_BYTES) return send<Imported>({ op: 'import', fileName, bytes, options });
    const counter = newPageCounter();
    const shares = await Promise.all(Array.from({ length: workers }, (_, index) => send<PdfShare>({ op: 'pdfShare', fileName, bytes, counter, info: index === 0 })));
    return assemblePdf(fileName, joinShares(shares));
  };
}

/**
 * Worker thread that holds the search index, so that building, loading, saving and querying it
 * never block the thread that answers the UI. It reads the documents' text files itself.
 * Messages (answered `{ ok, result }` or `{ ok: false, error }`, one at a time):
 * - `{ op: 'open', libraryDir, docs }` → opens the saved index (`index/`), or rebuilds it;
 * - `{ op: 'refresh', libraryDir, docs, removed }` → re-reads those documents;
 * - `{ op: 'search', query, limit, filters }` → a SearchResult;
 * - `{ op: 'reindex', libraryDir, docs }`, `{ op: 'save', libraryDir }`.
 */
import { parentPort } from 'node:worker_threads';
import { serve } from '../../shared/rpc.js';
import { jobRunner, type WorkerJob } from './index-store.js';

const run = jobRunner();

parentPort?.on('message', async (job: WorkerJob) => {
  // The wire's envelope (rpc.ts): an error keeps its code on the way back.
  parentPort?.postMessage(await serve(() => run(job)));
});

/**
 * Worker thread that holds the search index, so that building, loading, saving and querying it
 * never block the thread that answers the UI. It reads the documents' text files itself.
 * Messages (answered `{ ok, result }` or `{ ok: false, error }`, one at a time):
 * - `{ op: 'open', libraryDir, docs }` → loads `index/search.json`, or rebuilds it;
 * - `{ op: 'refresh', libraryDir, docs, removed }` → re-reads those documents;
 * - `{ op: 'search', query, limit, filters }` → a SearchResult;
 * - `{ op: 'reindex', libraryDir, docs }`, `{ op: 'save', libraryDir }`.
 */
import { parentPort } from 'node:worker_threads';
import { serve } from '../../shared/rpc.js';
import { openIndexStore, type IndexStore, type WorkerJob } from './index-store.js';

let store: IndexStore | undefined;

async function run(job: WorkerJob): Promise<unknown> {
  if (job.op === 'open') {
    store = await openIndexStore(job.libraryDir, job.docs);
    return { documents: store.documentCount, rebuilt: store.rebuilt };
  }
  if (!store) throw new Error('search: the index is not open.');
  switch (job.op) {
    case 'refresh':
      return store.refresh(job.docs, job.removed);
    case 'search':
      return store.search(job.query, job.limit, job.filters);
    case 'reindex':
      return store.reindex(job.docs);
    case 'save':
      return store.save();
  }
}

parentPort?.on('message', async (job: WorkerJob) => {
  // The wire's envelope (rpc.ts): an error keeps its code on the way back.
  parentPort?.postMessage(await serve(() => run(job)));
});

/**
 * The search index with its files, as the search worker keeps it: `index/meta.json` (version and
 * unit table) and one `index/shard-NN.bin` per term shard (`shard-file.ts`), read on first use — so opening a
 * library's index costs only its unit table. Rebuilt from the text files when missing, damaged,
 * of another version or out of step with the library; only changed shards are saved.
 *
 * @example
 * const store = await openIndexStore('/lib', docs);
 * await store.search('基层减负', 20);
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchResult } from '../../shared/types.js';
import { writeFileAtomic } from '../store/atomic.js';
import { textPathOf } from '../store/blobs.js';
import { readRange } from '../util/read-range.js';
import { DamagedIndexError } from './shard-file.js';
import { createSearchIndex, INDEX_VERSION, type IndexedDoc, type IndexMeta, type SearchFilters, type SearchIndex } from './search-index.js';

const shardFile = (dir: string, i: number): string => join(dir, `shard-${String(i).padStart(2, '0')}.bin`);

/**
 * `index/state.json`: the library file (`yandu.json`, by mtime and size) that the saved index was
 * last known to be in step with. A library opened with that same file skips comparing every
 * document's stamp; any other write of the file (even one that does not touch the index) means
 * comparing them all, as before.
 */
const statePath = (dir: string): string => join(dir, 'state.json');

/** The `libraryStamp` saved with the index, if any (a tiny file: read before the index itself). */
export function savedLibraryStamp(libraryDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(statePath(join(libraryDir, 'index')), 'utf8')) as { libraryStamp?: string }).libraryStamp;
  } catch {
    return undefined;
  }
}

/** Writes the unit table and the changed shards of an index into `dir`, and what it is in step with (or that it is not known). */
export async function saveIndex(dir: string, index: SearchIndex, libraryStamp?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Not in step until the new state is written: a crash in between compares every stamp.
  await rm(statePath(dir), { force: true });
  for (const [i, bytes] of index.takeDirtyShards()) await writeFileAtomic(shardFile(dir, i), bytes, { durable: false });
  await writeFileAtomic(join(dir, 'meta.json'), JSON.stringify({ version: INDEX_VERSION, ...index.meta() }), { durable: false });
  if (libraryStamp) await writeFileAtomic(statePath(dir), JSON.stringify({ libraryStamp }), { durable: false });
}

export { DamagedIndexError };

/** Opens a saved index lazily, or returns undefined when there is none of this version. */
export async function openSavedIndex(dir: string): Promise<SearchIndex | undefined> {
  const saved = JSON.parse((await readFile(join(dir, 'meta.json'))).toString('utf8')) as { version: number } & IndexMeta;
  if (saved.version !== INDEX_VERSION) return undefined;
  let used = 0;
  for (const id in saved.units) used = (used | saved.units[id]!.shards) >>> 0;
  return createSearchIndex({
    meta: { units: saved.units, ...(saved.stamps ? { stamps: saved.stamps } : {}) },
    loadShard: (i) => {
      try {
        return readFileSync(shardFile(dir, i));
      } catch (error) {
        if (used & (1 << i)) throw new DamagedIndexError(`search: index shard ${i} is missing (${(error as Error).message}).`);
        return undefined;
      }
    },
  });
}

export type WorkerJob =
  /** `inStep`: the library file is the one the saved index was in step with (`libraryStamp`): its documents' stamps need no comparing. */
  | { op: 'open'; libraryDir: string; docs: IndexedDoc[]; libraryStamp?: string; inStep?: boolean }
  | { op: 'refresh'; docs: IndexedDoc[]; removed: string[] }
  | { op: 'search'; query: string; limit: number; filters?: SearchFilters }
  | { op: 'reindex'; docs: IndexedDoc[] }
  /** `libraryStamp`: the library file the index is now in step with (none: not known). */
  | { op: 'save'; libraryStamp?: string };

export interface IndexStore {
  readonly documentCount: number;
  readonly rebuilt: boolean;
  /** Documents found out of step with the library on open and re-read (or removed). */
  readonly patched: number;
  refresh(docs: IndexedDoc[], removed: string[]): Promise<void>;
  search(query: string, limit: number, filters?: SearchFilters): Promise<SearchResult>;
  reindex(docs: IndexedDoc[]): Promise<{ documents: number; ms: number }>;
  save(libraryStamp?: string): Promise<void>;
}

export async function openIndexStore(libraryDir: string, docs: IndexedDoc[], options: { libraryStamp?: string; inStep?: boolean } = {}): Promise<IndexStore> {
  const dir = join(libraryDir, 'index');
  // Synchronous, as `readRange` is: the index runs in its own thread (or in a one-shot command),
  // and a query checking hundreds of candidates waited on the thread pool for each file.
  const readText = async (id: string): Promise<string> => {
    try {
      return readFileSync(textPathOf(libraryDir, id), 'utf8');
    } catch {
      return '';
    }
  };
  const readBytes = async (id: string, start: number, end: number): Promise<Buffer> => readRange(textPathOf(libraryDir, id), start, end);
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  let known = docs;
  const docsNow = (): IndexedDoc[] => known;
  let dirty = false;
  let index: SearchIndex | undefined;
  let rebuilt = false;

  let patched = 0;
  try {
    const candidate = await openSavedIndex(dir);
    if (candidate && options.inStep) index = candidate;
    else if (candidate) {
      // Out of step with the library (a crash after a change, before the index was saved): the
      // documents whose stamp differs are read again, the ones gone removed — before any answer.
      const stale = docs.filter((d) => !candidate.has(d.id) || candidate.stampOf(d.id) !== d.stamp);
      const wanted = new Set(docs.map((d) => d.id));
      const gone = candidate.docIds().filter((id) => !wanted.has(id));
      if (stale.length + gone.length <= Math.max(50, docs.length / 4)) {
        for (const id of gone) candidate.remove(id);
        for (const doc of stale) candidate.add(doc, await readText(doc.id));
        patched = stale.length + gone.length;
        index = candidate;
      }
    }
  } catch {
    index = undefined;
  }

  const build = async (list: IndexedDoc[]): Promise<SearchIndex> => {
    const fresh = createSearchIndex();
    for (const doc of list) fresh.add(doc, await readText(doc.id));
    return fresh;
  };
  const save = async (libraryStamp?: string): Promise<void> => {
    await saveIndex(dir, index!, libraryStamp);
    dirty = false;
    savedStamp = libraryStamp;
  };
  let savedStamp = options.inStep ? options.libraryStamp : undefined;
  if (!index) {
    await rm(dir, { recursive: true, force: true });
    index = await build(docs);
    rebuilt = true;
    await save(options.libraryStamp);
  } else if (patched) await save(options.libraryStamp);
  else if (options.libraryStamp && !options.inStep) {
    await writeFileAtomic(statePath(dir), JSON.stringify({ libraryStamp: options.libraryStamp }), { durable: false });
    savedStamp = options.libraryStamp;
  }

  return {
    get documentCount() {
      return index!.documentCount;
    },
    rebuilt,
    patched,
    async refresh(changed, removed) {
      for (const id of removed) {
        index!.remove(id);
        titles.delete(id);
      }
      for (const doc of changed) {
        titles.set(doc.id, doc.title);
        // What the index holds of it has not changed (a tag given or taken, say): nothing to read again.
        if (doc.stamp && index!.stampOf(doc.id) === doc.stamp) continue;
        index!.add(doc, await readText(doc.id));
      }
      known = [...known.filter((d) => !removed.includes(d.id) && !changed.some((c) => c.id === d.id)), ...changed];
      dirty = true;
    },
    async search(query, limit, filters) {
      const run = (): Promise<SearchResult> => index!.search(query, { limit, ...(filters ? { filters } : {}), readText, readBytes, titles: (id) => titles.get(id) ?? '' });
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof DamagedIndexError)) throw error;
        // A shard file went bad since the index was opened: rebuild from the text, then answer.
        await rm(dir, { recursive: true, force: true });
        index = await build(docsNow());
        await save();
        return run();
      }
    },
    async reindex(list) {
      const start = performance.now();
      await rm(dir, { recursive: true, force: true });
      index = await build(list);
      known = list;
      for (const doc of list) titles.set(doc.id, doc.title);
      await save();
      return { documents: index.documentCount, ms: Math.round(performance.now() - start) };
    },
    async save(libraryStamp) {
      if (dirty) await save(libraryStamp);
      else if (libraryStamp && libraryStamp !== savedStamp) {
        // Nothing changed in the index: only what it is in step with.
        await writeFileAtomic(statePath(dir), JSON.stringify({ libraryStamp }), { durable: false });
        savedStamp = libraryStamp;
      }
    },
  };
}

/**
 * Runs index jobs one at a time, in order, as the search worker does (`search-worker.ts`); a
 * one-shot command runs them in its own thread.
 */
export function jobRunner(): (job: WorkerJob) => Promise<unknown> {
  let store: IndexStore | undefined;
  const run = async (job: WorkerJob): Promise<unknown> => {
    if (job.op === 'open') {
      store = await openIndexStore(job.libraryDir, job.docs, { ...(job.libraryStamp ? { libraryStamp: job.libraryStamp } : {}), ...(job.inStep ? { inStep: true } : {}) });
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
        return store.save(job.libraryStamp);
    }
  };
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const next = last.then(() => run(job));
    last = next.catch(() => undefined);
    return next;
  };
}

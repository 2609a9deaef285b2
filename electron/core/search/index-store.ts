/**
 * The search index with its file, as the search worker keeps it: loaded from
 * `index/search.json` (rebuilt from the text files when missing, damaged, of another version or
 * out of step with the library), refreshed for the documents that change, saved on request.
 *
 * @example
 * const store = await openIndexStore('/lib', docs);
 * await store.search('基层减负', 20);
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchResult } from '../../shared/types.js';
import { writeFileAtomic } from '../store/atomic.js';
import { textPathOf } from '../store/blobs.js';
import { createSearchIndex, INDEX_VERSION, type IndexedDoc, type SearchFilters, type SearchIndex } from './search-index.js';

export type WorkerJob =
  | { op: 'open'; libraryDir: string; docs: IndexedDoc[] }
  | { op: 'refresh'; docs: IndexedDoc[]; removed: string[] }
  | { op: 'search'; query: string; limit: number; filters?: SearchFilters }
  | { op: 'reindex'; docs: IndexedDoc[] }
  | { op: 'save' };

export interface IndexStore {
  readonly documentCount: number;
  readonly rebuilt: boolean;
  refresh(docs: IndexedDoc[], removed: string[]): Promise<void>;
  search(query: string, limit: number, filters?: SearchFilters): Promise<SearchResult>;
  reindex(docs: IndexedDoc[]): Promise<{ documents: number; ms: number }>;
  save(): Promise<void>;
}

export async function openIndexStore(libraryDir: string, docs: IndexedDoc[]): Promise<IndexStore> {
  const file = join(libraryDir, 'index', 'search.json');
  const readText = (id: string): Promise<string> => readFile(textPathOf(libraryDir, id), 'utf8').catch(() => '');
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  let dirty = false;
  let index: SearchIndex | undefined;
  let rebuilt = false;

  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; index: unknown };
    if (saved.version === INDEX_VERSION) {
      const candidate = createSearchIndex(saved.index);
      if (candidate.documentCount === docs.length && docs.every((d) => candidate.has(d.id))) {
        for (const doc of docs) candidate.attachText(doc, await readText(doc.id));
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
  const save = async (): Promise<void> => {
    await mkdir(join(libraryDir, 'index'), { recursive: true });
    await writeFileAtomic(file, JSON.stringify({ version: INDEX_VERSION, index: index!.toJSON() }), { durable: false });
    dirty = false;
  };
  if (!index) {
    await rm(file, { force: true });
    index = await build(docs);
    rebuilt = true;
    await save();
  }

  return {
    get documentCount() {
      return index!.documentCount;
    },
    rebuilt,
    async refresh(changed, removed) {
      for (const id of removed) {
        index!.remove(id);
        titles.delete(id);
      }
      for (const doc of changed) {
        titles.set(doc.id, doc.title);
        index!.add(doc, await readText(doc.id));
      }
      dirty = true;
    },
    search: (query, limit, filters) =>
      index!.search(query, { limit, ...(filters ? { filters } : {}), readText, titles: (id) => titles.get(id) ?? '' }),
    async reindex(list) {
      const start = performance.now();
      index = await build(list);
      for (const doc of list) titles.set(doc.id, doc.title);
      await save();
      return { documents: index.documentCount, ms: Math.round(performance.now() - start) };
    },
    async save() {
      if (dirty) await save();
    },
  };
}

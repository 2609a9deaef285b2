/**
 * The search index of an open library, kept in step with it: loaded from `index/search.json` at
 * start (rebuilt from the stored text when missing, damaged or of another version), updated for
 * the documents each `library.changed` names, and saved a moment after changes settle. It is
 * derived data: deleting it loses nothing.
 *
 * @example
 * const search = await createSearchService(ctx);
 * await search.search({ query: '基层减负', limit: 20 });
 * await search.reindex();
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchResult } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import { writeFileAtomic } from '../store/atomic.js';
import type { DocumentRecord } from '../store/schema.js';
import { createSearchIndex, INDEX_VERSION, type SearchFilters, type SearchIndex } from './search-index.js';

export interface SearchService {
  search(args: { query: string; limit?: number; filters?: SearchFilters }): Promise<SearchResult>;
  /** Rebuilds the index from the stored text. */
  reindex(): Promise<{ documents: number; ms: number }>;
  /** Re-reads the named documents (added, changed or removed). */
  refresh(ids: string[]): Promise<void>;
  close(): Promise<void>;
}

const SAVE_AFTER_MS = 2000;

export async function createSearchService(ctx: CoreContext): Promise<SearchService> {
  const dir = join(ctx.libraryDir, 'index');
  const file = join(dir, 'search.json');
  let index: SearchIndex = createSearchIndex();
  let saveTimer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = chain.then(job, job);
    chain = next.catch(() => undefined);
    return next;
  };

  const indexDoc = async (target: SearchIndex, doc: DocumentRecord): Promise<void> => {
    const text = await ctx.blobs.readText(doc.id).catch(() => '');
    target.add(doc, text);
  };
  const save = async (): Promise<void> => {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, JSON.stringify({ version: INDEX_VERSION, index: index.toJSON() }), { durable: false });
  };
  const scheduleSave = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void serial(save), SAVE_AFTER_MS);
    saveTimer.unref();
  };
  const rebuild = async (): Promise<number> => {
    const fresh = createSearchIndex();
    for (const doc of ctx.db.data.documents) await indexDoc(fresh, doc);
    index = fresh;
    await save();
    return fresh.documentCount;
  };

  // Load, or rebuild when the saved index is missing, damaged, old, or out of step.
  let loaded = false;
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; index: unknown };
    if (saved.version === INDEX_VERSION) {
      const candidate = createSearchIndex(JSON.stringify(saved.index));
      const docs = ctx.db.data.documents;
      if (candidate.documentCount === docs.length && docs.every((d) => candidate.has(d.id))) {
        for (const doc of docs) candidate.attachText(doc, await ctx.blobs.readText(doc.id).catch(() => ''));
        index = candidate;
        loaded = true;
      }
    }
  } catch {
    loaded = false;
  }
  if (!loaded) await rm(file, { force: true }).then(rebuild);

  const titleOf = (id: string): string => ctx.db.data.documents.find((d) => d.id === id)?.title ?? '';

  return {
    search: ({ query, limit, filters }) =>
      serial(() => index.search(query, { limit: limit ?? 50, ...(filters ? { filters } : {}), readText: (id) => ctx.blobs.readText(id), titles: titleOf })),
    reindex: () =>
      serial(async () => {
        const start = performance.now();
        const documents = await rebuild();
        return { documents, ms: Math.round(performance.now() - start) };
      }),
    refresh: (ids) =>
      serial(async () => {
        for (const id of ids) {
          const doc = ctx.db.data.documents.find((d) => d.id === id);
          if (doc) await indexDoc(index, doc);
          else index.remove(id);
        }
        scheduleSave();
      }),
    async close() {
      clearTimeout(saveTimer);
      await serial(save);
    },
  };
}

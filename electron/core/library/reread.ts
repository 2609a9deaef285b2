/**
 * Documents whose text an earlier Yandu read (before PDF lines were joined, pages without
 * `<html>` were read and dates came from file names: `TEXT_VERSION`) are read again from their
 * stored originals, in the background after the library opens — as a re-import would: the text,
 * HTML and outline replaced, highlights re-placed (only whitespace moved, so they stay exact), the
 * user's own fields kept. A file that no longer reads is left as it was. `stop()` ends it between
 * two documents (the library is closing).
 *
 * @example
 * const job = rereadOutdated(ctx);  // { done: Promise<number>, stop() }
 * await job.done;                   // → how many were read again
 */
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { DocumentRecord } from '../store/schema.js';
import { reanchorDocument } from '../highlights/highlights.js';
import { storeContent } from './content.js';
import type { CoreContext } from './context.js';
import { applyImported, TEXT_VERSION } from './place.js';

/** Kinds whose importers changed with the last `TEXT_VERSION`. */
const REREAD = new Set(['pdf', 'article', 'docx']);
/** Documents read again between two writes of the library. */
const BATCH = 20;

export const isOutdated = (doc: DocumentRecord): boolean => REREAD.has(doc.kind) && (doc.textVersion ?? 1) < TEXT_VERSION;

export function rereadOutdated(ctx: CoreContext): { done: Promise<number>; stop(): void } {
  let stopped = false;
  const run = async (): Promise<number> => {
    let count = 0;
    let changed: string[] = [];
    const flush = async (): Promise<void> => {
      if (!changed.length) return;
      const ids = changed;
      changed = [];
      await ctx.store.commit({ type: 'library.changed', ids });
    };
    for (const doc of ctx.store.data.documents.filter(isOutdated)) {
      if (stopped) break;
      try {
        const bytes = new Uint8Array(await readFile(ctx.blobs.originalPath(doc.sha256, doc.ext)));
        // Its own file name, which may carry its date (20180502-标题-作者.html).
        const name = doc.sourcePath ? basename(doc.sourcePath) : `${doc.title}${doc.ext}`;
        const imported = await ctx.importFile(name, bytes, doc.url ? { url: doc.url } : {});
        if (stopped || !ctx.store.data.documents.includes(doc)) break;
        await storeContent(ctx, doc.id, imported);
        reanchorDocument(ctx, doc.id, imported.text, imported.kind === 'pdf');
        ctx.store.stage(() => applyImported(doc, imported));
        count++;
      } catch {
        // It no longer reads (or its original is gone): kept as it was, not tried again.
      }
      ctx.store.stage(() => (doc.textVersion = TEXT_VERSION));
      changed.push(doc.id);
      if (changed.length >= BATCH) await flush();
    }
    await flush();
    return count;
  };
  return {
    done: run(),
    stop: () => {
      stopped = true;
    },
  };
}

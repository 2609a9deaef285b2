/**
 * The sample library (`resources/sample/`: three articles and a PDF written for Yandu, CC0), so
 * that a new user has something to search, read and mark at once; removed in one go when they
 * no longer want it (to the trash, like any removal).
 *
 * @example
 * await addSample(ctx);    // → ImportReport: 4 added, each marked `sample`
 * await removeSample(ctx); // → { removed: 4 }
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport } from '../../shared/types.js';
import { resourcePath } from '../topics/taxonomy.js';
import type { CoreContext } from './context.js';
import { removeDocuments } from './documents.js';
import { ingestFiles } from './ingest.js';
import { fail } from '../../shared/error-words.js';

function sampleDir(ctx: CoreContext): string {
  const dir = ctx.resourcesDir ? join(ctx.resourcesDir, 'sample') : resourcePath('sample');
  if (!dir) throw fail('sample.missing');
  return dir;
}

export async function addSample(ctx: CoreContext): Promise<ImportReport> {
  const dir = sampleDir(ctx);
  const names = (await readdir(dir)).filter((n) => /\.(html|pdf)$/i.test(n)).sort();
  // As files sent by name: they keep no source path (the app's folder is not the user's).
  const report = await ingestFiles(ctx, names.map((name) => ({ path: join(dir, name), explicit: true, uploaded: name })));
  const ids = new Set([...report.added, ...report.unchanged].map((r) => r.id));
  await ctx.store.change(
    (data) => {
      for (const doc of data.documents) if (ids.has(doc.id)) doc.sample = true;
    },
    { type: 'library.changed', ids: report.added.map((a) => a.id) },
  );
  return report;
}

export async function removeSample(ctx: CoreContext): Promise<{ removed: number }> {
  const ids = ctx.store.data.documents.filter((d) => d.sample).map((d) => d.id);
  if (ids.length) await removeDocuments(ctx, ids);
  return { removed: ids.length };
}

/**
 * Writes what an importer read of a file — text, article HTML, PDF outline — under one id (a
 * document's, or one of its forms'), side by side: one after another they were most of the time
 * a file took to place. A new id has no old HTML or outline to remove.
 *
 * @example
 * await storeContent(ctx, 'd_1', imported, true);
 */
import type { Imported } from '../import/types.js';
import type { CoreContext } from './context.js';

export async function storeContent(ctx: CoreContext, id: string, imported: Imported, fresh = false): Promise<void> {
  await Promise.all([
    ctx.blobs.writeText(id, imported.text),
    fresh && imported.html === undefined ? undefined : ctx.blobs.writeHtml(id, imported.html),
    fresh && !imported.outline?.length ? undefined : ctx.blobs.writeOutline(id, imported.outline),
  ]);
}

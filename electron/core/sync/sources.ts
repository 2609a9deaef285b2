/**
 * Sync sources kept in the library: add, list, remove, and the token of a manifest (kept in the
 * secret store, never in yandu.json). Removing a source keeps its documents.
 *
 * @example
 * await addSource(ctx, { kind: 'feed', url: 'https://example.org/rss.xml' });
 * listSources(ctx); // → [{ id: 's_…', kind: 'feed', name: 'example.org', documents: 0, history: [] }]
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ApiArgs } from '../../shared/contract.js';
import type { SourceSummary } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import type { SourceRecord } from '../store/schema.js';
import { fail } from '../../shared/error-words.js';

export const newSourceId = (): string => `s_${randomBytes(6).toString('hex')}`;

export function toSourceSummary(ctx: CoreContext, source: SourceRecord, hasToken?: boolean): SourceSummary {
  const { items: _items, etag: _etag, lastModified: _lm, history, ...rest } = source;
  return {
    ...rest,
    history: [...history].reverse(),
    documents: ctx.store.data.documents.filter((d) => d.sourceId === source.id).length,
    ...(source.kind === 'manifest' ? { hasToken: Boolean(hasToken) } : {}),
  };
}

export function findSource(ctx: CoreContext, id: string): SourceRecord {
  const source = ctx.store.data.sources.find((s) => s.id === id);
  if (!source) throw fail('sync.no-source', { id });
  return source;
}

export async function listSources(ctx: CoreContext): Promise<SourceSummary[]> {
  return Promise.all(
    ctx.store.data.sources.map(async (s) => toSourceSummary(ctx, s, s.kind === 'manifest' ? Boolean(await ctx.secrets.get(s.id)) : undefined)),
  );
}

export async function addSource(ctx: CoreContext, args: ApiArgs<'addSource'>): Promise<SourceSummary> {
  const base = { id: newSourceId(), addedAt: ctx.now(), history: [], items: {} };
  let source: SourceRecord;
  if (args.kind === 'folder') {
    const path = resolve(args.path);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) throw fail('sync.not-folder', { path });
    if (ctx.store.data.sources.some((s) => s.path === path)) throw fail('sync.already-watched', { path });
    source = { ...base, kind: 'folder', path, name: args.name ?? (basename(path) || path) };
  } else {
    if (ctx.store.data.sources.some((s) => s.url === args.url)) throw fail('sync.already-source', { url: args.url });
    source = { ...base, kind: args.kind, url: args.url, name: args.name ?? new URL(args.url).host };
  }
  await ctx.store.change((data) => data.sources.push(source), undefined, { keysKept: true });
  if (args.kind === 'manifest' && args.token) await ctx.secrets.set(source.id, args.token);
  ctx.emit({ type: 'sources.changed' });
  return toSourceSummary(ctx, source, args.kind === 'manifest' ? Boolean(args.token) : undefined);
}

export async function removeSource(ctx: CoreContext, id: string): Promise<{ removed: SourceSummary }> {
  const source = findSource(ctx, id);
  const removed = toSourceSummary(ctx, source);
  await ctx.store.change((data) => (data.sources = data.sources.filter((s) => s !== source)), undefined, { keysKept: true });
  await ctx.secrets.delete(id);
  ctx.emit({ type: 'sources.changed' });
  return { removed };
}

export async function setSourceToken(ctx: CoreContext, id: string, token: string): Promise<SourceSummary> {
  const source = findSource(ctx, id);
  if (source.kind !== 'manifest') throw fail('sync.not-manifest', { name: source.name });
  await ctx.secrets.set(id, token);
  await ctx.store.change(() => delete source.lastError, { type: 'sources.changed' }, { keysKept: true });
  return toSourceSummary(ctx, source, true);
}

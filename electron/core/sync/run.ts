/**
 * Syncing sources into the library. Incremental and idempotent: a feed is fetched conditionally
 * (ETag, Last-Modified), a feed or manifest item already imported at the same version is not
 * downloaded again, a folder file with the same bytes is not parsed again. Downloads go to
 * `downloads/` (partial files stay there to resume), then through the import engine. Every
 * source's run is recorded in its history; a failing source never touches what is in the library.
 *
 * @example
 * const report = await syncSource(ctx, source, new AbortController().signal);
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failureOf, YanduError } from '../../shared/errors.js';
import type { ImportReport } from '../../shared/types.js';
import { escapeHtml } from '../import/html/escape.js';
import type { CoreContext } from '../library/context.js';
import { emptyReport, ingestFiles, type IngestItem } from '../library/ingest.js';
import { expandPaths } from '../library/walk.js';
import { eachLimited } from '../util/each-limited.js';
import type { SourceRecord } from '../store/schema.js';
import type { FeedItem } from './feed.js';
import { displayUrl, downloadFile, fetchBytes, type HttpOptions } from './http.js';
import { parseManifest, type ManifestItem } from './manifest.js';
import { fail } from '../../shared/error-words.js';

const HISTORY = 20;
const DOWNLOADS_AT_ONCE = 3;
/** A feed item with at least this much text carries the full article; no page is fetched. */
const FULL_TEXT_CHARS = 500;

export interface SyncOptions {
  signal: AbortSignal;
  /** Test hook: shorter timeouts and backoff. */
  http?: Pick<HttpOptions, 'timeoutMs' | 'retries' | 'backoffMs'>;
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** A file still being written (its size or time changes over a short wait) is left for later. */
async function settled(path: string): Promise<boolean> {
  const a = await stat(path).catch(() => undefined);
  if (!a) return false;
  if (Date.now() - a.mtimeMs > 3000) return true;
  await new Promise((r) => setTimeout(r, 400));
  const b = await stat(path).catch(() => undefined);
  return Boolean(b && b.size === a.size && b.mtimeMs === a.mtimeMs && b.size > 0);
}

/** Records the run in the source's history (staged: the caller commits). */
function record(ctx: CoreContext, source: SourceRecord, report: ImportReport, error?: string): void {
  ctx.store.stage(() => recordRun(ctx, source, report, error), { keysKept: true });
}

function recordRun(ctx: CoreContext, source: SourceRecord, report: ImportReport, error?: string): void {
  source.lastSyncAt = ctx.now();
  if (error) source.lastError = error;
  else delete source.lastError;
  source.history.push({
    at: source.lastSyncAt,
    added: report.added.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    failed: report.failed.length,
    errors: [...(error ? [error] : []), ...report.failed.slice(0, 5).map((f) => f.error)].slice(0, 5),
  });
  if (source.history.length > HISTORY) source.history.splice(0, source.history.length - HISTORY);
}

async function syncFolder(ctx: CoreContext, source: SourceRecord, report: ImportReport): Promise<void> {
  const { files } = await expandPaths([source.path!]);
  const ready: string[] = [];
  for (const file of files) if (await settled(file)) ready.push(file);
  await ingestFiles(ctx, ready.map((path) => ({ path, sourceId: source.id })), report);
}

/** The page of a feed item that carries its full text, built from the feed itself. */
function itemPage(item: FeedItem, feedTitle: string): string {
  const date = item.published?.slice(0, 10) ?? '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(item.title)}_${escapeHtml(feedTitle)}</title></head>
<body><h1>${escapeHtml(item.title)}</h1><div class="info">${date}${item.author ? ` 作者：${escapeHtml(item.author)}` : ''}</div>
<article>${item.content ?? ''}</article></body></html>`;
}

const textLength = (html: string): number => html.replace(/<[^>]*>/g, '').replace(/\s+/g, '').length;

interface Pending {
  key: string;
  version: string;
  item: IngestItem;
}

async function ingestPending(ctx: CoreContext, source: SourceRecord, pending: Pending[], report: ImportReport): Promise<void> {
  const before = new Set([...report.added, ...report.updated, ...report.unchanged].map((r) => r.path));
  await ingestFiles(ctx, pending.map((p) => p.item), report);
  const ids = new Map([...report.added, ...report.updated, ...report.unchanged].filter((r) => !before.has(r.path)).map((r) => [r.path, r.id]));
  ctx.store.stage(() => {
    for (const p of pending) {
      const id = ids.get(p.item.url ?? p.item.path);
      if (id) source.items[p.key] = { docId: id, version: p.version };
    }
  });
  for (const p of pending) await rm(p.item.path, { force: true });
}

const known = (ctx: CoreContext, source: SourceRecord, key: string, version: string): string | undefined => {
  const seen = source.items[key];
  return seen && seen.version === version && ctx.store.data.documents.some((d) => d.id === seen.docId) ? seen.docId : undefined;
};

async function syncFeed(ctx: CoreContext, source: SourceRecord, report: ImportReport, options: SyncOptions): Promise<void> {
  const url = source.url!;
  const headers: Record<string, string> = {};
  if (source.etag) headers['If-None-Match'] = source.etag;
  if (source.lastModified) headers['If-Modified-Since'] = source.lastModified;
  const response = await fetchBytes(url, { ...options.http, headers, signal: options.signal });
  if (response.status === 304) return;
  const feed = (await import('./feed.js')).parseFeed(response.bytes, response.headers.get('content-type') ?? undefined, url);
  const dir = join(ctx.libraryDir, 'downloads');
  await mkdir(dir, { recursive: true });
  const pending: Pending[] = [];
  let done = 0;
  await eachLimited(feed.items, DOWNLOADS_AT_ONCE, async (item) => {
    const version = hash(`${item.title}|${item.published ?? ''}|${item.content ?? ''}|${item.enclosures.map((e) => e.url).join(',')}`);
    try {
      const docId = known(ctx, source, item.id, version);
      if (docId) {
        report.unchanged.push({ id: docId, path: item.link ?? item.id });
        return;
      }
      for (const enclosure of item.enclosures.filter((e) => /\.pdf(?:$|[?#])/i.test(e.url) || e.type === 'application/pdf')) {
        const dest = join(dir, `${source.id}-${hash(enclosure.url)}.pdf`);
        await downloadFile(enclosure.url, dest, { ...options.http, signal: options.signal });
        pending.push({ key: `${item.id}#${enclosure.url}`, version, item: { path: dest, url: enclosure.url, sourceId: source.id, fallback: { title: item.title } } });
      }
      const dest = join(dir, `${source.id}-${hash(item.id)}.html`);
      if (item.content && textLength(item.content) >= FULL_TEXT_CHARS) {
        await writeFile(dest, itemPage(item, feed.title));
        pending.push({ key: item.id, version, item: { path: dest, url: item.link ?? item.id, sourceId: source.id } });
      } else if (item.link && !/\.pdf(?:$|[?#])/i.test(item.link)) {
        const page = await fetchBytes(item.link, { ...options.http, signal: options.signal });
        await writeFile(dest, page.bytes);
        const contentType = page.headers.get('content-type') ?? undefined;
        pending.push({ key: item.id, version, item: { path: dest, url: item.link, sourceId: source.id, options: contentType ? { contentType } : {} } });
      }
    } catch (error) {
      report.failed.push(failureOf(item.link ?? item.id, error));
    } finally {
      ctx.emit({ type: 'sync.progress', done: ++done, total: feed.items.length, current: item.title, sourceId: source.id });
    }
  });
  await ingestPending(ctx, source, pending, report);
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  ctx.store.stage(() => {
    if (etag) source.etag = etag;
    if (lastModified) source.lastModified = lastModified;
  });
}

async function syncManifest(ctx: CoreContext, source: SourceRecord, report: ImportReport, options: SyncOptions): Promise<void> {
  const url = source.url!;
  const token = await ctx.secrets.get(source.id);
  if (!token) throw fail('sync.no-token', { name: source.name });
  const origin = new URL(url).origin;
  const auth = (target: string): Record<string, string> => (new URL(target).origin === origin ? { Authorization: `Bearer ${token}` } : {});
  const response = await fetchBytes(url, { ...options.http, headers: auth(url), signal: options.signal });
  const manifest = parseManifest(response.bytes, url);
  for (const bad of manifest.invalid) report.failed.push({ path: `${source.name} · ${bad.id}`, error: bad.reason });
  const dir = join(ctx.libraryDir, 'downloads');
  await mkdir(dir, { recursive: true });
  const pending: Pending[] = [];
  let done = 0;
  await eachLimited(manifest.items, DOWNLOADS_AT_ONCE, async (item: ManifestItem) => {
    const version = `${item.updatedAt ?? ''}|${item.sha256 ?? ''}|${item.url}`;
    try {
      const docId = known(ctx, source, item.id, version);
      if (docId) {
        report.unchanged.push({ id: docId, path: item.url });
        return;
      }
      const ext = item.kind === 'article' ? '.html' : `.${item.kind}`;
      const dest = join(dir, `${source.id}-${hash(item.id)}${ext}`);
      let contentType: string | undefined;
      if (item.kind === 'article') {
        const page = await fetchBytes(item.url, { ...options.http, headers: auth(item.url), signal: options.signal });
        contentType = page.headers.get('content-type') ?? undefined;
        await writeFile(dest, page.bytes);
      } else {
        await downloadFile(item.url, dest, {
          ...options.http,
          headers: auth(item.url),
          signal: options.signal,
          ...(item.sha256 ? { sha256: item.sha256 } : {}),
          ...(item.size !== undefined ? { size: item.size } : {}),
          onProgress: (received, total) =>
            ctx.emit({ type: 'sync.progress', done, total: manifest.items.length, current: item.title, sourceId: source.id, bytes: { received, total } }),
        });
      }
      pending.push({
        key: item.id,
        version,
        item: { path: dest, url: item.url, sourceId: source.id, options: contentType ? { contentType } : {}, fallback: { title: item.title, ...(item.category ? { category: item.category } : {}) } },
      });
    } catch (error) {
      report.failed.push(failureOf(displayUrl(item.url), error));
    } finally {
      ctx.emit({ type: 'sync.progress', done: ++done, total: manifest.items.length, current: item.title, sourceId: source.id });
    }
  });
  await ingestPending(ctx, source, pending, report);
}

/** Syncs one source; its failure is recorded on it and reported, never thrown. */
export async function syncSource(ctx: CoreContext, source: SourceRecord, options: SyncOptions): Promise<ImportReport> {
  const report = emptyReport();
  let error: string | undefined;
  try {
    if (source.kind === 'folder') await syncFolder(ctx, source, report);
    else if (source.kind === 'feed') await syncFeed(ctx, source, report, options);
    else await syncManifest(ctx, source, report, options);
  } catch (e) {
    error = YanduError.from(e).message;
    report.failed.push({ path: source.path ?? displayUrl(source.url ?? ''), error });
  }
  record(ctx, source, report, error);
  await ctx.store.commit({ type: 'sources.changed' });
  return report;
}

/** Marks documents whose file is gone (the library keeps its copy), in one change. */
async function markMissing(ctx: CoreContext, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const gone = new Set(ids);
  await ctx.store.change(
    (data) => {
      for (const doc of data.documents) if (gone.has(doc.id)) doc.sourceMissing = true;
    },
    { type: 'library.changed', ids },
    { keysKept: true },
  );
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Folder files that a source already brought in and that are gone now. */
export async function markRemovedFiles(ctx: CoreContext, source: SourceRecord): Promise<void> {
  if (source.kind !== 'folder') return;
  const gone: string[] = [];
  for (const doc of ctx.store.data.documents) {
    if (doc.sourceId !== source.id || !doc.sourcePath || doc.sourceMissing) continue;
    if (!(await exists(doc.sourcePath))) gone.push(doc.id);
  }
  await markMissing(ctx, gone);
}

/**
 * Files imported by hand (no source): each is read again — a changed file becomes a new version
 * of its document — and the vanished ones are marked `sourceMissing`. The files of a document's
 * other forms (its PDF, its page) are read again too.
 */
export async function syncImportedFiles(ctx: CoreContext): Promise<ImportReport> {
  const report = emptyReport();
  const present: string[] = [];
  const missing: string[] = [];
  for (const doc of ctx.store.data.documents) {
    if (doc.sourceId) continue; // files of a watched folder are that source's
    for (const form of doc.forms ?? []) if (form.sourcePath && (await exists(form.sourcePath))) present.push(form.sourcePath);
    if (!doc.sourcePath) continue;
    if (await exists(doc.sourcePath)) present.push(doc.sourcePath);
    else if (!doc.sourceMissing) missing.push(doc.id);
  }
  await markMissing(ctx, missing);
  await ingestFiles(ctx, [...new Set(present)].map((path) => ({ path })), report);
  return report;
}

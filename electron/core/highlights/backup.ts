/**
 * A JSON backup of everything the user made (highlights and notes, the highlight trash, document
 * topics confirmed and 推荐, the topic list, what suggestions learnt and the preferences
 * (`topics/backup-topics.ts`), reading positions, sync sources — never tokens; core adds the 复习
 * cards with their state and log), and its restore. Documents are named
 * by id and by the sha256 of their file, so a backup restores into another library that holds
 * the same files under other ids. Restoring adds what is missing and changes nothing else;
 * highlights whose document is not there are kept too (they appear once it is imported).
 *
 * @example
 * const json = makeBackup(ctx);            // → string
 * await restoreBackup(ctx, json);          // → { highlights: 12, documents: 5, unmatched: 0 }
 */
import type { Highlight, ReadingPosition } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import type { SourceRecord } from '../store/schema.js';
import { reanchorDocument } from './highlights.js';
import { fail } from '../../shared/error-words.js';
import { backupTopics, docTopics, restoreDocTopics, restoreTopics, type DocTopicsBackup, type TopicsBackup } from '../topics/backup-topics.js';
import { topicsOf } from '../topics/topics.js';

export const BACKUP_FORMAT = 'yandu-backup';
export const BACKUP_VERSION = 1;

interface DocEntry extends DocTopicsBackup {
  id: string;
  sha256: string;
  /** Earlier versions' hashes: a file updated since the backup still matches. */
  versions: string[];
  title: string;
  url?: string;
  sourcePath?: string;
  topics: string[];
  position?: ReadingPosition;
  progress?: number;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: number;
  documents: DocEntry[];
  highlights: Highlight[];
  highlightTrash: { highlight: Highlight; removedAt: number }[];
  sources: Omit<SourceRecord, 'items' | 'etag' | 'lastModified'>[];
  /** Absent in backups of an earlier Yandu. */
  topics?: TopicsBackup;
}

export function makeBackup(ctx: CoreContext): Backup {
  const { documents, highlights, highlightTrash, sources } = ctx.store.data;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: ctx.now(),
    documents: [...documents, ...ctx.store.data.trash.map((t) => t.document)].map((d) => ({
      id: d.id,
      sha256: d.sha256,
      versions: d.versions.map((v) => v.sha256),
      title: d.title,
      ...(d.url ? { url: d.url } : {}),
      ...(d.sourcePath ? { sourcePath: d.sourcePath } : {}),
      topics: d.topics,
      ...docTopics(d),
      ...(d.position ? { position: d.position } : {}),
      ...(d.progress !== undefined ? { progress: d.progress } : {}),
    })),
    highlights,
    highlightTrash,
    sources: sources.map(({ items: _items, etag: _etag, lastModified: _lm, ...rest }) => rest),
    topics: backupTopics(ctx.store.data),
  };
}

function parseBackup(json: string): Backup {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw fail('restore.not-json');
  }
  const b = value as Partial<Backup>;
  if (b?.format !== BACKUP_FORMAT || !Array.isArray(b.documents) || !Array.isArray(b.highlights))
    throw fail('restore.not-backup');
  if ((b.version ?? 0) > BACKUP_VERSION) throw fail('restore.too-new', { version: b.version ?? 0, known: BACKUP_VERSION });
  return b as Backup;
}

export interface RestoreReport {
  highlights: number;
  documents: number;
  unmatched: number;
  sources: number;
  /** Topics of the backup's list the library did not have. */
  topics?: number;
  /** 复习 cards added (with their state and log). */
  cards?: number;
}

export async function restoreBackup(ctx: CoreContext, json: string): Promise<RestoreReport> {
  const backup = parseBackup(json);
  topicsOf(ctx); // the library's list seeded, so the backup's own topics join it
  // Everything is matched and added in one staged change, written once at the end.
  const { map, touched, added, unmatched, sources, live, topics } = ctx.store.stage((data) => {
    const live = [...data.documents, ...data.trash.map((t) => t.document)];
    // Backup document id → this library's document.
    const map = new Map<string, (typeof live)[number]>();
    let unmatched = 0;
    for (const entry of backup.documents) {
      const doc =
        live.find((d) => d.id === entry.id) ??
        live.find((d) => d.sha256 === entry.sha256 || d.versions.some((v) => v.sha256 === entry.sha256) || entry.versions?.includes(d.sha256)) ??
        live.find((d) => (entry.url && d.url === entry.url) || (entry.sourcePath && d.sourcePath === entry.sourcePath));
      if (!doc) {
        unmatched++;
        continue;
      }
      map.set(entry.id, doc);
      doc.topics = [...new Set([...doc.topics, ...entry.topics])];
      restoreDocTopics(doc, entry);
      if (entry.position && (!doc.position || doc.position.at < entry.position.at)) {
        doc.position = entry.position;
        if (entry.progress !== undefined) doc.progress = entry.progress;
      }
    }
    const known = new Set([...data.highlights.map((h) => h.id), ...data.highlightTrash.map((t) => t.highlight.id)]);
    const touched = new Set<string>();
    let added = 0;
    const adopt = (h: Highlight): Highlight => {
      const doc = map.get(h.docId);
      if (!doc) return h;
      touched.add(doc.id);
      return { ...h, docId: doc.id, target: { ...h.target, source: doc.id } };
    };
    for (const h of backup.highlights) {
      if (known.has(h.id)) continue;
      data.highlights.push(adopt(h));
      added++;
    }
    for (const t of backup.highlightTrash ?? []) if (!known.has(t.highlight.id)) data.highlightTrash.push({ ...t, highlight: adopt(t.highlight) });
    let sources = 0;
    for (const s of backup.sources ?? []) {
      if (data.sources.some((x) => x.id === s.id || (s.url && x.url === s.url) || (s.path && x.path === s.path))) continue;
      data.sources.push({ ...s, items: {} } as SourceRecord);
      sources++;
    }
    const topics = restoreTopics(data, backup.topics);
    return { map, touched, added, unmatched, sources, live, topics };
  });
  // Place the restored highlights in this library's text of their documents.
  for (const id of touched) {
    const doc = live.find((d) => d.id === id)!;
    const text = await ctx.blobs.readText(id).catch(() => undefined);
    if (text !== undefined) reanchorDocument(ctx, id, text, doc.kind === 'pdf');
  }
  await ctx.store.commit({ type: 'highlights.changed', docIds: [...touched] });
  ctx.emit({ type: 'library.changed', ids: [...touched] });
  if (sources) ctx.emit({ type: 'sources.changed' });
  if (topics) ctx.emit({ type: 'topics.changed' });
  return { highlights: added, documents: map.size, unmatched, sources, ...(topics ? { topics } : {}) };
}

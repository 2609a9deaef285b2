import { readFile, stat, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { YanduEvent } from '../../shared/types';
import { tempDir } from '../../../test/support/tmp';
import { DB_FILE } from './db';
import type { DocumentRecord } from './schema';
import { openStore, POSITIONS_FILE } from './store';

const now = (): number => Date.parse('2026-12-07T10:00:00Z');

const doc = (id: string): DocumentRecord => ({ id, kind: 'text', title: `笔记 ${id}`, topics: [], addedAt: 1, format: 'txt', sha256: id.padEnd(64, '0'), ext: '.txt', versions: [] });

const onDisk = async (dir: string): Promise<{ documents: DocumentRecord[] }> => JSON.parse(await readFile(join(dir, DB_FILE), 'utf8')) as { documents: DocumentRecord[] };

describe('the store', () => {
  it('writes each change once and announces it with one event', async () => {
    const dir = await tempDir();
    const events: YanduEvent[] = [];
    const store = await openStore(dir, { now, emit: (e) => events.push(e) });
    const n = await store.change((d) => d.documents.push(doc('d_1')), { type: 'library.changed', ids: ['d_1'] });
    expect(n).toBe(1);
    expect((await onDisk(dir)).documents.map((d) => d.id)).toEqual(['d_1']);
    expect(events).toEqual([{ type: 'library.changed', ids: ['d_1'] }]);
    // Staged changes wait for the commit, then go in one write.
    store.stage((d) => d.documents.push(doc('d_2')));
    store.stage((d) => d.documents.push(doc('d_3')));
    expect((await onDisk(dir)).documents).toHaveLength(1);
    await store.commit({ type: 'library.changed', ids: ['d_2', 'd_3'] });
    expect((await onDisk(dir)).documents).toHaveLength(3);
    expect(events).toHaveLength(2);
    await store.close();
  });

  it('saves reading positions as journal lines, not by rewriting the library, and reads them back', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now });
    await store.change((d) => d.documents.push(doc('d_1'), doc('d_2')));
    const before = await stat(join(dir, DB_FILE));
    for (let i = 1; i <= 50; i++) await store.savePosition(store.data.documents.find((d) => d.id === 'd_1')!, { page: i, fraction: 0.5, at: i }, i / 100);
    await store.savePosition(store.data.documents.find((d) => d.id === 'd_2')!, { fraction: 0.25, at: 7 }, 0.25);
    const after = await stat(join(dir, DB_FILE));
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
    expect((await readFile(join(dir, POSITIONS_FILE), 'utf8')).trim().split('\n')).toHaveLength(51);
    // A crash now (no close): the journal brings the positions back.
    const again = await openStore(dir, { now });
    expect(again.data.documents.find((d) => d.id === 'd_1')).toMatchObject({ position: { page: 50, fraction: 0.5 }, progress: 0.5 });
    expect(again.data.documents.find((d) => d.id === 'd_2')).toMatchObject({ position: { fraction: 0.25 }, progress: 0.25 });
    // Closing folds the journal into the library.
    await again.close();
    expect(await readFile(join(dir, POSITIONS_FILE), 'utf8')).toBe('');
    expect((await onDisk(dir)).documents.find((d) => d.id === 'd_1')).toMatchObject({ position: { page: 50 }, progress: 0.5 });
  });

  it('skips a journal line cut short by a crash, and lines of documents it does not have', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now });
    await store.change((d) => d.documents.push(doc('d_1')));
    await store.savePosition(store.data.documents.find((d) => d.id === 'd_1')!, { fraction: 0.3, at: 1 }, 0.3);
    await appendFile(join(dir, POSITIONS_FILE), `${JSON.stringify({ id: 'd_gone', position: { fraction: 0.9, at: 2 }, progress: 0.9 })}\n{"id":"d_1","position":{"fra`);
    const again = await openStore(dir, { now });
    expect(again.data.documents[0]).toMatchObject({ position: { fraction: 0.3 }, progress: 0.3 });
    expect(again.data.documents).toHaveLength(1);
  });

  it('folds the journal into the library after its line limit', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now, compactAfter: 10 });
    await store.change((d) => d.documents.push(doc('d_1')));
    for (let i = 0; i < 9; i++) await store.savePosition(store.data.documents.find((d) => d.id === 'd_1')!, { fraction: i / 10, at: i }, i / 10);
    expect((await readFile(join(dir, POSITIONS_FILE), 'utf8')).split('\n').filter(Boolean)).toHaveLength(9);
    await store.savePosition(store.data.documents.find((d) => d.id === 'd_1')!, { fraction: 0.95, at: 10 }, 0.95);
    expect(await readFile(join(dir, POSITIONS_FILE), 'utf8')).toBe('');
    expect((await onDisk(dir)).documents[0]).toMatchObject({ progress: 0.95 });
  });

  it('in strict mode, refuses to go on after the data was changed behind its back, or broken', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now, strict: true });
    await store.change((d) => d.documents.push(doc('d_1')));
    store.data.documents[0]!.title = '改了却没有保存';
    await expect(store.change((d) => d.sources.splice(0))).rejects.toThrow(/outside store.change/);
    const other = await openStore(await tempDir(), { now, strict: true });
    await expect(other.change((d) => d.documents.push({ ...doc('d_2'), title: 3 as unknown as string }))).rejects.toThrow(/documents\.0\.title/);
  });

  it('refuses to open a file that does not fit the layout, and keeps it', async () => {
    const dir = await tempDir();
    const bad = JSON.stringify({ schemaVersion: 5, createdAt: 1, documents: [{ id: 'd_1', title: 't' }], trash: [], sources: [], highlights: [], highlightTrash: [], topics: null, topicStats: null, topicFeedback: {} });
    await writeFile(join(dir, DB_FILE), bad);
    await expect(openStore(dir, { now })).rejects.toMatchObject({ code: 'library-corrupt', message: expect.stringContaining('documents.0.kind') });
    expect(await readFile(join(dir, DB_FILE), 'utf8')).toBe(bad);
  });

  it('opened for a quick read, skips the check until its first write, which it refuses on a bad file', async () => {
    const dir = await tempDir();
    const bad = JSON.stringify({ schemaVersion: 5, createdAt: 1, documents: [{ ...doc('d_1'), kind: 'scroll' }], trash: [], sources: [], highlights: [], highlightTrash: [], topics: null, topicStats: null, topicFeedback: {} });
    await writeFile(join(dir, DB_FILE), bad);
    const store = await openStore(dir, { now, checkOnOpen: false });
    expect(store.data.documents[0]!.id).toBe('d_1');
    await expect(store.change((d) => (d.documents[0]!.title = '新标题'))).rejects.toMatchObject({ code: 'library-corrupt' });
    expect(await readFile(join(dir, DB_FILE), 'utf8')).toBe(bad);
  });
});

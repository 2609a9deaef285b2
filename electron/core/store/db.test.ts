import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { backupAfterImport, DB_FILE, KEEP_BACKUPS, listBackups, listRestorePoints, openDatabase, recoverFromBackup } from './db';
import { SCHEMA_VERSION } from './schema';

const now = (): number => Date.parse('2026-11-27T10:00:00Z');

/** A library file as the first layout (schema 1) wrote it. */
const v1 = {
  schemaVersion: 1,
  createdAt: 1,
  documents: [{ id: 'd_old', kind: 'text', title: '旧笔记', addedAt: 5, sha256: 'ab'.repeat(32), format: 'txt', ext: '.txt', size: 9 }],
};

describe('library database', () => {
  it('creates a fresh library at the current schema', async () => {
    const dir = await tempDir();
    const db = await openDatabase(dir, { now });
    expect(db.data).toMatchObject({ schemaVersion: SCHEMA_VERSION, documents: [], trash: [], sources: [], highlights: [], highlightTrash: [] });
    expect(JSON.parse(await readFile(join(dir, DB_FILE), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('migrates an older file, keeping a backup of it as it was', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, DB_FILE), JSON.stringify(v1));
    const db = await openDatabase(dir, { now });
    expect(db.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.data.documents[0]).toMatchObject({ id: 'd_old', topics: [], versions: [{ sha256: 'ab'.repeat(32), size: 9 }] });
    expect(db.data.trash).toEqual([]);
    expect(db.data.sources).toEqual([]);
    const backups = await listBackups(dir);
    const before = backups.find((b) => b.includes('v1-before-migration'));
    expect(before).toBeDefined();
    expect(JSON.parse(await readFile(before!, 'utf8'))).toEqual(v1);
    expect(JSON.parse(await readFile(join(dir, DB_FILE), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses a corrupt file, names it and the last backup, and never overwrites it', async () => {
    const dir = await tempDir();
    await openDatabase(dir, { now }); // makes the daily backup
    const broken = '{"schemaVersion": 2, "documents": [';
    await writeFile(join(dir, DB_FILE), broken);
    const error = await openDatabase(dir, { now }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'library-corrupt' });
    expect((error as Error).message).toContain(join(dir, DB_FILE));
    expect((error as Error).message).toContain((await listBackups(dir))[0]!);
    expect(await readFile(join(dir, DB_FILE), 'utf8')).toBe(broken);
  });

  it('recovers from the last backup and keeps the damaged file', async () => {
    const dir = await tempDir();
    const db = await openDatabase(dir, { now });
    db.data.documents.push({ id: 'd_1', kind: 'text', title: 't', topics: [], addedAt: 1, format: 'txt', sha256: 'x', ext: '.txt', versions: [] });
    await db.write();
    await writeFile(join(dir, DB_FILE), 'garbage');
    const used = await recoverFromBackup(dir, now());
    expect(used.path).toBe((await listBackups(dir))[0]);
    const reopened = await openDatabase(dir, { now });
    expect(reopened.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await readdir(dir)).some((n) => n.startsWith('yandu.damaged-'))).toBe(true);
  });

  it('refuses to recover a healthy library, and changes nothing', async () => {
    const dir = await tempDir();
    const db = await openDatabase(dir, { now });
    db.data.documents.push({ id: 'd_1', kind: 'text', title: 't', topics: [], addedAt: 1, format: 'txt', sha256: 'x', ext: '.txt', versions: [] });
    await db.write();
    const before = await readFile(join(dir, DB_FILE), 'utf8');
    await expect(recoverFromBackup(dir, now())).rejects.toThrow(/healthy/);
    expect(await readFile(join(dir, DB_FILE), 'utf8')).toBe(before);
    // On purpose, with --force and a chosen point: the healthy file is kept as replaced-….
    const [point] = await listRestorePoints(dir);
    expect(point).toMatchObject({ kind: 'daily', documents: 0 });
    await recoverFromBackup(dir, now(), { force: true, from: point!.path.split('/').pop()! });
    expect((await readdir(dir)).some((n) => n.startsWith('yandu.replaced-'))).toBe(true);
  });

  it('keeps a restore point after import batches, at most one a minute, the last of each kind', async () => {
    const dir = await tempDir();
    await openDatabase(dir, { now });
    const start = Date.now();
    expect(await backupAfterImport(dir, start)).toMatch(/\.import\.json$/);
    expect(await backupAfterImport(dir, start + 1000)).toBeUndefined(); // within the minute
    for (let i = 1; i <= KEEP_BACKUPS + 3; i++) {
      // Each restore point is a minute after the last.
      const made = await backupAfterImport(dir, start + i * 61_000 + 1);
      expect(made, `batch ${i}`).toBeDefined();
      const { utimes } = await import('node:fs/promises');
      await utimes(made!, new Date(start + i * 61_000), new Date(start + i * 61_000));
    }
    const points = await listRestorePoints(dir);
    expect(points.filter((p) => p.kind === 'import')).toHaveLength(KEEP_BACKUPS);
    expect(points.filter((p) => p.kind === 'daily')).toHaveLength(1); // not crowded out by imports
  });

  it('refuses a file from a newer Yandu without touching it', async () => {
    const dir = await tempDir();
    const future = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, documents: [] });
    await writeFile(join(dir, DB_FILE), future);
    await expect(openDatabase(dir, { now })).rejects.toMatchObject({ code: 'library-too-new' });
    expect(await readFile(join(dir, DB_FILE), 'utf8')).toBe(future);
  });

  it('refuses JSON that is not a library', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, DB_FILE), '[1,2,3]');
    await expect(openDatabase(dir, { now })).rejects.toMatchObject({ code: 'library-corrupt' });
  });
});

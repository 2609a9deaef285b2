/**
 * `yandu.json`, the library's metadata and user data, kept with lowdb. Opening it:
 * - creates a fresh library when there is none;
 * - refuses a file that is not valid (names the file and the last backup; never overwrites it);
 * - refuses a file from a newer Yandu;
 * - backs up an older file, then migrates it;
 * - keeps restore points in `backups/`: daily, after each import batch that changed the library,
 *   and before each migration (the last {@link KEEP_BACKUPS} of each kind).
 * Every write is atomic. The layout is checked (`validate.ts`) once migrated. Only the store
 * (`store.ts`) writes it.
 *
 * @example
 * const db = await openDatabase('/lib', { now: Date.now }); // → lowdb's Low over the checked data
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { YanduError } from '../../shared/errors.js';
import { writeFileAtomic } from './atomic.js';
import { emptyLibrary, looksLikeLibrary, migrate, SCHEMA_VERSION, type LibraryData } from './schema.js';
import { problemOf } from './validate.js';
import { fail } from '../../shared/error-words.js';

export const DB_FILE = 'yandu.json';
export const BACKUP_DIR = 'backups';
export const KEEP_BACKUPS = 10;
const DAY = 24 * 60 * 60 * 1000;
/** Import batches closer together than this share one restore point. */
export const IMPORT_BACKUP_EVERY_MS = 60_000;

/** lowdb adapter that writes atomically and serializes writes. */
class AtomicJsonFile implements Adapter<LibraryData> {
  private queue: Promise<void> = Promise.resolve();
  constructor(
    private readonly path: string,
    private readonly initial: LibraryData,
  ) {}
  async read(): Promise<LibraryData> {
    return this.initial;
  }
  write(data: LibraryData): Promise<void> {
    // Compact: a fifth smaller than indented, so quicker to write and to read back at every start.
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}

export type Database = Low<LibraryData>;

/** Lists backups, newest first, as absolute paths. */
export async function listBackups(libraryDir: string): Promise<string[]> {
  const dir = join(libraryDir, BACKUP_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith('yandu.') && n.endsWith('.json'))
    .sort()
    .reverse()
    .map((n) => join(dir, n));
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

async function backup(libraryDir: string, label: string, now: number): Promise<string> {
  const dir = join(libraryDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const target = join(dir, `yandu.${stamp(now)}.${label}.json`);
  await copyFile(join(libraryDir, DB_FILE), target);
  return target;
}

/** Keeps the newest {@link KEEP_BACKUPS} restore points of each kind (daily, import, migration). */
async function pruneBackups(libraryDir: string): Promise<void> {
  const kept = new Map<string, number>();
  for (const path of await listBackups(libraryDir)) {
    const kind = /\.([a-z0-9-]+)\.json$/.exec(path)?.[1] ?? '';
    const n = (kept.get(kind) ?? 0) + 1;
    kept.set(kind, n);
    if (n > KEEP_BACKUPS) await rm(path, { force: true });
  }
}

/**
 * A restore point after an import batch changed the library (so a recovery loses at most the
 * batch under way, not a day of imports).
 *
 * @example
 * await backupAfterImport('/lib', Date.now()); // → '/lib/backups/yandu.2026-…import.json'
 */
export async function backupAfterImport(libraryDir: string, now: number): Promise<string | undefined> {
  // At most one a minute: files that arrive one by one in a watched folder are many batches.
  const [latest] = (await listBackups(libraryDir)).filter((p) => p.endsWith('.import.json'));
  if (latest && now - (await stat(latest)).mtimeMs < IMPORT_BACKUP_EVERY_MS) return undefined;
  const made = await backup(libraryDir, 'import', now);
  await pruneBackups(libraryDir);
  return made;
}

/** What a restore point holds, to choose one before anything is replaced. */
export interface RestorePoint {
  path: string;
  /** `daily`, `import`, `vN-before-migration`. */
  kind: string;
  at: number;
  /** Undefined when the file cannot be read as a library. */
  documents?: number;
  highlights?: number;
  sources?: number;
}

/** The restore points of a library, newest first, each with what it holds. */
export async function listRestorePoints(libraryDir: string): Promise<RestorePoint[]> {
  const points: RestorePoint[] = [];
  for (const path of await listBackups(libraryDir)) {
    const kind = /\.([a-z0-9-]+)\.json$/.exec(path)?.[1] ?? '';
    const at = (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
    const point: RestorePoint = { path, kind, at };
    try {
      const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      if (looksLikeLibrary(raw)) {
        point.documents = (raw.documents as unknown[]).length;
        point.highlights = Array.isArray(raw.highlights) ? raw.highlights.length : 0;
        point.sources = Array.isArray(raw.sources) ? raw.sources.length : 0;
      }
    } catch {
      // listed as unreadable
    }
    points.push(point);
  }
  return points;
}

/** Refuses data that does not fit the layout, as a damaged library (named, never overwritten). */
export async function checkLayout(libraryDir: string, data: unknown): Promise<void> {
  const problem = problemOf(data);
  if (problem) throw await corruptError(libraryDir, `not a valid library: ${problem}`);
}

async function corruptError(libraryDir: string, reason: string): Promise<YanduError> {
  const [latest] = await listBackups(libraryDir);
  const file = join(libraryDir, DB_FILE);
  return latest ? fail('store.corrupt', { file, reason, backup: latest, dir: libraryDir }) : fail('store.corrupt-no-backup', { file, reason });
}

/**
 * Opens `yandu.json` (see above). `check: false` leaves the layout check to the caller (the store
 * of a one-shot read, which checks before its first write).
 */
export async function openDatabase(libraryDir: string, options: { now: () => number; check?: boolean }): Promise<Database> {
  const path = join(libraryDir, DB_FILE);
  let text: string | undefined;
  try {
    // Read whole, then decoded once: read with an encoding, the file was decoded chunk by chunk
    // (a tenth of a one-shot command's time on a large library).
    text = (await readFile(path)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  if (text === undefined) {
    const fresh = emptyLibrary(options.now());
    const db = new Low(new AtomicJsonFile(path, fresh), fresh);
    await db.read();
    await db.write();
    await dailyBackup(libraryDir, options.now());
    return db;
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw await corruptError(libraryDir, `not valid JSON: ${(error as Error).message}`);
  }
  if (!looksLikeLibrary(raw)) throw await corruptError(libraryDir, 'not a Yandu library file');
  const version = raw.schemaVersion as number;
  if (version > SCHEMA_VERSION) {
    throw fail('store.too-new', { file: path, version, known: SCHEMA_VERSION });
  }

  let data: LibraryData;
  if (version < SCHEMA_VERSION) {
    await backup(libraryDir, `v${version}-before-migration`, options.now());
    data = migrate(raw);
  } else {
    data = raw as unknown as LibraryData;
  }
  // A migrated file is always checked (it is about to be written).
  if (options.check !== false || version < SCHEMA_VERSION) await checkLayout(libraryDir, data);
  const db = new Low(new AtomicJsonFile(path, data), data);
  await db.read();
  if (version < SCHEMA_VERSION) await db.write();
  await dailyBackup(libraryDir, options.now());
  return db;
}

async function dailyBackup(libraryDir: string, now: number): Promise<void> {
  const [latest] = await listBackups(libraryDir);
  const age = latest ? now - (await stat(latest)).mtimeMs : Infinity;
  if (age < DAY) return;
  await backup(libraryDir, 'daily', now);
  await pruneBackups(libraryDir);
}

/** Why `yandu.json` cannot be opened, or undefined when it is a readable library. */
export async function damageOf(libraryDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(libraryDir, DB_FILE), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (error as Error).message;
  }
  try {
    return looksLikeLibrary(JSON.parse(text)) ? undefined : 'not a Yandu library file';
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
}

/**
 * Replaces a damaged `yandu.json` with a restore point: `from` (a path or file name from
 * {@link listRestorePoints}), else the newest that reads. The caller holds the library's lock. A
 * healthy `yandu.json` is refused (nothing is changed) unless `force`; the file replaced is kept
 * beside it as `yandu.damaged-<time>.json` (or `yandu.replaced-<time>.json` when it was healthy).
 *
 * @example
 * await recoverFromBackup('/lib', Date.now()); // → the restore point used
 */
export async function recoverFromBackup(libraryDir: string, now: number, options: { from?: string; force?: boolean } = {}): Promise<RestorePoint> {
  const damage = await damageOf(libraryDir);
  if (!damage && !options.force)
    throw fail('store.healthy', { file: join(libraryDir, DB_FILE) });
  const points = await listRestorePoints(libraryDir);
  const wanted = options.from ? points.filter((p) => p.path === options.from || p.path.endsWith(`/${options.from}`) || p.path.endsWith(`\\${options.from}`)) : points;
  const chosen = wanted.find((p) => p.documents !== undefined);
  if (!chosen)
    throw options.from ? fail('store.no-restore-point', { from: options.from, dir: join(libraryDir, BACKUP_DIR) }) : fail('store.no-backup', { dir: join(libraryDir, BACKUP_DIR) });
  const path = join(libraryDir, DB_FILE);
  await rename(path, join(libraryDir, `yandu.${damage ? 'damaged' : 'replaced'}-${stamp(now)}.json`)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await copyFile(chosen.path, path);
  return chosen;
}

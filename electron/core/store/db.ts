/**
 * `yandu.json`, the library's metadata and user data, kept with lowdb. Opening it:
 * - creates a fresh library when there is none;
 * - refuses a file that is not valid (names the file and the last backup; never overwrites it);
 * - refuses a file from a newer Yandu;
 * - backs up an older file, then migrates it;
 * - keeps a daily backup in `backups/` (the last {@link KEEP_BACKUPS}).
 * Every write is atomic.
 *
 * @example
 * const db = await openDatabase('/lib', { now: Date.now });
 * await db.update((data) => { data.documents.push(doc); });
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { YanduError } from '../../shared/errors.js';
import { writeFileAtomic } from './atomic.js';
import { emptyLibrary, looksLikeLibrary, migrate, SCHEMA_VERSION, type LibraryData } from './schema.js';

export const DB_FILE = 'yandu.json';
export const BACKUP_DIR = 'backups';
export const KEEP_BACKUPS = 10;
const DAY = 24 * 60 * 60 * 1000;

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
    const text = JSON.stringify(data, null, 1);
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

async function pruneBackups(libraryDir: string): Promise<void> {
  const all = await listBackups(libraryDir);
  for (const old of all.slice(KEEP_BACKUPS)) await rm(old, { force: true });
}

async function corruptError(libraryDir: string, reason: string): Promise<YanduError> {
  const [latest] = await listBackups(libraryDir);
  const file = join(libraryDir, DB_FILE);
  const offer = latest
    ? `The last backup is ${latest}; run \`yandu recover --library "${libraryDir}"\` to restore it (the damaged file is kept). / 可从最近的备份恢复。`
    : 'No backup exists yet. / 没有可用的备份。';
  return new YanduError(
    'library-corrupt',
    `store: ${file} cannot be read (${reason}); Yandu will not overwrite it. ${offer}`,
  );
}

export async function openDatabase(libraryDir: string, options: { now: () => number }): Promise<Database> {
  const path = join(libraryDir, DB_FILE);
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
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
    throw new YanduError(
      'library-too-new',
      `store: ${path} was written by a newer Yandu (schema ${version}, this one knows ${SCHEMA_VERSION}); update Yandu to open it. / 请升级研读后再打开此资料库。`,
    );
  }

  let data: LibraryData;
  if (version < SCHEMA_VERSION) {
    await backup(libraryDir, `v${version}-before-migration`, options.now());
    data = migrate(raw);
  } else {
    data = raw as unknown as LibraryData;
  }
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

/**
 * Replaces a damaged `yandu.json` with the newest backup that parses. The damaged file is kept
 * beside it as `yandu.damaged-<time>.json`. Returns the backup used.
 *
 * @example
 * await recoverFromBackup('/lib', Date.now()); // → '/lib/backups/yandu.2026-….daily.json'
 */
export async function recoverFromBackup(libraryDir: string, now: number): Promise<string> {
  for (const candidate of await listBackups(libraryDir)) {
    try {
      if (!looksLikeLibrary(JSON.parse(await readFile(candidate, 'utf8')))) continue;
    } catch {
      continue;
    }
    const path = join(libraryDir, DB_FILE);
    await rename(path, join(libraryDir, `yandu.damaged-${stamp(now)}.json`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await copyFile(candidate, path);
    return candidate;
  }
  throw new YanduError('not-found', `store: no readable backup in ${join(libraryDir, BACKUP_DIR)}.`);
}

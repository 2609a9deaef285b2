import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { acquireLock, LOCK_FILE, readLock } from './lock';

describe('library lock', () => {
  it('refuses a second holder with a message naming the first', async () => {
    const dir = await tempDir();
    const first = await acquireLock(dir, { owner: 'desktop' });
    await expect(acquireLock(dir, { owner: 'cli' })).rejects.toMatchObject({
      code: 'library-locked',
      message: expect.stringMatching(/desktop, pid \d+/),
    });
    await first.release();
    const second = await acquireLock(dir, { owner: 'cli' });
    expect(second.info.owner).toBe('cli');
    await second.release();
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, owner: 'crashed', since: 0 }));
    expect(await readLock(dir)).toBeUndefined();
    const lock = await acquireLock(dir, { owner: 'cli' });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).owner).toBe('cli');
    await lock.release();
  });

  it('publishes the URL and token in a file only its owner can read', async () => {
    const dir = await tempDir();
    const lock = await acquireLock(dir, { owner: 'web' });
    await lock.publish('http://127.0.0.1:1234', 'secret');
    expect(await readLock(dir)).toMatchObject({ url: 'http://127.0.0.1:1234', token: 'secret' });
    if (process.platform !== 'win32') expect((await stat(join(dir, LOCK_FILE))).mode & 0o077).toBe(0);
    await lock.release();
    expect(await readLock(dir)).toBeUndefined();
  });
});

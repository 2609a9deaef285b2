/**
 * Atomic file writes: write a temporary file in the same folder, flush it to disk, then rename it
 * over the target. A crash leaves either the old file or the new one, never half of either.
 * Derived files that can be made again from the originals (extracted text) may skip the flush
 * (`durable: false`): still never half-written, only possibly older after a power cut.
 *
 * @example
 * await writeFileAtomic('/lib/yandu.json', JSON.stringify(data));
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of temporary files; anything starting with it is never a finished file. */
export const TEMP_PREFIX = '.yandu-tmp-';

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const tmp = join(dirname(path), `${TEMP_PREFIX}${basename(path)}.${randomBytes(6).toString('hex')}`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

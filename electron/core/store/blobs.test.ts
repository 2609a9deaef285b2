import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { createBlobStore, sha256Of } from './blobs';

describe('blob store', () => {
  it('stores the same bytes once, under their sha256', async () => {
    const dir = await tempDir();
    const blobs = createBlobStore(dir);
    const bytes = new TextEncoder().encode('研读');
    const a = await blobs.putOriginal(bytes, '.MD');
    const b = await blobs.putOriginal(bytes, '.md');
    expect(a).toEqual(b);
    expect(a.sha256).toBe(sha256Of(bytes));
    expect(a.path).toBe(join(dir, 'files', a.sha256.slice(0, 2), `${a.sha256}.md`));
    expect(await readdir(join(dir, 'files', a.sha256.slice(0, 2)))).toEqual([`${a.sha256}.md`]);
  });

  it('keeps extracted text per document', async () => {
    const blobs = createBlobStore(await tempDir());
    await blobs.writeText('d_1', '正文');
    expect(await blobs.readText('d_1')).toBe('正文');
    await blobs.removeText('d_1');
    await expect(blobs.readText('d_1')).rejects.toThrow();
  });
});

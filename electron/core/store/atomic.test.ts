import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { TEMP_PREFIX, writeFileAtomic } from './atomic';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, 'old');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(path, `value ${i}`.repeat(1000))));
    expect(await readFile(path, 'utf8')).toMatch(/^(value \d+)+$/);
    expect((await readdir(dir)).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('leaves the old file when the target folder is gone', async () => {
    await expect(writeFileAtomic('/nonexistent-dir-yandu/a.json', 'x')).rejects.toThrow();
  });
});

import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { createCore } from '../index';
import { TEMP_PREFIX } from './atomic';
import { GRACE_MS } from './gc';

describe('what a crash leaves behind', () => {
  it('is collected when the library opens: unreferenced and old only', async () => {
    const dir = await tempDir('gc-');
    const library = join(dir, 'library');
    await writeFile(join(dir, 'note.md'), '# 笔记\n\n为基层减负。');
    let core = await createCore({ libraryDir: library, workers: 0 });
    const { added } = await core.api.addPaths({ paths: [join(dir, 'note.md')] });
    await core.close();
    // An original and a text a killed import left, long ago; and one an import wrote just now.
    const old = new Date(Date.now() - 2 * GRACE_MS);
    const stray = 'ab'.repeat(32);
    await mkdir(join(library, 'files', 'ab'), { recursive: true });
    await writeFile(join(library, 'files', 'ab', `${stray}.pdf`), 'stray');
    await writeFile(join(library, 'text', 'd_strayoldtext.txt'), 'stray');
    await utimes(join(library, 'files', 'ab', `${stray}.pdf`), old, old);
    await utimes(join(library, 'text', 'd_strayoldtext.txt'), old, old);
    await writeFile(join(library, 'text', 'd_strayfresh.txt'), 'just written');
    // What OCR read of a document long gone, and of one that is there.
    await mkdir(join(library, 'ocr'), { recursive: true });
    await writeFile(join(library, 'ocr', 'd_goneocr.jsonl'), '{"sha256":"x"}\n');
    await writeFile(join(library, 'ocr', `${added[0]!.id}.jsonl`), '{"sha256":"x"}\n');
    for (const name of ['d_goneocr.jsonl', `${added[0]!.id}.jsonl`]) await utimes(join(library, 'ocr', name), old, old);
    // The temporary files of writes a kill cut short: the old ones go, a fresh one (a write under way) stays.
    await writeFile(join(library, 'files', 'ab', `${TEMP_PREFIX}${stray}.pdf.1a2b3c`), 'half');
    await writeFile(join(library, 'text', `${TEMP_PREFIX}d_x.txt.4d5e6f`), 'half');
    await writeFile(join(library, 'text', `${TEMP_PREFIX}d_y.txt.000000`), 'being written');
    await utimes(join(library, 'files', 'ab', `${TEMP_PREFIX}${stray}.pdf.1a2b3c`), old, old);
    await utimes(join(library, 'text', `${TEMP_PREFIX}d_x.txt.4d5e6f`), old, old);
    core = await createCore({ libraryDir: library, workers: 0 });
    try {
      expect(await readdir(join(library, 'files', 'ab'))).toEqual([]);
      const texts = await readdir(join(library, 'text'));
      expect(texts).not.toContain('d_strayoldtext.txt');
      expect(texts).toContain('d_strayfresh.txt');
      expect(texts).not.toContain(`${TEMP_PREFIX}d_x.txt.4d5e6f`);
      expect(texts).toContain(`${TEMP_PREFIX}d_y.txt.000000`);
      expect(texts).toContain(`${added[0]!.id}.txt`);
      expect(await readdir(join(library, 'ocr'))).toEqual([`${added[0]!.id}.jsonl`]);
      expect((await core.api.getDocument({ id: added[0]!.id })).text).toContain('基层减负');
    } finally {
      await core.close();
    }
  }, 30_000);
});

import { appendFile, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { ocrPathOf, ocrStoreOf } from './ocr-store';

const item = { str: '基层减负', transform: [10, 0, 0, 10, 72, 700], width: 40, height: 10 };

describe('the OCR store', () => {
  it('keeps pages by number for one original, ignores a torn last line, and starts over for another original', async () => {
    const dir = await tempDir('ocr-store-');
    const store = ocrStoreOf(dir);
    await store.append('d_1', 'aaa', 1, { items: [item] });
    await store.append('d_1', 'aaa', 2, { items: [], error: 'damaged' });
    await appendFile(ocrPathOf(dir, 'd_1'), '{"n":3,"items":[{"str":"半');
    const pages = await store.read('d_1', 'aaa');
    expect([...pages.keys()]).toEqual([1, 2]);
    expect(pages.get(1)).toEqual({ items: [item] });
    expect(pages.get(2)).toEqual({ items: [], error: 'damaged' });
    // A new version of the file: what was read of the old one is not used, and is replaced.
    expect((await store.read('d_1', 'bbb')).size).toBe(0);
    await store.append('d_1', 'bbb', 1, { items: [item] });
    expect((await readFile(ocrPathOf(dir, 'd_1'), 'utf8')).trim().split('\n')).toHaveLength(2);
    expect([...(await store.read('d_1', 'bbb')).keys()]).toEqual([1]);
    await store.remove('d_1');
    expect((await store.read('d_1', 'bbb')).size).toBe(0);
  });
});

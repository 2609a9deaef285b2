/**
 * The OCR queue's failures, with stand-in readers (the real one is in
 * test/integration/ocr.test.ts): models that will not load stop the queue without marking any
 * page unreadable; a page that fails twice is given up and counted, and the queue goes on.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../test/support/shared';
import { tempDir } from '../../../test/support/tmp';
import { createCore, type Core } from '../index';

/** A stand-in OCR process: models that fail to load, or page 1 that always fails and page 2 read. */
const BROKEN = `process.on('message', () => process.send({ error: { code: 'internal', message: 'no models', key: 'ocr.engine' } }));`;
const FLAKY = `process.on('message', (job) => {
  if (job.n === 1) process.exit(3);
  process.send({ result: { items: [{ str: '第二页的文字已经识别出来了', transform: [10, 0, 0, 10, 72, 700], width: 130, height: 10 }], blank: false } });
});`;

async function withReader(source: string, run: (core: Core) => Promise<void>): Promise<void> {
  const dir = await tempDir('ocr-service-');
  const entry = join(dir, 'reader.mjs');
  await writeFile(entry, source);
  const core = await createCore({ libraryDir: join(dir, 'library'), workers: 0, ocr: true, ocrWorkerEntry: pathToFileURL(entry) });
  try {
    await run(core);
  } finally {
    await core.close();
  }
}

const settled = async (core: Core): Promise<void> => {
  for (let i = 0; i < 200 && (await core.api.ocrStatus({})).state !== 'idle'; i++) await new Promise((r) => setTimeout(r, 50));
};

describe('the OCR queue when reading fails', () => {
  it('stops, saying why, when the models cannot be loaded, and marks no page', async () => {
    await withReader(BROKEN, async (core) => {
      await core.api.addPaths({ paths: [join(SHARED, 'corpus', 'pdf', 'scanned-image-only.pdf')] });
      await settled(core);
      const status = await core.api.ocrStatus({});
      expect(status.error).toMatch(/no models/);
      expect(status.queued).toBe(1);
      const [doc] = await core.api.listDocuments({});
      expect(doc!.ocr).toEqual({ done: 0, total: 2 });
    });
  }, 60_000);

  it('gives a page up after a second try, counts it, and reads the next', async () => {
    await withReader(FLAKY, async (core) => {
      await core.api.addPaths({ paths: [join(SHARED, 'corpus', 'pdf', 'scanned-image-only.pdf')] });
      await settled(core);
      const [doc] = await core.api.listDocuments({});
      expect(doc!.ocr).toEqual({ done: 2, total: 2, failed: 1 });
      expect((await core.api.getDocument({ id: doc!.id })).pages![1]).toBe('第二页的文字已经识别出来了');
      expect((await core.api.ocrStatus({})).error).toBeUndefined();
    });
  }, 60_000);
});

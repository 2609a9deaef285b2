import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { DB_FILE, listBackups } from './db';
import { SCHEMA_VERSION } from './schema';
import { openStore } from './store';
import { problemOf } from './validate';

const now = (): number => Date.parse('2026-12-07T10:00:00Z');

const sha = 'cd'.repeat(32);
const v1Doc = { id: 'd_a', kind: 'pdf', title: '政府工作报告', addedAt: 10, sha256: sha, format: 'pdf', ext: '.pdf', size: 2048, pages: 12 };
const highlight = {
  id: 'h_1',
  docId: 'd_a',
  color: 'yellow',
  topics: [],
  createdAt: 20,
  updatedAt: 20,
  target: { source: 'd_a', selector: [{ type: 'TextQuoteSelector', exact: '高质量发展', prefix: '', suffix: '' }] },
  status: 'exact',
};

/** A library file as each earlier Yandu wrote it (the layouts of `schema.ts`'s history). */
const written: Record<number, Record<string, unknown>> = {
  1: { schemaVersion: 1, createdAt: 1, documents: [v1Doc] },
  2: { schemaVersion: 2, createdAt: 1, documents: [{ ...v1Doc, topics: ['经济发展'], versions: [{ sha256: sha, importedAt: 10, size: 2048 }] }], trash: [] },
  3: {
    schemaVersion: 3,
    createdAt: 1,
    documents: [{ ...v1Doc, topics: [], versions: [{ sha256: sha, importedAt: 10, size: 2048 }], sourceId: 's_1' }],
    trash: [],
    sources: [{ id: 's_1', kind: 'folder', name: '下载', path: '/home/u/下载', addedAt: 5, history: [], items: {} }],
  },
  4: {
    schemaVersion: 4,
    createdAt: 1,
    documents: [{ ...v1Doc, topics: [], versions: [{ sha256: sha, importedAt: 10, size: 2048 }], position: { page: 3, fraction: 0.5, at: 30 }, progress: 0.208 }],
    trash: [],
    sources: [],
    highlights: [highlight],
    highlightTrash: [],
  },
};

describe('migrations', () => {
  it('covers every earlier schema version', () => {
    expect(Object.keys(written).map(Number)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const [version, file] of Object.entries(written)) {
    it(`opens a library of schema ${version}: valid at schema ${SCHEMA_VERSION}, what it held kept, the old file backed up`, async () => {
      const dir = await tempDir();
      await writeFile(join(dir, DB_FILE), JSON.stringify(file));
      const store = await openStore(dir, { now, strict: true });
      expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
      expect(problemOf(store.data)).toBeUndefined();
      const d = store.data.documents[0]!;
      expect(d).toMatchObject({ id: 'd_a', title: '政府工作报告', pages: 12, versions: [{ sha256: sha, size: 2048 }] });
      expect(Array.isArray(d.topics)).toBe(true);
      if (Number(version) >= 2) expect(d.topics).toEqual((file.documents as { topics: string[] }[])[0]!.topics);
      if (Number(version) >= 3) expect(store.data.sources).toEqual(file.sources);
      if (Number(version) >= 4) {
        expect(store.data.highlights).toEqual([highlight]);
        expect(d).toMatchObject({ position: { page: 3 }, progress: 0.208 });
      }
      expect(store.data).toMatchObject({ trash: [], highlightTrash: [], topics: null, topicStats: null, topicFeedback: {} });
      const kept = (await listBackups(dir)).find((b) => b.includes(`v${version}-before-migration`));
      expect(JSON.parse(await readFile(kept!, 'utf8'))).toEqual(file);
      // And the migrated file opens again as it is.
      await store.close();
      const again = await openStore(dir, { now, strict: true });
      expect(again.data).toEqual(store.data);
    });
  }
});

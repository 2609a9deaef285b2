/**
 * A process that writes a library as fast as it can until it is killed (`store-crash.test.ts`):
 * each round adds a document through `store.change` (padded, so each write of `yandu.json` takes
 * a while), then saves a reading position; after each is durable it prints `doc N` or `pos N`.
 *
 * @example
 * node --import tsx test/support/store-writer.ts /lib
 */
import { openStore } from '../../electron/core/store/store';

const [dir] = process.argv.slice(2) as [string];
const store = await openStore(dir, { now: Date.now, compactAfter: 25 });
const pad = '长'.repeat(2_000);
for (let n = store.data.documents.length + 1; ; n++) {
  const id = `d_${n}`;
  await store.change((d) => d.documents.push({ id, kind: 'text', title: `第${n}篇 ${pad}`, topics: [], addedAt: n, format: 'txt', sha256: String(n).padStart(64, '0'), ext: '.txt', versions: [] }));
  process.stdout.write(`doc ${n}\n`);
  await store.savePosition(store.data.documents.at(-1)!, { fraction: 0.5, at: n }, 0.5);
  process.stdout.write(`pos ${n}\n`);
}

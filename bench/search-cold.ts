/**
 * Child process of the search benchmark: a fresh process opens the saved index (its unit table;
 * shards load on first use) and answers one query; prints the milliseconds from start of loading to the answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSavedIndex } from '../electron/core/search/index-store';

const [indexDir, textDir, query] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
const index = (await openSavedIndex(indexDir))!;
await index.search(query, { limit: 20, readText: async (id) => readFileSync(join(textDir, `${id}.txt`), 'utf8'), titles: () => '' });
console.log(performance.now() - start);

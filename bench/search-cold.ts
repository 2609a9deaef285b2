/**
 * Child process of the search benchmark: a fresh process loads the saved index and answers one
 * query; prints the milliseconds from start of loading to the answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearchIndex } from '../electron/core/search/search-index';

const [indexFile, textDir, query] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
const index = createSearchIndex(JSON.parse(readFileSync(indexFile, 'utf8')));
await index.search(query, { limit: 20, readText: async (id) => readFileSync(join(textDir, `${id}.txt`), 'utf8'), titles: () => '' });
console.log(performance.now() - start);

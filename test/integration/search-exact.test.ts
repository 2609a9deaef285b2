/**
 * Precision and recall of the index, proven against a brute-force scan: the laws corpus
 * (3,503 Markdown files, unpacked here), 240 queries — random 2–6 character substrings of the
 * corpus and terms a candidate would type — and for every query the same set of hits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../electron/core/search/normalize';
import { parseQuery } from '../../electron/core/search/query';
import { createSearchIndex, type SearchIndex } from '../../electron/core/search/search-index';
import { sampleSubstrings } from '../support/queries';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const TERMS = ['行政复议', '国家安全', '基层群众自治', '人民代表大会', '基层', '减负', '数字政府', '生态环境', '第十二条', '2018', 'GDP', '个人信息', '"国务院 规定"', '行政 复议 -复议机关', '民法典', '国'];

describe('search index: precision and recall against a scan', () => {
  const docs: { id: string; title: string; text: string; normTitle: string; normText: string }[] = [];
  let index: SearchIndex;

  beforeAll(async () => {
    const dir = await tempDir('laws-');
    execFileSync('tar', ['-xJf', join(SHARED, 'corpus', 'text', 'laws.tar.xz'), '-C', dir]);
    const walk = (d: string): void => {
      for (const name of readdirSync(d).sort()) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) {
          const text = readFileSync(path, 'utf8');
          docs.push({ id: `d${docs.length}`, title: name.replace(/\.md$/, ''), text, normTitle: normalize(name.replace(/\.md$/, '')), normText: normalize(text) });
        }
      }
    };
    walk(dir);
    index = createSearchIndex();
    for (const doc of docs) index.add({ id: doc.id, kind: 'text', title: doc.title }, doc.text);
  }, 600_000);

  it('finds exactly what a scan finds, for every query', async () => {
    expect(docs.length).toBeGreaterThanOrEqual(3500);
    // Seeded, so a failure can be replayed; any substring with a letter or digit in it.
    const queries = [...TERMS, ...sampleSubstrings(docs.map((d) => d.text), 240 - TERMS.length, 20261127, (q) => /[\p{L}\p{N}]/u.test(q))];
    const byId = new Map(docs.map((d) => [d.id, d]));
    const readText = async (id: string): Promise<string> => byId.get(id)!.text;
    const titles = (id: string): string => byId.get(id)!.title;
    const mismatches: string[] = [];
    for (const query of queries) {
      const parsed = parseQuery(query);
      const expected = docs
        .filter((d) => parsed.must.every((p) => d.normTitle.includes(p) || d.normText.includes(p)) && !parsed.not.some((p) => d.normTitle.includes(p) || d.normText.includes(p)))
        .map((d) => d.id)
        .sort();
      const result = await index.search(query, { limit: 100_000, readText, titles });
      const got = result.hits.map((h) => h.docId).sort();
      if (result.total !== expected.length || got.join() !== expected.join()) mismatches.push(`${JSON.stringify(query)}: index ${result.total}, scan ${expected.length}`);
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});

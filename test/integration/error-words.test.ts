/**
 * The error table is what the code throws: every key of `shared/error-words.ts` is used by core or
 * a host, and no error is written by hand in two languages (it would bypass the UI's words).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_WORDS, type ErrorKey } from '../../electron/shared/error-words';

const ROOT = join(import.meta.dirname, '..', '..', 'electron');
const sources = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
};

describe('error words in the code', () => {
  it('is what core and the hosts throw: every key used, no message written by hand in two languages', () => {
    const files = [...sources(join(ROOT, 'core')), ...sources(join(ROOT, 'web')), ...sources(join(ROOT, 'main'))];
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const key of Object.keys(ERROR_WORDS) as ErrorKey[]) expect(text.includes(`'${key}'`), key).toBe(true);
    // A YanduError built by hand with a bilingual literal bypasses the table (and the UI's words).
    for (const file of files) {
      const hand = readFileSync(file, 'utf8').match(/new YanduError\([^;]*\/ [^;]*[\u4e00-\u9fff][^;]*;/g) ?? [];
      expect(hand, file).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_WORDS, fail, fill, isErrorKey } from './error-words';
import { YanduError } from './errors';

const names = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('error words', () => {
  it('says every error in both languages, the Chinese naming only what the English names', () => {
    for (const [key, words] of Object.entries(ERROR_WORDS)) {
      expect(words.en.length, key).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(words.zh), key).toBe(true);
      for (const name of names(words.zh)) expect(names(words.en), `${key}: {${name}}`).toContain(name);
    }
  });

  it('makes an error with its code, key and params, and a message in both languages', () => {
    const e = fail('import.too-large', { name: 'a.pdf', mb: 200 });
    expect(e).toBeInstanceOf(YanduError);
    expect(e).toMatchObject({ code: 'import-failed', key: 'import.too-large', params: { name: 'a.pdf', mb: 200 } });
    expect(e.message).toBe("import: 'a.pdf' is over the 200 MB limit for one file. / 文件“a.pdf”过大（超过 200 MB）。");
    expect(YanduError.from(JSON.parse(JSON.stringify(e.toJSON())))).toMatchObject({ key: 'import.too-large', params: { mb: 200 } });
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(isErrorKey('topics.exists')).toBe(true);
    expect(isErrorKey('toString')).toBe(false);
  });
});

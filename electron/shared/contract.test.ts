import { describe, expect, it } from 'vitest';
import { argSchemas, parseArgs } from './contract';
import { YanduError } from './errors';
import { isMethodName, methodNames } from './methods';

describe('contract', () => {
  it('names the same methods in the list and the schemas', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...methodNames].sort());
  });

  it('accepts valid arguments and fills nothing in', () => {
    expect(parseArgs('search', { query: '基层减负', limit: 5 })).toEqual({ query: '基层减负', limit: 5 });
    expect(parseArgs('listDocuments', undefined)).toEqual({});
  });

  it('refuses bad arguments with a bad-arguments error naming the method and field', () => {
    const bad = (): unknown => parseArgs('getDocument', { id: 42 });
    expect(bad).toThrow(YanduError);
    expect(bad).toThrow(/getDocument: id:/);
    expect(() => parseArgs('search', { query: 'x', limit: 0 })).toThrow(/limit/);
    expect(() => parseArgs('listDocuments', { extra: true })).toThrow(/listDocuments/);
    try {
      parseArgs('addPaths', { paths: [] });
    } catch (error) {
      expect((error as YanduError).code).toBe('bad-arguments');
    }
  });

  it('knows its method names', () => {
    expect(isMethodName('search')).toBe(true);
    expect(isMethodName('__proto__')).toBe(false);
  });
});

describe('YanduError', () => {
  it('round-trips through JSON and wraps foreign errors as internal', () => {
    const e = YanduError.from(JSON.parse(JSON.stringify(new YanduError('not-found', 'library: no d_1'))));
    expect(e).toMatchObject({ code: 'not-found', message: 'library: no d_1' });
    expect(YanduError.from(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseCommandLine, positiveInt, UsageError } from './args';

describe('command line', () => {
  it('splits command, positionals and flags', () => {
    expect(parseCommandLine(['search', '基层', '减负', '--limit=5', '--json', '--library', '/lib'])).toEqual({
      command: 'search',
      positionals: ['基层', '减负'],
      flags: { limit: '5', json: true, library: '/lib' },
    });
  });

  it('treats everything after -- as positional', () => {
    expect(parseCommandLine(['add', '--', '--odd-name.md']).positionals).toEqual(['--odd-name.md']);
  });

  it('refuses unknown flags and missing values', () => {
    expect(() => parseCommandLine(['list', '--bogus'])).toThrow(UsageError);
    expect(() => parseCommandLine(['list', '--library'])).toThrow(/--library needs a value/);
    expect(() => positiveInt('x', 'limit', 1)).toThrow(/--limit/);
    expect(positiveInt(undefined, 'limit', 20)).toBe(20);
  });
});

import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './router';

describe('router', () => {
  it('round-trips pages, ids and queries', () => {
    expect(parseRoute(hrefOf('reader', { id: 'd_1' }))).toMatchObject({ page: 'reader', id: 'd_1' });
    const search = parseRoute(hrefOf('search', { q: '基层 减负' }));
    expect(search.page).toBe('search');
    expect(search.query.get('q')).toBe('基层 减负');
  });

  it('falls back to the library for unknown or empty hashes', () => {
    expect(parseRoute('').page).toBe('library');
    expect(parseRoute('#/nowhere').page).toBe('library');
  });
});

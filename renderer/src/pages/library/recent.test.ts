import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../../electron/shared/types';
import { recentlyRead } from './recent';

const doc = (id: string, at?: number, progress?: number): DocumentSummary =>
  ({ id, title: id, kind: 'article', topics: [], addedAt: 0, ...(at !== undefined ? { position: { fraction: progress ?? 0, at } } : {}), ...(progress !== undefined ? { progress } : {}) }) as DocumentSummary;

describe('继续阅读', () => {
  it('lists the documents last read first, leaving out the unread and the finished', () => {
    const docs = [doc('unread'), doc('old', 100, 0.3), doc('new', 300, 0.5), doc('done', 400, 0.99), doc('mid', 200, 0)];
    expect(recentlyRead(docs, 4).map((d) => d.id)).toEqual(['new', 'mid', 'old']);
    expect(recentlyRead(docs, 1).map((d) => d.id)).toEqual(['new']);
    expect(recentlyRead([], 4)).toEqual([]);
  });
});

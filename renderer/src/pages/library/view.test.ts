import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../../electron/shared/types';
import { arrange, facets } from './view';

const doc = (id: string, patch: Partial<DocumentSummary>): DocumentSummary => ({ id, kind: 'article', title: id, topics: [], addedAt: 0, ...patch });
const docs = [
  doc('a', { title: '乡村振兴', addedAt: 3, publishedAt: '2024-01-02', site: '人民网', kind: 'article', topics: ['基层治理/基层减负'], progress: 0.5 }),
  doc('b', { title: '基层减负', addedAt: 1, site: '人民网', kind: 'pdf', sourceId: 's1', recommendedTopics: ['数字政府/一网通办'] }),
  doc('c', { title: '数字政府', addedAt: 2, publishedAt: '2023-12-31', site: '新华网', topics: ['数字政府'], progress: 1 }),
];

describe('arrange', () => {
  it('sorts by added, published, title (pinyin) and progress, either way', () => {
    const ids = (view: Parameters<typeof arrange>[1]): string[] => arrange(docs, view).map((d) => d.id);
    expect(ids({ sort: 'added', desc: true })).toEqual(['a', 'c', 'b']);
    // b has no publication date: it comes last, whichever way (not dated by the day it was added).
    expect(ids({ sort: 'published', desc: false })).toEqual(['c', 'a', 'b']);
    expect(ids({ sort: 'published', desc: true })).toEqual(['a', 'c', 'b']);
    expect(ids({ sort: 'title', desc: false })).toEqual(['b', 'c', 'a']); // jī, shù, xiāng
    expect(ids({ sort: 'progress', desc: true })).toEqual(['c', 'a', 'b']);
  });

  it('filters by kind, site, topic (sub-topics included), source and title words', () => {
    const ids = (view: Partial<Parameters<typeof arrange>[1]>): string[] => arrange(docs, { sort: 'added', desc: true, ...view }).map((d) => d.id);
    expect(ids({ kind: 'pdf' })).toEqual(['b']);
    expect(ids({ site: '人民网' })).toEqual(['a', 'b']);
    expect(ids({ topic: '基层治理' })).toEqual(['a']);
    // A 推荐 tag counts for the filter (so a filter's suggestions can be confirmed in one go).
    expect(ids({ topic: '数字政府' })).toEqual(['c', 'b']);
    expect(ids({ source: 's1' })).toEqual(['b']);
    expect(ids({ source: 'manual' })).toEqual(['a', 'c']);
    expect(ids({ text: '政府' })).toEqual(['c']);
    expect(ids({ text: '新华' })).toEqual(['c']);
  });

  it('offers the sites and topics present, most used first', () => {
    expect(facets(docs)).toEqual({ sites: ['人民网', '新华网'], topics: ['基层治理/基层减负', '数字政府', '数字政府/一网通办'] });
  });
});

import { describe, expect, it } from 'vitest';
import { emptyLibrary } from '../store/schema';
import { restoreDocTopics, restoreTopics } from './backup-topics';

const library = () => ({ ...emptyLibrary(0), topics: [{ path: '民生保障', phrases: ['民生'] }], topicStats: { docs: 3, df: { 民生: 2 } } });

describe('restoring the topic side of a backup', () => {
  it('adds new topics, joins 提法, keeps the larger learnt counts, and asks for a recount of new 提法', () => {
    const data = library();
    data.topicFeedback = { 民生保障: { accepted: 3, rejected: 0 } };
    const added = restoreTopics(data, {
      list: [{ path: '民生保障', phrases: ['民生', '民生实事'] }, { path: '民生保障/分级诊疗', phrases: ['分诊'], description: 'd' }, { path: '', phrases: [] }, null as never],
      feedback: { 民生保障: { accepted: 1, rejected: 2 }, 其他: { accepted: -4, rejected: Number.NaN } },
    });
    expect(added).toBe(1);
    expect(data.topics).toEqual([{ path: '民生保障', phrases: ['民生', '民生实事'] }, { path: '民生保障/分级诊疗', phrases: ['分诊'], description: 'd' }]);
    expect(data.topicFeedback).toEqual({ 民生保障: { accepted: 3, rejected: 2 }, 其他: { accepted: 0, rejected: 0 } });
    expect(data.topicStats).toBeNull();
    // The same again: nothing new, the counts as they are.
    expect(restoreTopics(data, { list: data.topics, feedback: { 民生保障: { accepted: 1, rejected: 2 } } })).toBe(0);
    expect(data.topicFeedback.民生保障).toEqual({ accepted: 3, rejected: 2 });
  });

  it('takes preferences the library has not set, and none the API would refuse', () => {
    const data = library();
    data.preferences = { autoTopics: false, review: { retention: 0.8, newPerDay: 20, reviewsPerDay: 200 } };
    restoreTopics(data, { list: null, feedback: {}, preferences: { autoTopics: true, autoOcr: false, review: { retention: 0.9, newPerDay: 5, reviewsPerDay: 100 } } });
    expect(data.preferences).toEqual({ autoTopics: false, autoOcr: false, review: { retention: 0.8, newPerDay: 20, reviewsPerDay: 200 } });
    const fresh = library();
    restoreTopics(fresh, { list: null, feedback: {}, preferences: { autoOcr: 'yes', review: { retention: 5 } } as never });
    expect(fresh.preferences).toBeUndefined();
    expect(fresh.topicStats).toEqual({ docs: 3, df: { 民生: 2 } });
  });

  it('gives a document its 推荐 and dropped suggestions, never one it has confirmed or dropped', () => {
    const doc = { topics: ['民生保障/教育'], rejectedTopics: ['社会治理'] } as never as Parameters<typeof restoreDocTopics>[0];
    restoreDocTopics(doc, { recommended: ['民生保障/教育', '社会治理', '民生保障/就业'], rejected: ['文化建设', 7 as never] });
    expect(doc.recommendedTopics).toEqual(['民生保障/就业']);
    expect(doc.rejectedTopics).toEqual(['社会治理', '文化建设']);
  });
});

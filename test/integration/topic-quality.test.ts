/**
 * Topic suggestions measured on 76 hand-labelled documents (test/data/topic-labels.json: laws
 * of the shared corpus labelled by subject, and the article fixture). Fails if precision@3 or
 * recall@5 drop below what bench/RESULTS.md records (measured: 0.51 and 0.90).
 */
import { describe, expect, it } from 'vitest';
import { topicQuality } from '../support/topic-quality';
import { tempDir } from '../support/tmp';

describe('topic suggestion quality', () => {
  it('keeps precision@3 and recall@5 on the labelled documents', async () => {
    const q = await topicQuality(await tempDir('topic-quality-'));
    expect(q.documents).toBeGreaterThanOrEqual(60);
    expect(q.precisionAt3).toBeGreaterThanOrEqual(0.44);
    expect(q.recallAt5).toBeGreaterThanOrEqual(0.88);
  }, 180_000);
});

/**
 * Topic suggestions keep their held-out figures (bench/RESULTS.md): a classifier trained on the
 * `tune` split of the hand-labelled documents, measured on the `test` split. Fails if any figure
 * drops below a margin under what was measured (commentaries: exact top-1 0.88, labels in top 3
 * 0.86, precision of shown 0.96; laws: 0.84, 0.92, 0.90); and 申论·策论 offered for commentaries
 * (0.84 of them) but not for laws (none) nor most miscellaneous web pages (0.13).
 */
import { describe, expect, it } from 'vitest';
import { topicFigures } from '../support/topic-figures';
import { tempDir } from '../support/tmp';

describe('topic suggestion figures on held-out labels', () => {
  it('keeps exact top-1, labels in the top 3 and precision of what is shown', async () => {
    const q = await topicFigures(await tempDir('topic-figures-'));
    expect(q.rmrb.documents).toBe(92);
    expect(q.rmrb.exactTop1).toBeGreaterThanOrEqual(0.85);
    expect(q.rmrb.foundTop3).toBeGreaterThanOrEqual(0.84);
    expect(q.rmrb.shownPrecision).toBeGreaterThanOrEqual(0.92);
    expect(q.rmrb.shownPerDoc).toBeGreaterThanOrEqual(0.7);
    expect(q.laws.documents).toBeGreaterThanOrEqual(25);
    expect(q.laws.exactTop1).toBeGreaterThanOrEqual(0.76);
    expect(q.laws.foundTop3).toBeGreaterThanOrEqual(0.84);
    expect(q.laws.shownPrecision).toBeGreaterThanOrEqual(0.82);
    expect(q.rmrb.essayShare).toBeGreaterThanOrEqual(0.75);
    expect(q.laws.essayShare).toBeLessThanOrEqual(0.05);
    expect(q.web.documents).toBe(30);
    expect(q.web.essayShare).toBeLessThanOrEqual(0.2);
  }, 300_000);
});

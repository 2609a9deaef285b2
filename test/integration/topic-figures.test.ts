/**
 * Topic suggestions keep their held-out figures (bench/RESULTS.md): a classifier trained on the
 * `tune` split of the hand-labelled documents, measured on the `test` split. Fails if any figure
 * drops below a margin under what was measured (commentaries: exact top-1 0.88, labels in top 3
 * 0.89, precision of shown 0.95; laws: 0.84, 0.98, 1.00; PDFs: 0.92, 0.92, 0.85); and 申论·策论
 * offered for commentaries (0.80 of them) but not for laws (none) nor most miscellaneous web pages
 * (0.13). A held-out commentary printed to PDF gets its HTML page's first suggestion (10 of 10).
 */
import { describe, expect, it } from 'vitest';
import { figuresOf, interval, topicFigures, type TopicFigures } from '../support/topic-figures';
import { tempDir } from '../support/tmp';

/** The floors each held-out figure must keep (a little under what was measured). */
const FLOORS = {
  rmrb: { exactTop1: 0.86, foundTop3: 0.87, shownPrecision: 0.92, shownPerDoc: 0.7, essayShare: 0.75 },
  laws: { exactTop1: 0.76, foundTop3: 0.9, shownPrecision: 0.9 },
  pdf: { exactTop1: 0.8, foundTop3: 0.8, shownPrecision: 0.8 },
} as const;

describe('topic suggestion figures on held-out labels', () => {
  it('keeps exact top-1, labels in the top 3 and precision of what is shown', async () => {
    const q = await topicFigures(await tempDir('topic-figures-'));
    expect(q.rmrb.documents).toBe(92);
    expect(q.laws.documents).toBeGreaterThanOrEqual(25);
    expect(q.pdf.documents).toBe(12);
    expect(q.printed.documents).toBe(10);
    expect(q.printed.sameFirst).toBeGreaterThanOrEqual(9);
    for (const [set, floors] of Object.entries(FLOORS) as [keyof typeof FLOORS, Record<string, number>][])
      for (const [name, floor] of Object.entries(floors)) expect(q[set][name as keyof TopicFigures], `${set} ${name}`).toBeGreaterThanOrEqual(floor);
    // No law is 申论 material, and few miscellaneous web pages are.
    expect(q.laws.essayShare).toBeLessThanOrEqual(0.05);
    expect(q.web.documents).toBe(30);
    expect(q.web.essayShare).toBeLessThanOrEqual(0.2);
  }, 300_000);

  it('gives each figure a bootstrap interval that holds it and narrows with more documents', () => {
    const rows = (n: number): TopicFigures['rows'] => Array.from({ length: n }, (_, i) => ({ file: `${i}`, labels: ['a'], top3: [i % 10 < 9 ? 'a' : 'b'], shown: ['a'] }));
    const small = figuresOf(rows(90));
    const [low, high] = interval(small, 'exactTop1');
    expect(small.exactTop1).toBeCloseTo(0.9);
    expect(low).toBeLessThan(0.9);
    expect(high).toBeGreaterThan(0.9);
    expect(high - low).toBeGreaterThan(0.05); // 90 documents: about ±0.06
    const [low4, high4] = interval(figuresOf(rows(900)), 'exactTop1');
    expect(high4 - low4).toBeLessThan((high - low) / 2); // ten times the documents: about a third as wide
    expect(interval(small, 'shownPrecision')).toEqual([1, 1]); // every shown one right, in any sample
    expect(interval(small, 'exactTop1')).toEqual([low, high]); // the same rows, the same interval
  });
});

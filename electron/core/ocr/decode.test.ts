import { describe, expect, it } from 'vitest';
import { ctcDecode } from './decode';

/** Steps of one-hot probabilities over classes (0 is the blank). */
function steps(classes: number, best: number[], p = 0.9): Float32Array {
  const out = new Float32Array(best.length * classes).fill((1 - p) / (classes - 1));
  best.forEach((c, t) => (out[t * classes + c] = p));
  return out;
}

describe('greedy CTC', () => {
  it('drops blanks, merges repeats (not across a blank), keeps where each character was read', () => {
    const charset = ['坚', '持', '人'];
    const decoded = ctcDecode(steps(4, [0, 1, 1, 0, 2, 0, 2, 3]), 8, 4, charset);
    expect(decoded.text).toBe('坚持持人');
    expect(decoded.steps).toEqual([1, 4, 6, 7]);
    expect(decoded.confidence).toBeCloseTo(0.9);
  });

  it('reads nothing from blanks alone', () => {
    expect(ctcDecode(steps(4, [0, 0, 0]), 3, 4, ['a', 'b', 'c'])).toEqual({ text: '', confidence: 0, steps: [] });
  });
});

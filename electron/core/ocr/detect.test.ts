import { describe, expect, it } from 'vitest';
import { DB, textBoxes } from './detect';

/** A probability map with rectangles of the given probability. */
function mapWith(width: number, height: number, rects: { x: number; y: number; w: number; h: number; p: number }[]): Float32Array {
  const map = new Float32Array(width * height);
  for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) map[y * width + x] = r.p;
  return map;
}

describe('text boxes from the detection map', () => {
  it('finds one box per line kernel, grown back by area × ratio / perimeter, top to bottom', () => {
    const map = mapWith(200, 100, [
      { x: 20, y: 10, w: 160, h: 10, p: 0.9 },
      { x: 20, y: 40, w: 100, h: 10, p: 0.8 },
    ]);
    const boxes = textBoxes(map, 200, 100);
    expect(boxes).toHaveLength(2);
    const grow = (160 * 10 * DB.unclipRatio) / (2 * (160 + 10));
    expect(boxes[0]!.x).toBeCloseTo(20 - grow);
    expect(boxes[0]!.width).toBeCloseTo(160 + 2 * grow);
    expect(boxes[0]!.score).toBeCloseTo(0.9);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y);
  });

  it('drops regions that are too faint on the whole or too thin', () => {
    const map = mapWith(100, 60, [
      { x: 10, y: 5, w: 60, h: 8, p: 0.4 }, // above thresh, below box_thresh
      { x: 10, y: 30, w: 60, h: 2, p: 0.9 }, // thinner than the smallest text
    ]);
    expect(textBoxes(map, 100, 60)).toEqual([]);
  });
});

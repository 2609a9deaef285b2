import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBeside } from './place-beside';

const BOX = { width: 320, height: 300 };
const VIEW = { width: 1280, height: 800 };
const overlaps = (a: { top: number; bottom: number; left: number; right: number }, p: { top: number; left: number }): boolean =>
  p.left < a.right && p.left + BOX.width > a.left && p.top < a.bottom && p.top + BOX.height > a.top;

describe('the note box beside its passage', () => {
  it('goes right of a short passage, left of one at the right edge, below a line that spans the page', () => {
    expect(placeBeside({ top: 300, bottom: 340, left: 200, right: 600 }, BOX, VIEW)).toEqual({ top: 300, left: 612 });
    expect(placeBeside({ top: 300, bottom: 340, left: 700, right: 1200 }, BOX, VIEW)).toEqual({ top: 300, left: 368 });
    expect(placeBeside({ top: 100, bottom: 140, left: 240, right: 1100 }, BOX, VIEW)).toEqual({ top: 152, left: 240 });
    expect(placeBeside({ top: 600, bottom: 700, left: 240, right: 1100 }, BOX, VIEW)).toEqual({ top: 288, left: 240 });
  });

  it('never covers a passage that leaves it room, and stays in the window', () => {
    const rect = fc.record({ top: fc.integer({ min: 0, max: 760 }), h: fc.integer({ min: 10, max: 120 }), left: fc.integer({ min: 0, max: 1200 }), w: fc.integer({ min: 10, max: 900 }) });
    fc.assert(
      fc.property(rect, ({ top, h, left, w }) => {
        const at = { top, bottom: Math.min(800, top + h), left, right: Math.min(1280, left + w) };
        const p = placeBeside(at, BOX, VIEW);
        expect(p.top).toBeGreaterThanOrEqual(0);
        expect(p.left).toBeGreaterThanOrEqual(0);
        expect(p.top + BOX.height).toBeLessThanOrEqual(VIEW.height);
        expect(p.left + BOX.width).toBeLessThanOrEqual(VIEW.width);
        const room = VIEW.width - at.right >= 340 || at.left >= 340 || VIEW.height - at.bottom >= 320 || at.top >= 320;
        if (room) expect(overlaps(at, p)).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cropGray, grayOfRgba, isBlank, resizeGray } from './gray';

describe('grey images', () => {
  it('resizes keeping a thin dark stroke when shrinking a lot', () => {
    const width = 400;
    const data = new Uint8Array(width * 40).fill(255);
    for (let y = 0; y < 40; y++) data[y * width + 200] = 0; // a one-pixel vertical stroke
    const small = resizeGray({ width, height: 40, data }, 50, 5);
    expect(small.width * small.height).toBe(250);
    expect(Math.min(...small.data)).toBeLessThan(235);
  });

  it('crops within the image, clipping what lies outside', () => {
    const image = { width: 4, height: 3, data: Uint8Array.from({ length: 12 }, (_, i) => i) };
    expect(cropGray(image, 1, 1, 2, 2)).toEqual({ width: 2, height: 2, data: Uint8Array.from([5, 6, 9, 10]) });
    expect(cropGray(image, -2, 2, 10, 5)).toEqual({ width: 4, height: 1, data: Uint8Array.from([8, 9, 10, 11]) });
  });

  it('turns RGBA into grey, transparent as paper, and tells a blank page from one with ink', () => {
    expect([...grayOfRgba(Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 0]), 2, 1).data]).toEqual([0, 255]);
    const page = { width: 200, height: 200, data: new Uint8Array(40_000).fill(250) };
    expect(isBlank(page)).toBe(true);
    for (let i = 0; i < 400; i++) page.data[20_000 + i] = 10;
    expect(isBlank(page)).toBe(false);
  });
});

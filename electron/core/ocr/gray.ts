/**
 * Grey images for OCR: one byte per pixel, rows top to bottom. Resizing is bilinear (area-averaged
 * when shrinking by more than half, so thin strokes are not lost between samples).
 *
 * @example
 * const small = resizeGray({ width: 4, height: 2, data: new Uint8Array(8) }, 2, 1);
 * small.data.length; // → 2
 */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Halves an image (2×2 means), for shrinking by more than half without aliasing. */
function halve(image: GrayImage): GrayImage {
  const width = Math.max(1, image.width >> 1);
  const height = Math.max(1, image.height >> 1);
  const data = new Uint8Array(width * height);
  const src = image.data;
  const w = image.width;
  for (let y = 0; y < height; y++) {
    const r0 = Math.min(image.height - 1, y * 2) * w;
    const r1 = Math.min(image.height - 1, y * 2 + 1) * w;
    for (let x = 0; x < width; x++) {
      const c0 = Math.min(w - 1, x * 2);
      const c1 = Math.min(w - 1, x * 2 + 1);
      data[y * width + x] = (src[r0 + c0]! + src[r0 + c1]! + src[r1 + c0]! + src[r1 + c1]! + 2) >> 2;
    }
  }
  return { width, height, data };
}

export function resizeGray(image: GrayImage, width: number, height: number): GrayImage {
  let src = image;
  while (src.width >= width * 2 && src.height >= height * 2) src = halve(src);
  if (src.width === width && src.height === height) return src;
  const data = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  const s = src.data;
  const w = src.width;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(src.height - 1, Math.floor(fy));
    const y1 = Math.min(src.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(w - 1, Math.floor(fx));
      const x1 = Math.min(w - 1, x0 + 1);
      const dx = fx - x0;
      const top = s[y0 * w + x0]! * (1 - dx) + s[y0 * w + x1]! * dx;
      const bottom = s[y1 * w + x0]! * (1 - dx) + s[y1 * w + x1]! * dx;
      data[y * width + x] = Math.round(top * (1 - dy) + bottom * dy);
    }
  }
  return { width, height, data };
}

/** The part of an image inside a rectangle (clipped to the image). */
export function cropGray(image: GrayImage, x: number, y: number, width: number, height: number): GrayImage {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(image.width, Math.ceil(x + width));
  const y1 = Math.min(image.height, Math.ceil(y + height));
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const data = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) data.set(image.data.subarray((y0 + row) * image.width + x0, (y0 + row) * image.width + x0 + w), row * w);
  return { width: w, height: h, data };
}

/** RGBA pixels (a canvas's) to grey, by luma. */
export function grayOfRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    // Transparent pixels are paper.
    const a = rgba[i + 3]! / 255;
    const luma = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
    data[j] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/**
 * A page with (almost) no ink: fewer than 1 pixel in 2,000 darker than mid-grey. Such a page
 * (an empty back of a sheet) is not read.
 */
export function isBlank(image: GrayImage): boolean {
  let dark = 0;
  const limit = image.data.length / 2000;
  for (let i = 0; i < image.data.length; i += 2) if (image.data[i]! < 128 && ++dark > limit / 2) return false;
  return true;
}

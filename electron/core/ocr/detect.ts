/**
 * Text boxes from the detection model's map (PaddleOCR's DB post-processing, for upright pages):
 * the probability map is cut at {@link DB.thresh}; each connected region whose mean probability
 * is at least {@link DB.boxThresh} is a text line's kernel, grown back to the line by
 * `area × unclipRatio / perimeter` on every side (the kernels are shrunk copies of the lines).
 * Boxes are axis-aligned: scanned study material is upright text.
 *
 * @example
 * const boxes = textBoxes(probabilities, 1280, 1664);
 * boxes[0]; // → { x: 212.5, y: 180, width: 804, height: 31.5, score: 0.83 }
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export const DB = { thresh: 0.3, boxThresh: 0.6, unclipRatio: 1.5, minSize: 3, maxCandidates: 2000 };

export function textBoxes(map: Float32Array, width: number, height: number): Box[] {
  const n = width * height;
  const label = new Int32Array(n); // 0: not seen (or not text); k: in region k
  const queue = new Int32Array(n);
  const boxes: Box[] = [];
  let regions = 0;
  for (let start = 0; start < n && regions < DB.maxCandidates; start++) {
    if (label[start] !== 0 || map[start]! <= DB.thresh) continue;
    regions++;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = regions;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    let sum = 0;
    const visit = (q: number): void => {
      if (label[q] === 0 && map[q]! > DB.thresh) {
        label[q] = regions;
        queue[tail++] = q;
      }
    };
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % width;
      const y = (p - x) / width;
      sum += map[p]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      if (y < height - 1) visit(p + width);
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (Math.min(w, h) < DB.minSize) continue;
    // The box's score: the mean probability over its rectangle, as PaddleOCR's fast mode.
    let boxSum = 0;
    for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) boxSum += map[y * width + x]!;
    const score = boxSum / (w * h);
    if (score < DB.boxThresh && sum / tail < DB.boxThresh) continue;
    const grow = (w * h * DB.unclipRatio) / (2 * (w + h));
    if (Math.min(w, h) + 2 * grow < DB.minSize + 2) continue;
    boxes.push({ x: minX - grow, y: minY - grow, width: w + 2 * grow, height: h + 2 * grow, score });
  }
  return boxes;
}

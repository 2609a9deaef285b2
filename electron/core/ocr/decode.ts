/**
 * The recognition model's output to text: greedy CTC (the most likely class at each step; blanks
 * dropped, repeats merged), with the mean probability of the characters kept as the line's
 * confidence, and for each character the step where it was read (its place along the line:
 * steps are evenly spread over the line image's width).
 *
 * @example
 * ctcDecode(probabilities, 40, 6625, ['坚', '持', …]); // → { text: '坚持以人民为中心', confidence: 0.97, steps: [1, 6, 11, …] }
 */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, charset: readonly string[]): { text: string; confidence: number; steps: number[] } {
  let text = '';
  let total = 0;
  let count = 0;
  let previous = -1;
  const at: number[] = [];
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      const ch = charset[best - 1] ?? '';
      text += ch;
      for (let k = 0; k < ch.length; k++) at.push(t);
      total += bestP;
      count++;
    }
    previous = best;
  }
  return { text, confidence: count ? total / count : 0, steps: at };
}

/**
 * Extraction quality measures shared by tests and the benchmark.
 *
 * Character-level F1: precision and recall over the multiset of non-space characters of the
 * extracted text against the hand-made text (order-insensitive, as in common article-extraction
 * benchmarks).
 *
 * @example
 * charF1('基层减负', '为基层减负'); // → { f1: 0.888…, precision: 1, recall: 0.8 }
 */
export interface F1 {
  f1: number;
  precision: number;
  recall: number;
}

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\s+/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

export function charF1(predicted: string, gold: string): F1 {
  const a = bag(predicted);
  const b = bag(gold);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [ch, v] of a) overlap += Math.min(v, b.get(ch) ?? 0);
  if (!na || !nb) return { f1: na === nb ? 1 : 0, precision: na ? 0 : 1, recall: nb ? 0 : 1 };
  const precision = overlap / na;
  const recall = overlap / nb;
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

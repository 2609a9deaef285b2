/**
 * Search queries drawn from a corpus, reproducibly: random substrings of its texts (from a
 * seeded generator), for the precision/recall test and the search benchmark.
 *
 * @example
 * sampleSubstrings(texts, 192, 42, (q) => /^[\u4e00-\u9fff]+$/.test(q));
 */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` substrings of 2–6 characters of the texts that `keep` accepts. */
export function sampleSubstrings(texts: string[], count: number, seed: number, keep: (q: string) => boolean): string[] {
  const next = seeded(seed);
  const out: string[] = [];
  while (out.length < count) {
    const chars = [...texts[Math.floor(next() * texts.length)]!];
    const length = 2 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, chars.length - length));
    const query = chars.slice(start, start + length).join('');
    if (keep(query)) out.push(query);
  }
  return out;
}

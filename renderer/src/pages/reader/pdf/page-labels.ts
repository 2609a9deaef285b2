/**
 * A PDF's printed page labels (a book's front matter in roman numerals, its body from 1 again):
 * shown where the viewer names a page, and accepted when the user goes to one.
 *
 * @example
 * const labels = pageLabels(['i', 'ii', '1', '2']);
 * labels.labelOf(3);       // → '1'
 * labels.pageOf('ii');     // → 2
 * labels.pageOf('4');      // → 4 (no page prints 4: the fourth page)
 */
export interface PageLabels {
  /** True when some page prints another number than its place. */
  readonly differ: boolean;
  labelOf(n: number): string;
  /** The page a typed label or number names (1-based), or undefined. */
  pageOf(typed: string): number | undefined;
}

export function pageLabels(labels: readonly string[] | null | undefined, count = labels?.length ?? 0): PageLabels {
  const list = labels ?? [];
  const differ = list.some((label, i) => label !== String(i + 1));
  const byLabel = new Map<string, number>();
  list.forEach((label, i) => {
    const key = label.trim().toLowerCase();
    if (key && !byLabel.has(key)) byLabel.set(key, i + 1);
  });
  return {
    differ,
    labelOf: (n) => (differ ? list[n - 1] || String(n) : String(n)),
    pageOf(typed) {
      const key = typed.trim().toLowerCase();
      if (!key) return undefined;
      const labelled = differ ? byLabel.get(key) : undefined;
      if (labelled) return labelled;
      const n = Number(key);
      return Number.isInteger(n) && n >= 1 && n <= Math.max(count, list.length) ? n : undefined;
    },
  };
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight, starting them in order.
 *
 * @example
 * await eachLimited(files, 3, async (file, i) => download(file));
 */
export async function eachLimited<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

/**
 * A list that renders only the rows in view (plus a few around them), so ten thousand rows
 * scroll as smoothly as ten. Rows have a fixed height. It goes back to the top when `resetKey`
 * changes (a new query), not when the items are merely refreshed; it keeps row `follow` in view
 * when given (the thumbnail of the page being read).
 *
 * @example
 * <VirtualList items={hits} resetKey={query} rowHeight={104} render={(hit) => <HitCard hit={hit} />} />
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function VirtualList<T>({
  items,
  rowHeight,
  render,
  overscan = 6,
  testId,
  resetKey = items,
  follow,
}: {
  items: T[];
  rowHeight: number;
  render: (item: T, index: number) => ReactNode;
  overscan?: number;
  testId?: string;
  resetKey?: unknown;
  follow?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setHeight(el.clientHeight));
    resize.observe(el);
    setHeight(el.clientHeight);
    return () => resize.disconnect();
  }, []);

  useEffect(() => {
    box.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [resetKey]);

  // Row `follow` scrolled into view, as little as needed.
  useEffect(() => {
    const el = box.current;
    if (!el || follow === undefined || follow < 0) return;
    const top = follow * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [follow, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <div ref={box} className="virtual" data-testid={testId} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div key={first + i} className="virtual-row" style={{ position: 'absolute', top: (first + i) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}

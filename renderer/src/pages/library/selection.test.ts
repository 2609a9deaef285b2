import { describe, expect, it } from 'vitest';
import { clickRow, EMPTY_SELECTION, keepListed, selectAll } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }): string[] => [...s.ids].sort();

describe('library selection', () => {
  it('selects one on a plain click, toggles with Ctrl/⌘, and takes a range with Shift in list order', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'b', {});
    expect(ids(s)).toEqual(['b']);
    s = clickRow(s, order, 'd', { toggle: true });
    expect(ids(s)).toEqual(['b', 'd']);
    s = clickRow(s, order, 'b', { toggle: true });
    expect(ids(s)).toEqual(['d']);
    // The anchor is the row last clicked, even when that click unselected it (as in Explorer).
    s = clickRow(s, order, 'd', { range: true });
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    s = clickRow(clickRow(EMPTY_SELECTION, order, 'd', {}), order, 'a', { range: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.anchor).toBe('d');
    // Shift with Ctrl/⌘ adds the range to what was selected.
    s = clickRow(clickRow(EMPTY_SELECTION, order, 'e', {}), order, 'a', { toggle: true });
    s = clickRow(s, order, 'c', { range: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'e']);
  });

  it('selects all listed rows and forgets rows no longer listed', () => {
    const all = selectAll(order);
    expect(all.ids.size).toBe(5);
    const kept = keepListed(all, ['b', 'e']);
    expect(ids(kept)).toEqual(['b', 'e']);
    expect(kept.anchor).toBeUndefined();
    expect(keepListed(kept, ['b', 'e'])).toBe(kept);
  });
});

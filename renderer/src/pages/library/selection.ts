/**
 * Multi-select in the library list, as in a file manager: a plain click selects one row, Ctrl/⌘
 * toggles a row, Shift selects the range from the last clicked row (the anchor) in the list's
 * current order; "select all" takes every row the filter shows.
 *
 * @example
 * let s = EMPTY_SELECTION;
 * s = clickRow(s, ids, 'b', { toggle: true });  // → { ids: {b}, anchor: 'b' }
 * s = clickRow(s, ids, 'd', { range: true });   // → { ids: {b, c, d}, anchor: 'b' }
 */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor?: string;
}

export const EMPTY_SELECTION: Selection = { ids: new Set() };

export function clickRow(sel: Selection, order: readonly string[], id: string, how: { range?: boolean; toggle?: boolean }): Selection {
  if (how.range && sel.anchor !== undefined) {
    const a = order.indexOf(sel.anchor);
    const b = order.indexOf(id);
    if (a >= 0 && b >= 0) {
      const [from, to] = a < b ? [a, b] : [b, a];
      const ids = new Set(how.toggle ? sel.ids : []);
      for (const x of order.slice(from, to + 1)) ids.add(x);
      return { ids, anchor: sel.anchor };
    }
  }
  if (how.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

export const selectAll = (order: readonly string[]): Selection => ({ ids: new Set(order), ...(order[0] !== undefined ? { anchor: order[0] } : {}) });

/** Keeps only ids still listed (after a delete or a change of filter). */
export function keepListed(sel: Selection, order: readonly string[]): Selection {
  const listed = new Set(order);
  const ids = [...sel.ids].filter((x) => listed.has(x));
  if (ids.length === sel.ids.size) return sel;
  return { ids: new Set(ids), ...(sel.anchor !== undefined && listed.has(sel.anchor) ? { anchor: sel.anchor } : {}) };
}

/**
 * Where a box (the note editor) goes so that it never covers the passage it is about: to the
 * right of it when the window has room there, else to its left, else below it, else above it —
 * always inside the window.
 *
 * @example
 * placeBeside({ top: 300, bottom: 340, left: 200, right: 600 }, { width: 320, height: 300 }, { width: 1280, height: 800 });
 * // → { top: 300, left: 612 }
 */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const GAP = 12;
const EDGE = 8;

export function placeBeside(at: Rect, box: { width: number; height: number }, view: { width: number; height: number }): { top: number; left: number } {
  const clampTop = (top: number): number => Math.min(Math.max(EDGE, top), Math.max(EDGE, view.height - box.height - EDGE));
  const clampLeft = (left: number): number => Math.min(Math.max(EDGE, left), Math.max(EDGE, view.width - box.width - EDGE));
  if (view.width - at.right - GAP >= box.width + EDGE) return { top: clampTop(at.top), left: at.right + GAP };
  if (at.left - GAP >= box.width + EDGE) return { top: clampTop(at.top), left: at.left - GAP - box.width };
  if (view.height - at.bottom - GAP >= box.height + EDGE) return { top: at.bottom + GAP, left: clampLeft(at.left) };
  if (at.top - GAP >= box.height + EDGE) return { top: at.top - GAP - box.height, left: clampLeft(at.left) };
  // No side has room: below it, as far down as the window allows.
  return { top: clampTop(at.bottom + GAP), left: clampLeft(at.left) };
}

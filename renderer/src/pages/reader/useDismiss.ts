/**
 * Closes a popover panel of the reader's bar when the user presses the mouse anywhere outside
 * it (the 「Aa」 settings, 资料信息).
 *
 * @example
 * const root = useRef<HTMLDivElement>(null);
 * useDismiss(root, open, () => setOpen(false));
 */
import { useEffect, type RefObject } from 'react';

export function useDismiss(root: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [root, open, close]);
}

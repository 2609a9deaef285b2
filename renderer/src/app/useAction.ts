/**
 * What a click starts, run one way everywhere: `busy` names the action under way once it has
 * taken {@link BUSY_AFTER_MS} (quick actions do not flicker a spinner), and a failure is said in
 * a toast in the UI's language (`errorText`), never as a raw message — so no page writes its own
 * try/catch.
 *
 * @example
 * const { run, busy } = useAction(toast);
 * <button disabled={busy === 'sample'} onClick={() => run(() => client.addSample({}), 'sample')}>…</button>
 */
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';

export const BUSY_AFTER_MS = 300;

export function useAction(toast: (message: ToastMessage) => void): {
  run: <T>(action: () => Promise<T>, name?: string) => Promise<T | undefined>;
  busy: string | undefined;
} {
  const { lang } = useT();
  const [busy, setBusy] = useState<string>();
  const running = useRef(0);
  const run = useCallback(
    async <T,>(action: () => Promise<T>, name = 'action'): Promise<T | undefined> => {
      const mine = ++running.current;
      const timer = window.setTimeout(() => mine === running.current && setBusy(name), BUSY_AFTER_MS);
      try {
        return await action();
      } catch (error) {
        toast({ text: errorText(error, lang) });
        return undefined;
      } finally {
        window.clearTimeout(timer);
        if (mine === running.current) setBusy(undefined);
      }
    },
    [toast, lang],
  );
  return { run, busy };
}
